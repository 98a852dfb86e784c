"""Reads of review data. The visibility rule lives here and only here.

Every public page, count, facet, search, feed, sitemap and PDF asks
``Review.objects.visible_to(user)`` (or the finding equivalent) what it may show.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, ExtractYear

PUBLISHED = "published"
PUBLIC = "public"
NOT_FOR_PUBLICATION = "not_for_publication"


def previews_unpublished(user, permission: str) -> bool:
    """Whether ``user`` is staff who may see unpublished content of the kind ``permission`` guards.

    Where staff must sign in with a second factor, a session that has given only the
    password is treated as an ordinary signed-in reader until the code is confirmed:
    a stolen password alone must not open drafts or withheld reviews.
    """
    if user is None or not user.is_active or not user.is_staff or not user.has_perm(permission):
        return False
    if settings.STAFF_TWO_FACTOR_REQUIRED:
        # django-otp's middleware adds is_verified() to request.user; any other user object is unverified.
        is_verified = getattr(user, "is_verified", None)
        return bool(is_verified and is_verified())
    return True


class Audience:
    """Who is reading, as the visibility rule sees them; also the name cached content is kept under."""

    EVERYONE = "everyone"
    SIGNED_IN = "signed-in"
    STAFF = "staff"


def audience(user) -> str:
    if previews_unpublished(user, "reviews.view_review"):
        return Audience.STAFF
    if user is not None and user.is_authenticated and user.is_active:
        return Audience.SIGNED_IN
    return Audience.EVERYONE


def visibility_q(user, prefix: str = "") -> Q | None:
    """The condition a review (reached through ``prefix``) must meet for ``user`` to see it.

    * Everyone: published and public.
    * A signed-in reader (a partner agency's practitioner, or staff): published, public or partner-only.
    * Staff who may view reviews in the admin (and, where required, passed the code step):
      everything, so that "view on site" previews drafts.

    ``None`` means no restriction.
    """
    reader = audience(user)
    if reader == Audience.STAFF:
        return None
    condition = Q(**{f"{prefix}state": PUBLISHED})
    if reader == Audience.EVERYONE:
        condition &= Q(**{f"{prefix}visibility": PUBLIC})
    return condition


class ReviewQuerySet(models.QuerySet):
    def visible_to(self, user):
        condition = visibility_q(user)
        return self if condition is None else self.filter(condition)

    def public(self):
        """What an anonymous visitor may see; used for anything cached or printed for everyone."""
        return self.visible_to(None)

    def public_notes(self):
        """The sentences the board wrote for everyone about reviews it decided not to publish.

        Apart from ``visible_to``: such a review is never visible, and only its note, its kind
        and a year (completed, else decided) are read. As values, so that nothing else of the
        review (its title, address, children or findings) can reach a page by accident.
        """
        return (
            self.filter(state=NOT_FOR_PUBLICATION)
            .exclude(public_note="")
            .annotate(year=Coalesce(ExtractYear("completed_on"), ExtractYear("decided_at")))
            .order_by(models.F("year").desc(nulls_last=True), "-id")
            .values("kind", "year", "public_note")
        )


class FindingQuerySet(models.QuerySet):
    def visible_to(self, user):
        condition = visibility_q(user, prefix="review__")
        return self if condition is None else self.filter(condition)

    def public(self):
        return self.visible_to(None)
