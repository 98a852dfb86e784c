"""The rapid review's decision, through the board's one four-eyes workflow (``reviews.workflow``).

An officer records the decision (a local review, another learning review, or none) with its
date and reasons, and proposes it; a board manager who did not propose it agrees it or sends
it back, giving reasons either way. Only an agreed decision to hold a local review starts the
6-month publication clock.
"""

from cases.models import Case
from reviews.workflow import Transition, Workflow, transition_run

State = Case.State
PROPOSE = "cases.propose_decision"
DECIDE = "cases.decide_case"


def _complete(case):
    missing = [
        label
        for label, value in (
            ("the decision", case.decision),
            ("the date of the decision", case.decision_on),
            ("the reasons for it", case.decision_reasons.strip()),
        )
        if not value
    ]
    if missing:
        return [f"Record {' and '.join(missing)} first, then propose it."]
    return []


DECISION = Workflow(
    model=Case,
    noun="decision",
    open_states=(State.RECORDING, State.PROPOSED, State.AGREED),
    state_field="decision_state",
    submitted_by_field="decision_proposed_by",
    submitted_at_field="decision_proposed_at",
    decided_by_field="decision_decided_by",
    decided_at_field="decision_decided_at",
    decision_note_field="decision_note",
    texts={
        "wrong_state": "A decision that is {state} cannot be {done}.",
        "own_submission": "You proposed this decision yourself, so another board manager must agree it.",
        "changed_since_submission": (
            "You changed this case after the decision was proposed, so another board manager must agree it."
        ),
        "reason": "Give the reasons: they are kept with the case's history.",
    },
    permission_texts={DECIDE: "Only a board manager can do this."},
    changes=lambda case: [Case.history.filter(id=case.pk)],
    transitions=(
        Transition(
            "propose",
            "Propose the decision",
            (State.RECORDING,),
            State.PROPOSED,
            PROPOSE,
            done="proposed",
            submits=True,
            explain="A board manager other than you then agrees it or sends it back.",
            check=_complete,
        ),
        Transition(
            "agree",
            "Agree the decision",
            (State.PROPOSED,),
            State.AGREED,
            DECIDE,
            done="agreed",
            four_eyes=True,
            needs_reason=True,
            explain="Agreeing a local review starts its 6-month publication clock from the decision's date.",
            check=_complete,
        ),
        Transition(
            "send_back",
            "Send the decision back",
            (State.PROPOSED,),
            State.RECORDING,
            DECIDE,
            done="sent back",
            needs_reason=True,
            explain="The officer can then correct it and propose it again.",
        ),
        Transition(
            "reopen",
            "Reopen the agreed decision",
            (State.AGREED,),
            State.RECORDING,
            DECIDE,
            done="reopened",
            needs_reason=True,
            explain="Its deadlines stop until a decision is agreed again.",
        ),
    ),
)


def case_decision_transition(*, case: Case, name: str, by, reason: str = "") -> Case:
    """Propose, agree, send back or reopen a case's decision on behalf of ``by``."""
    return transition_run(workflow=DECISION, obj=case, name=name, by=by, reason=reason)
