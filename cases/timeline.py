"""A case's milestones in order, done and due, as its page shows them."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from cases.deadlines import Deadline, Key, case_deadlines
from cases.working_days import months_add

ONLINE_MONTHS = 12  # a published report stays online for at least a year


@dataclass(frozen=True)
class Milestone:
    label: str
    on: datetime.date | None
    done: bool
    deadline: Deadline | None = None
    note: str = ""


def case_timeline(case, today=None) -> list[Milestone]:
    today = today or timezone.localdate()
    deadlines = {d.key: d for d in case_deadlines(case)}
    steps = [Milestone("The local authority became aware", case.aware_on, True)]
    steps.append(
        _deadline_step("The national panel notified", deadlines.get(Key.NOTIFICATION), case.notified_on)
    )
    if case.partners_told_on:
        steps.append(Milestone("The safeguarding partners told", case.partners_told_on, True))
    steps.append(
        _deadline_step(
            "Rapid review sent to the panel", deadlines.get(Key.RAPID_REVIEW), case.rapid_review_on
        )
    )
    decided = case.decision_state == case.State.AGREED
    steps.append(
        Milestone(
            "Decision agreed" if decided else f"Decision: {case.get_decision_state_display().lower()}",
            case.decision_on,
            decided,
            note=case.get_decision_display() if case.decision else "",
        )
    )
    if case.panel_response_on:
        steps.append(
            Milestone(
                "The panel's response", case.panel_response_on, True, note=case.get_panel_agreed_display()
            )
        )
    if case.holds_lcspr:
        for label, on in (
            ("Local review commissioned", case.commissioned_on),
            ("Draft report received", case.draft_received_on),
            ("Final report received", case.final_received_on),
        ):
            steps.append(Milestone(label, on, on is not None))
        if Key.PANEL_COPY in deadlines:
            steps.append(
                _deadline_step(
                    "Copy to the panel and Secretary of State",
                    deadlines[Key.PANEL_COPY],
                    case.sent_to_panel_on,
                )
            )
        if case.publication_withheld:
            steps.append(
                _deadline_step(
                    "Improvements published (report not published)",
                    deadlines.get(Key.PUBLICATION),
                    case.improvements_published_on,
                )
            )
        else:
            steps.append(
                _deadline_step("Final report published", deadlines.get(Key.PUBLICATION), case.published_on)
            )
        if case.published_on:
            until = months_add(case.published_on, ONLINE_MONTHS)
            steps.append(Milestone("Kept online at least until", until, until <= today))
    return steps


def _deadline_step(label, deadline, done_on) -> Milestone:
    if deadline is None:
        return Milestone(label, done_on, done_on is not None)
    return Milestone(label, done_on or deadline.due_on, done_on is not None, deadline)
