"""Red, amber or green, computed from the dates on a frozen clock: the page and the one-action rule agree."""

import datetime

import pytest
import time_machine

from actions.models import Action, PlanSettings
from tests.actions.factories import ActionFactory

TODAY = datetime.date(2026, 3, 10)


@pytest.mark.parametrize(
    ("days", "at_risk", "rag"),
    [
        (-1, False, "red"),  # yesterday
        (0, False, "amber"),  # today: not overdue yet
        (30, False, "amber"),
        (31, False, "green"),
        (31, True, "amber"),  # the owner says it may be missed
    ],
)
def test_rag_on_the_boundary_dates(db, police, owner, days, at_risk, rag):
    with time_machine.travel(datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC), tick=False):
        action = ActionFactory(
            owner_group=police, lead=owner, target_date=TODAY + datetime.timedelta(days=days), at_risk=at_risk
        )
        annotated = Action.objects.with_rag(today=TODAY, amber_days=PlanSettings.amber()).get(pk=action.pk)
        assert annotated.rag == rag
        assert action.rag(TODAY, PlanSettings.amber()) == rag


def test_an_overdue_action_marked_complete_is_no_longer_red(db, police, owner):
    action = ActionFactory(
        owner_group=police,
        lead=owner,
        target_date=TODAY - datetime.timedelta(days=5),
        state=Action.State.COMPLETED,
    )
    assert Action.objects.with_rag(today=TODAY, amber_days=30).get(pk=action.pk).rag == "done"


def test_the_board_sets_how_many_days_count_as_amber(db, police, owner):
    PlanSettings.objects.create(amber_days=7)
    action = ActionFactory(owner_group=police, lead=owner, target_date=TODAY + datetime.timedelta(days=8))
    assert (
        Action.objects.with_rag(today=TODAY, amber_days=PlanSettings.amber()).get(pk=action.pk).rag == "green"
    )


def test_the_plan_lists_overdue_actions_first(client, db, police, owner):
    from django.urls import reverse

    from tests.factories import OfficerFactory

    later = ActionFactory(
        owner_group=police, lead=owner, target_date=datetime.date(2026, 12, 1), text="Later green action"
    )
    overdue = ActionFactory(
        owner_group=police, lead=owner, target_date=datetime.date(2026, 3, 1), text="Overdue red action"
    )
    with time_machine.travel(datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC), tick=False):
        client.force_login(OfficerFactory())
        page = client.get(reverse("actions:plan")).content.decode()
    assert page.index(overdue.text) < page.index(later.text)
