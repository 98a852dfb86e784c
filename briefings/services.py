"""Writes of newsletters: composing them and moving them between states.

Each transition validates and saves in a transaction. Publishing refuses, with a plain
message, a newsletter holding a review that everyone may not read, because a newsletter
is printed for everyone.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from briefings.documents import why_not_public
from briefings.keeping import newsletter_pdf_keep
from briefings.models import Newsletter, NewsletterReview
from reviews.models import Review

logger = logging.getLogger(__name__)
audit = logging.getLogger("lscb.audit")


def newsletter_problems(newsletter) -> list[str]:
    """Why the newsletter cannot be published yet, in words an officer can act on."""
    problems = []
    items = list(newsletter.items.select_related("review"))
    if not items:
        problems.append("Choose at least one review: this newsletter has none.")
    public_ids = set(
        Review.objects.public().filter(pk__in=[item.review_id for item in items]).values_list("pk", flat=True)
    )
    for item in items:
        review = item.review
        if review.pk not in public_ids:
            problems.append(
                f"“{review.title}” ({review.reference}) is {why_not_public(review)}: only a review "
                "published for everyone can go into a public newsletter. Remove it, or publish it for "
                "everyone first."
            )
    return problems


SUBMIT = "briefings.submit_newsletter"
PUBLISH = "briefings.publish_newsletter"


def _transition(newsletter, *, by, to, allowed_from, verb, permission):
    """Check the state and the person's role, then move the newsletter and record who did it."""
    if newsletter.state not in allowed_from:
        raise ValidationError(
            f"A newsletter that is {newsletter.get_state_display().lower()} cannot be {verb}."
        )
    if by is None or not by.has_perm(permission):
        raise PermissionDenied(
            "Only a board manager can do this."
            if permission == PUBLISH
            else "Your role does not allow you to submit newsletters."
        )
    previous_state = newsletter.state
    newsletter.state = to
    newsletter._history_user = by
    newsletter.full_clean()
    newsletter.save()
    audit.info("newsletter %s: %s by %s (%s -> %s)", newsletter.slug, verb, by.email, previous_state, to)
    return newsletter


@transaction.atomic
def newsletter_submit(*, newsletter, by) -> Newsletter:
    """Ask for approval: the newsletter must already be publishable."""
    problems = newsletter_problems(newsletter)
    if problems:
        raise ValidationError(problems)
    newsletter.submitted_by, newsletter.submitted_at = by, timezone.now()
    return _transition(
        newsletter,
        by=by,
        to=Newsletter.State.AWAITING_APPROVAL,
        allowed_from=[Newsletter.State.DRAFT],
        verb="submitted",
        permission=SUBMIT,
    )


def newsletter_publish(*, newsletter, by) -> Newsletter:
    """Approve and publish, then render and keep the PDF so the archive can show its size.

    Four eyes: the person who submitted the newsletter cannot approve it.
    """
    with transaction.atomic():
        newsletter = Newsletter.objects.select_for_update().get(pk=newsletter.pk)
        problems = newsletter_problems(newsletter)
        if problems:
            raise ValidationError(problems)
        if by is not None and newsletter.submitted_by_id == by.pk:
            raise PermissionDenied(
                "You submitted this newsletter yourself, so another board manager must approve it. "
                "Nothing is published by one person alone."
            )
        newsletter.published_at = timezone.now()
        newsletter.published_by = by
        _transition(
            newsletter,
            by=by,
            to=Newsletter.State.PUBLISHED,
            allowed_from=[Newsletter.State.AWAITING_APPROVAL],
            verb="published",
            permission=PUBLISH,
        )
    _keep_pdf(newsletter)
    return newsletter


def _keep_pdf(newsletter):
    try:
        newsletter_pdf_keep(newsletter=newsletter)
    except Exception:
        # Publishing stands; the PDF is rendered on the first download instead.
        logger.exception("Could not render the PDF of newsletter %s on publishing", newsletter.pk)


@transaction.atomic
def newsletter_withdraw(*, newsletter, by) -> Newsletter:
    """Take a published newsletter out of the archive; its PDF is no longer served."""
    return _transition(
        newsletter,
        by=by,
        to=Newsletter.State.WITHDRAWN,
        allowed_from=[Newsletter.State.PUBLISHED],
        verb="withdrawn",
        permission=PUBLISH,
    )


@transaction.atomic
def newsletter_return_to_draft(*, newsletter, by) -> Newsletter:
    return _transition(
        newsletter,
        by=by,
        to=Newsletter.State.DRAFT,
        allowed_from=[Newsletter.State.AWAITING_APPROVAL, Newsletter.State.WITHDRAWN],
        verb="returned to draft",
        permission=PUBLISH,
    )


@transaction.atomic
def newsletter_create(*, data: dict, review_references: list[str]) -> tuple[Newsletter, bool]:
    """Create a draft newsletter with its reviews in the given order; an existing slug is left alone."""
    existing = Newsletter.objects.filter(slug=data["slug"]).first()
    if existing:
        return existing, False
    newsletter = Newsletter(**data, state=Newsletter.State.DRAFT)
    newsletter.full_clean()
    newsletter.save()
    reviews = Review.objects.in_bulk(review_references, field_name="reference")
    for order, reference in enumerate(review_references):
        item = NewsletterReview(newsletter=newsletter, review=reviews[reference], order=order)
        item.full_clean()
        item.save()
    return newsletter, True
