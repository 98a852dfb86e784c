"""Reads of review data. The visibility rule lives here and only here.

Every public page, count, facet, search, feed, sitemap and PDF asks
``Review.objects.visible_to(user)`` (or the finding equivalent) what it may show.
"""

from django.db import models
from django.db.models import Q

PUBLISHED = "published"
PUBLIC = "public"


def visibility_q(user, prefix: str = "") -> Q | None:
    """The condition a review (reached through ``prefix``) must meet for ``user`` to see it.

    * Anyone: published and public.
    * A signed-in reader (a partner agency's practitioner, or staff): published, public or partner-only.
    * Staff who may view reviews in the admin: everything, so that "view on site" previews drafts.

    ``None`` means no restriction.
    """
    if user is not None and user.is_active and user.is_staff and user.has_perm("reviews.view_review"):
        return None
    condition = Q(**{f"{prefix}state": PUBLISHED})
    if user is None or not user.is_authenticated or not user.is_active:
        condition &= Q(**{f"{prefix}visibility": PUBLIC})
    return condition


class ReviewQuerySet(models.QuerySet):
    def visible_to(self, user):
        condition = visibility_q(user)
        return self if condition is None else self.filter(condition)

    def public(self):
        """What an anonymous visitor may see; used for anything cached or printed for everyone."""
        return self.visible_to(None)


class FindingQuerySet(models.QuerySet):
    def visible_to(self, user):
        condition = visibility_q(user, prefix="review__")
        return self if condition is None else self.filter(condition)

    def public(self):
        return self.visible_to(None)
