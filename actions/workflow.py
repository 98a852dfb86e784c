"""An action's workflow: not started → in progress → completed (awaiting sign-off) → signed off,
or not implemented for a reason the board accepts.

The rules (who may, four eyes, reasons, history) are those of ``reviews.workflow``: the person
who marked an action complete never signs it off, and signing off records the outcome.
"""

from django import forms

from actions.models import Action, ProgressUpdate
from actions.querysets import REPORT, SIGN_OFF
from reviews.models.bounds import FINDING
from reviews.workflow import Transition, Workflow, transition_run

State = Action.State


def _outcome_fields(action):
    return {
        "outcome": forms.CharField(
            label="Outcome",
            max_length=FINDING,
            widget=forms.Textarea(attrs={"rows": 5}),
            initial=action.outcome,
            help_text="What changed for children and practitioners because of this action: "
            "not what was done, but what is different now, and how the board knows.",
        )
    }


def _record_outcome(action, *, outcome="", **_):
    action.outcome = (outcome or "").strip()


def _changes(action):
    """What counts as changing an action: the action itself and its progress updates."""
    return [Action.history.filter(id=action.pk), ProgressUpdate.history.filter(action_id=action.pk)]


ACTION = Workflow(
    model=Action,
    noun="action",
    open_states=(State.NOT_STARTED, State.IN_PROGRESS),
    editor_permission=SIGN_OFF,
    texts={
        "wrong_state": "An action that is {state} cannot be {done}.",
        "own_submission": (
            "You marked this action complete yourself, so another board manager must sign it off. "
            "Nothing is signed off by one person alone."
        ),
        "changed_since_submission": (
            "You changed this action after it was marked complete, so another board manager must sign "
            "it off. Nothing is signed off by one person alone."
        ),
        "editors_only": "This action is {state}, so only a board manager can change it.",
    },
    permission_texts={
        SIGN_OFF: "Only a board manager can do this.",
        REPORT: "Only the action's owner or board staff can do this.",
    },
    changes=_changes,
    written_fields=("outcome",),
    transitions=(
        Transition(
            "start",
            "Mark as in progress",
            (State.NOT_STARTED,),
            State.IN_PROGRESS,
            REPORT,
            done="marked as in progress",
        ),
        Transition(
            "complete",
            "Mark as complete",
            (State.NOT_STARTED, State.IN_PROGRESS),
            State.COMPLETED,
            REPORT,
            done="marked as complete",
            submits=True,
            explain="A board manager other than you then signs it off and records the outcome.",
        ),
        Transition(
            "sign_off",
            "Sign off",
            (State.COMPLETED,),
            State.SIGNED_OFF,
            SIGN_OFF,
            done="signed off",
            four_eyes=True,
            explain="Record what changed for children and practitioners. Signing off closes the action.",
            apply=_record_outcome,
            form_fields=_outcome_fields,
        ),
        Transition(
            "send_back",
            "Send back to the owner",
            (State.COMPLETED,),
            State.IN_PROGRESS,
            SIGN_OFF,
            done="sent back",
            needs_reason=True,
            explain="The owner reads the reason; the action is in progress again.",
        ),
        Transition(
            "not_implemented",
            "Accept as not implemented",
            (State.NOT_STARTED, State.IN_PROGRESS, State.COMPLETED),
            State.NOT_IMPLEMENTED,
            SIGN_OFF,
            done="accepted as not implemented",
            needs_reason=True,
            explain="The reason is the board's record of why; where the review shows its progress "
            "publicly, it is shown with the recommendation.",
        ),
    ),
)


def action_transition(*, action: Action, name: str, by, reason: str = "", data: dict | None = None) -> Action:
    """Move ``action`` through the named step of its workflow on behalf of ``by``.

    ``data``: for "sign_off", the ``outcome``. The recommendation's progress follows
    (``actions.services.recommendation_progress_sync``, run whenever an action is saved).
    """
    return transition_run(workflow=ACTION, obj=action, name=name, by=by, reason=reason, data=data)
