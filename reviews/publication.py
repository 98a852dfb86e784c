"""The publication workflow of a review, with the four-eyes rule.

draft → awaiting approval → published, plus withdrawn and not for publication.
State changes happen only here: each transition checks the person's role and, for
approval, that they are not the person who submitted it; it records who and when,
and refuses with a message an officer can act on.
"""

import logging
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from reviews.models import Review

audit = logging.getLogger("lscb.audit")

State = Review.State
SUBMIT = "reviews.submit_review"
PUBLISH = "reviews.publish_review"


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple
    target: str
    permission: str
    needs_reason: bool = False
    four_eyes: bool = False


TRANSITIONS = {
    t.name: t
    for t in [
        Transition("submit", "Submit for approval", (State.DRAFT,), State.AWAITING_APPROVAL, SUBMIT),
        Transition(
            "publish",
            "Approve and publish",
            (State.AWAITING_APPROVAL,),
            State.PUBLISHED,
            PUBLISH,
            four_eyes=True,
        ),
        Transition(
            "return_to_draft",
            "Send back to draft",
            (State.AWAITING_APPROVAL, State.WITHDRAWN, State.NOT_FOR_PUBLICATION),
            State.DRAFT,
            PUBLISH,
            needs_reason=True,
        ),
        Transition("withdraw", "Withdraw", (State.PUBLISHED,), State.WITHDRAWN, PUBLISH, needs_reason=True),
        Transition(
            "not_for_publication",
            "Decide not to publish",
            (State.DRAFT, State.AWAITING_APPROVAL, State.WITHDRAWN),
            State.NOT_FOR_PUBLICATION,
            PUBLISH,
            needs_reason=True,
        ),
    ]
}


def review_editable(user, review: Review | None) -> bool:
    """Officers change reviews in draft or withdrawn; once submitted or published only a manager can."""
    if review is None or review.state in (State.DRAFT, State.WITHDRAWN):
        return True
    return user.has_perm(PUBLISH)


def refusal(transition: Transition, review: Review, user) -> str | None:
    """Why ``user`` may not make this transition now, in plain words; ``None`` when they may."""
    if review.state not in transition.sources:
        return (
            f"A review that is {review.get_state_display().lower()} cannot be moved to “{transition.label}”."
        )
    if not user.has_perm(transition.permission):
        return (
            "Only a board manager can do this."
            if transition.permission == PUBLISH
            else ("Your role does not allow you to submit reviews.")
        )
    if transition.four_eyes and review.submitted_by_id == user.pk:
        return (
            "You submitted this review yourself, so another board manager must approve it. "
            "Nothing is published by one person alone."
        )
    return None


def transitions_allowed(*, review: Review, user) -> list[Transition]:
    """The transitions to offer this person on this review: exactly those they may make."""
    return [t for t in TRANSITIONS.values() if refusal(t, review, user) is None]


@transaction.atomic
def review_transition(*, review: Review, name: str, by, reason: str = "") -> Review:
    """Move ``review`` through the named transition on behalf of ``by``.

    Raises ``PermissionDenied`` (role or four-eyes) or ``ValidationError`` (state, missing
    reason) with a message for the person; nothing is saved then.
    """
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise ValidationError("Unknown action.")
    review = Review.objects.select_for_update().get(pk=review.pk)
    message = refusal(transition, review, by)
    if message:
        raise (ValidationError if review.state not in transition.sources else PermissionDenied)(message)
    reason = reason.strip()
    if transition.needs_reason and not reason:
        raise ValidationError("Give a reason: it is kept with the review's history.")

    previous_state = review.state
    now = timezone.now()
    if transition.name == "submit":
        review.submitted_by, review.submitted_at = by, now
    else:
        review.decided_by, review.decided_at = by, now
        review.decision_note = reason
    if transition.name == "publish" and review.published_on is None:
        review.published_on = timezone.localdate()
    if transition.name == "not_for_publication":
        review.not_for_publication_reason = reason
    review.state = transition.target
    review._change_reason = f"{transition.label}" + (f": {reason}" if reason else "")
    review._history_user = by  # services also run outside a request, e.g. from a command
    review.full_clean()
    review.save()
    audit.info(
        "review %s: %s by %s (%s -> %s)",
        review.reference,
        transition.name,
        by.email,
        previous_state,
        review.state,
    )
    return review
