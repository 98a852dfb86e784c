"""Writes of newsletters: composing them and moving them between states.

Moving between states goes through the one approval workflow (``reviews.workflow``) with
the newsletter's table in ``briefings/publication.py``; publishing refuses, with a plain
message, a newsletter holding a review that everyone may not read, because a newsletter
is printed for everyone.
"""

from django.db import transaction

from briefings.models import Newsletter, NewsletterReview
from briefings.publication import NEWSLETTER
from briefings.publication import newsletter_problems as newsletter_problems  # read here by callers
from reviews.models import Review
from reviews.workflow import transition_run


def newsletter_transition(*, newsletter, name: str, by, reason: str = "") -> Newsletter:
    """Move ``newsletter`` through the named step of its publication workflow on behalf of ``by``."""
    return transition_run(workflow=NEWSLETTER, obj=newsletter, name=name, by=by, reason=reason)


def newsletter_submit(*, newsletter, by) -> Newsletter:
    """Ask for approval: the newsletter must already be publishable."""
    return newsletter_transition(newsletter=newsletter, name="submit", by=by)


def newsletter_publish(*, newsletter, by) -> Newsletter:
    """Approve and publish; the PDF is kept once the publication is committed.

    Four eyes: neither the person who submitted the newsletter nor anyone who changed it
    since can approve it.
    """
    return newsletter_transition(newsletter=newsletter, name="publish", by=by)


def newsletter_withdraw(*, newsletter, by, reason: str) -> Newsletter:
    """Take a published newsletter out of the archive; its PDF is no longer served."""
    return newsletter_transition(newsletter=newsletter, name="withdraw", by=by, reason=reason)


def newsletter_return_to_draft(*, newsletter, by, reason: str) -> Newsletter:
    return newsletter_transition(newsletter=newsletter, name="return_to_draft", by=by, reason=reason)


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
