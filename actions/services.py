"""Writes of the action plan. State changes go through ``actions.workflow.action_transition``."""

from django.db import transaction

from actions.models import Action, OwnerMembership, ProgressUpdate
from actions.workflow import action_transition
from reviews.models import Recommendation

Status = Recommendation.Status
State = Action.State


def recommendation_progress(states: list[str]) -> str:
    """A recommendation's progress from its actions' states.

    Complete only when every action is signed off or accepted as not implemented (and at least
    one was signed off); not implemented when every action was accepted as not implemented.
    """
    if not states:
        return Status.NOT_STARTED
    if all(state == State.NOT_IMPLEMENTED for state in states):
        return Status.NOT_IMPLEMENTED
    if all(state in Action.CLOSED for state in states):
        return Status.COMPLETE
    if all(state == State.NOT_STARTED for state in states):
        return Status.NOT_STARTED
    return Status.IN_PROGRESS


def recommendation_progress_sync(*, recommendation: Recommendation) -> Recommendation:
    """Keep the recommendation's stored progress (what its public page reads) in step with its actions.

    Its outcome and not-implemented reason are gathered from the actions' where the officer
    has not written their own.
    """
    actions = list(recommendation.actions.order_by("target_date", "id"))
    status = recommendation_progress([a.state for a in actions])
    outcomes = "\n\n".join(a.outcome for a in actions if a.state == State.SIGNED_OFF and a.outcome)
    reasons = " ".join(a.decision_note for a in actions if a.state == State.NOT_IMPLEMENTED)
    changed = status != recommendation.status
    if status == Status.COMPLETE and not recommendation.outcome.strip():
        recommendation.outcome, changed = outcomes, True
    if status == Status.NOT_IMPLEMENTED and not recommendation.not_implemented_reason.strip():
        recommendation.not_implemented_reason, changed = reasons, True
    if changed:
        recommendation.status = status
        recommendation._change_reason = "Progress follows its actions"
        recommendation.save(update_fields=["status", "outcome", "not_implemented_reason"])
    return recommendation


@transaction.atomic
def progress_update_add(
    *, action: Action, by, note: str, link: str = "", evidence=None, written_on=None
) -> ProgressUpdate:
    """Record a dated progress note with its evidence; an action not yet started is then in progress."""
    update = ProgressUpdate(action=action, by=by, note=note, link=link, evidence=evidence or "")
    if written_on is not None:
        update.written_on = written_on
    update._history_user = by
    update.full_clean()
    update.save()
    if Action.objects.filter(pk=action.pk, state=State.NOT_STARTED).exists():
        action_transition(action=action, name="start", by=by)
    return update


@transaction.atomic
def action_at_risk_set(*, action: Action, at_risk: bool, by) -> Action:
    """The owner says the target date may be missed (or no longer): the action shows amber."""
    action = Action.objects.select_for_update().get(pk=action.pk)
    action.at_risk = at_risk
    action._history_user = by
    action._change_reason = "Marked at risk" if at_risk else "No longer at risk"
    action.save(update_fields=["at_risk"])
    return action


def owner_membership_add(*, user, owner_group, by=None) -> OwnerMembership:
    membership, _ = OwnerMembership.objects.get_or_create(user=user, owner_group=owner_group)
    return membership


PUBLISHING_REASONS = ["Published", "Taken off the public pages"]


@transaction.atomic
def board_response_publish(*, response, by, published: bool = True):
    """Show a board response on the public review and theme pages (or take it off them).

    Managers only, and never the person who last wrote its words: like everything that reaches
    the public, a response is published by a second person. Changing a published response takes
    it off the public pages (``board_response_words_changed``) until it is published again.
    """
    from django.core.exceptions import PermissionDenied

    if not by.has_perm("actions.publish_boardresponse"):
        raise PermissionDenied("Only a board manager can publish a response to learning.")
    if published:
        last_writing = response.history.exclude(history_change_reason__in=PUBLISHING_REASONS).first()
        if last_writing is not None and last_writing.history_user_id == by.pk:
            raise PermissionDenied(
                "You wrote or last changed this response, so another board manager must publish it. "
                "Nothing is published by one person alone."
            )
    response.published = published
    response.published_by = by if published else None
    response._history_user = by
    response._change_reason = PUBLISHING_REASONS[0] if published else PUBLISHING_REASONS[1]
    response.save(update_fields=["published", "published_by"])
    return response


def board_response_words_changed(response) -> bool:
    """Before saving a change to ``response``: take it off the public pages if it was on them.

    Returns whether it was, so that the person can be told.
    """
    if not response.published:
        return False
    response.published, response.published_by = False, None
    return True
