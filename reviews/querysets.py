"""Reads of review data. The visibility rule lives here and only here.

Every public page, count, facet, search, feed, sitemap and PDF asks
``Review.objects.visible_to(user)`` (or the finding equivalent) what it may show.
"""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone

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
    return audience_q(audience(user), prefix)


def audience_q(reader: str, prefix: str = "") -> Q | None:
    """``visibility_q`` for an audience rather than a user: what the search index stores per audience."""
    if reader == Audience.STAFF:
        return None
    condition = Q(**{f"{prefix}state": PUBLISHED})
    if reader == Audience.EVERYONE:
        condition &= Q(**{f"{prefix}visibility": PUBLIC})
    return condition


def _library_changed(review_ids, **kwargs):
    from reviews.caching import library_changed  # noqa: PLC0415 - caching reads this module

    library_changed(review_ids, **kwargs)


class ContentQuerySet(models.QuerySet):
    """Writes in bulk send no signals, yet change what the library shows and counts.

    So ``update``, ``bulk_create`` and ``delete`` mark the library changed themselves, in
    the same transaction (reviews/caching.py): cached pages go stale, the reviews concerned
    are counted again and the search vectors of what was written are made (PostgreSQL).
    """

    review_field = "pk"  # how a row names its review

    def _review_ids(self) -> set:
        return set(self.values_list(self.review_field, flat=True))

    # What a finding's search vector is made of (reviews/search.py ``_vector_sql``).
    REVIEW_TEXT = {"title", "why_it_matters", "summary"}
    FINDING_TEXT = {"text", "practice_area", "practice_area_id", "review", "review_id"}

    def _search_text_changed(self, fields) -> bool:
        if "search_vector" in fields:  # the writer sets the vectors itself
            return False
        return bool(fields.keys() & (self.REVIEW_TEXT if self.review_field == "pk" else self.FINDING_TEXT))

    def _search_vectors_update(self, *, ids=None, review_ids=None):
        from reviews.search import FINDING_MODELS, finding_search_vectors_update  # noqa: PLC0415

        if self.review_field == "pk":  # reviews: their text is in each of their findings' vectors
            finding_search_vectors_update(review_ids=review_ids)
        elif self.model in FINDING_MODELS:
            finding_search_vectors_update(models=[self.model], ids=ids)

    def update(self, **kwargs):
        with transaction.atomic(using=self.db):
            before = self._review_ids()
            ids = list(self.values_list("pk", flat=True))
            rows = super().update(**kwargs)
            moved = self.review_field != "pk" and {"review", "review_id"} & kwargs.keys()
            if rows:
                # A finding moved to another review changes that review's counts too.
                _library_changed(before | (self._review_ids() if moved else set()))
                if self._search_text_changed(kwargs):
                    self._search_vectors_update(ids=ids, review_ids=before)
        return rows

    def bulk_create(self, objs, *args, **kwargs):
        with transaction.atomic(using=self.db):
            created = super().bulk_create(objs, *args, **kwargs)
            if created:
                field = "pk" if self.review_field == "pk" else "review_id"
                _library_changed({getattr(obj, field) for obj in created})
                self._search_vectors_update(
                    ids=[obj.pk for obj in created if obj.pk is not None],
                    review_ids=[obj.pk for obj in created],
                )
        return created

    def delete(self):
        with transaction.atomic(using=self.db):
            before = self._review_ids()
            deleted = super().delete()
            if deleted[0]:
                _library_changed(before)
        return deleted


class ReviewQuerySet(ContentQuerySet):
    def touch(self, *, recount=True):
        """Mark these reviews changed (``updated_at``, the content version) without saving them.

        ``recount=False`` where what changed is only printed, never counted (a theme renamed).
        """
        with transaction.atomic(using=self.db):
            ids = self._review_ids()
            models.QuerySet.update(self, updated_at=timezone.now())
            _library_changed(ids, recount=recount)

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


class FindingQuerySet(ContentQuerySet):
    review_field = "review_id"

    def visible_to(self, user):
        condition = visibility_q(user, prefix="review__")
        return self if condition is None else self.filter(condition)

    def public(self):
        return self.visible_to(None)
