"""The publication workflow of a newsletter: draft → awaiting approval → published → withdrawn.

The rules (who may, four eyes, reasons, history) are those of ``reviews.workflow``; this
module is the newsletter's table and what is particular to it: a newsletter is printed for
everyone, so every review in it must be public. Its PDF is rendered and kept in the background once
it is published, like after any save of a newsletter (briefings/signals.py).
"""

import logging

from django.utils import timezone

from briefings.documents import why_not_public
from briefings.models import Newsletter, NewsletterLink, NewsletterReview
from reviews.models import Review
from reviews.workflow import Transition, Workflow

logger = logging.getLogger(__name__)

State = Newsletter.State
SUBMIT = "briefings.submit_newsletter"
PUBLISH = "briefings.publish_newsletter"


def newsletter_problems(newsletter) -> list[str]:
    """Why the newsletter cannot be published yet, in words an officer can act on."""
    problems = []
    items = list(newsletter.items.select_related("review"))
    # A précis or thematic bulletin may be drawn from many reviews without printing any of them:
    # its overarching issues and guidance are its introduction and its themes' guidance.
    round_up = newsletter.kind in (Newsletter.Kind.PRECIS, Newsletter.Kind.THEMATIC)
    guidance = newsletter.introduction.strip() or newsletter.themes.exclude(guidance="").exists()
    if newsletter.is_annual_report:
        # Assembled from the reviews published in its period, never from reviews chosen by hand.
        if not (newsletter.period_start and newsletter.period_end):
            problems.append("Give the period the annual learning report covers: both dates.")
        if items:
            problems.append(
                "An annual learning report prints every review published for everyone in its period: "
                "remove the reviews added by hand ("
                + ", ".join(item.review.reference for item in items)
                + ")."
            )
        return problems
    if not items and not (round_up and guidance):
        problems.append(
            "Choose at least one review: this newsletter has none."
            + (
                " Or, for a précis or thematic bulletin, choose themes with guidance or write its themes "
                "and guidance in the introduction."
                if round_up
                else ""
            )
        )
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


def _set_publication_time(newsletter, **_):
    newsletter.published_at = timezone.now()


def _changes(newsletter):
    return [
        Newsletter.history.filter(id=newsletter.pk),
        NewsletterReview.history.filter(newsletter_id=newsletter.pk),
        NewsletterLink.history.filter(newsletter_id=newsletter.pk),
    ]


NEWSLETTER = Workflow(
    model=Newsletter,
    noun="newsletter",
    open_states=(State.DRAFT, State.WITHDRAWN),
    locked_states=(State.PUBLISHED,),
    editor_permission=PUBLISH,
    texts={
        "locked": (
            "This newsletter is published, so nobody can change it directly. A change to it is kept "
            "as a correction, which another board manager approves before the public sees it."
        ),
    },
    permission_texts={
        PUBLISH: "Only a board manager can do this.",
        SUBMIT: "Your role does not allow you to submit newsletters.",
    },
    changes=_changes,
    written_fields=("published_at",),
    transitions=(
        Transition(
            "submit",
            "Submit for approval",
            (State.DRAFT,),
            State.AWAITING_APPROVAL,
            SUBMIT,
            done="submitted for approval",
            submits=True,
            explain="A board manager other than you then approves it. "
            "Only reviews published for everyone can be in it.",
            check=newsletter_problems,
        ),
        Transition(
            "publish",
            "Approve and publish",
            (State.AWAITING_APPROVAL,),
            State.PUBLISHED,
            PUBLISH,
            done="published",
            four_eyes=True,
            explain="Publishing puts this newsletter and its PDF in the public archive.",
            check=newsletter_problems,
            apply=_set_publication_time,
        ),
        Transition(
            "withdraw",
            "Withdraw",
            (State.PUBLISHED,),
            State.WITHDRAWN,
            PUBLISH,
            done="withdrawn",
            needs_reason=True,
            explain="Withdrawing takes it out of the archive at once; its PDF is no longer served.",
        ),
        Transition(
            "return_to_draft",
            "Send back to draft",
            (State.AWAITING_APPROVAL, State.WITHDRAWN),
            State.DRAFT,
            PUBLISH,
            done="sent back to draft",
            needs_reason=True,
        ),
    ),
)
