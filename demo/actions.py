"""The demo action plans, from demo/data/actions.toml, reached through the action workflow."""

import datetime

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from accounts import roles
from accounts.models import User
from accounts.services import staff_flag_sync
from actions.dissemination import dissemination_record
from actions.models import Action, BoardResponse, OwnerMembership
from actions.services import action_at_risk_set, board_response_publish, progress_update_add
from actions.workflow import action_transition
from demo import content
from demo.content import DemoDataError
from reviews.models import OwnerGroup, Review, Theme

PLANS = content.DATA / "actions.toml"
# Accounts made here have no password: `manage.py demo_officer` (development only) sets one.
SIGNING_MANAGER = ("manager@example.org", "Sam", "Manager")
State = Action.State


def _person(email, first_name, last_name, role) -> User:
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name}
    )
    if created:
        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get(name=role))
        staff_flag_sync(user=user)
    return user


def _recommendation(item):
    review = Review.objects.filter(slug=item["review"]).first()
    if review is None:
        raise DemoDataError(f"{content.shown(PLANS)}: there is no demo review {item['review']!r}.")
    recommendations = list(review.recommendations.order_by("order", "id"))
    if not 1 <= item["recommendation"] <= len(recommendations):
        raise DemoDataError(
            f"{content.shown(PLANS)}: {review} has no recommendation {item['recommendation']}."
        )
    return recommendations[item["recommendation"] - 1]


def _walk(action, item, *, lead, manager, today):
    for days_ago, note in enumerate(reversed(item.get("updates", []))):
        progress_update_add(
            action=action, by=lead, note=note, written_on=today - datetime.timedelta(days=7 * days_ago)
        )
    state = item.get("state", State.NOT_STARTED)
    if item.get("at_risk"):
        action_at_risk_set(action=action, at_risk=True, by=lead)
    if state in (State.COMPLETED, State.SIGNED_OFF):
        action_transition(action=action, name="complete", by=lead)
    if state == State.SIGNED_OFF:
        action_transition(action=action, name="sign_off", by=manager, data={"outcome": item["outcome"]})
    if state == State.NOT_IMPLEMENTED:
        action_transition(action=action, name="not_implemented", by=manager, reason=item["reason"])


def actions_demo_ensure() -> str:
    """Add the demo actions that are missing (matched by recommendation and text); return a line."""
    data = content.read(PLANS)
    today = timezone.localdate()
    manager = _person(*SIGNING_MANAGER, roles.MANAGER)
    leads = {}
    for owner_name, (email, first_name, last_name) in data["leads"].items():
        group, _ = OwnerGroup.objects.get_or_create(name=owner_name)
        leads[owner_name] = _person(email, first_name, last_name, roles.ACTION_OWNER)
        OwnerMembership.objects.get_or_create(user=leads[owner_name], owner_group=group)
    added = 0
    for item in data["actions"]:
        recommendation = _recommendation(item)
        if recommendation.actions.filter(text=item["text"]).exists():
            continue
        with transaction.atomic():
            _action_add(item, recommendation, lead=leads[item["owner"]], manager=manager, today=today)
        added += 1
    responses = _responses_ensure(data.get("responses", []), manager=manager, today=today)
    discussed = _disseminations_ensure(data.get("disseminations", []), today=today)
    return (
        f"Demo action plans: {added} actions added, {len(data['actions']) - added} already present; "
        f"{responses} board responses and {discussed} team discussions added."
    )


def _disseminations_ensure(items, *, today) -> int:
    added = 0
    for item in items:
        review = Review.objects.get(slug=item["review"])
        if review.disseminations.filter(team=item["team"], agency=item["agency"]).exists():
            continue
        dissemination_record(
            review=review,
            by=User.objects.get(email=item["recorded_by"]),
            agency=item["agency"],
            team=item["team"],
            discussed_on=today - datetime.timedelta(days=item["days_ago"]),
            staff_count=item["staff_count"],
            changes=item["changes"],
        )
        added += 1
    return added


def _responses_ensure(items, *, manager, today) -> int:
    added = 0
    for item in items:
        if BoardResponse.objects.filter(title=item["title"]).exists():
            continue
        with transaction.atomic():
            response = BoardResponse(
                kind=item["kind"],
                title=item["title"],
                description=item["description"],
                responded_on=today - datetime.timedelta(days=30 * item.get("months_ago", 0)),
                places=item.get("places"),
                impact=item.get("impact", ""),
            )
            response.full_clean()
            response.save()
            response.reviews.set(Review.objects.filter(slug__in=item.get("reviews", [])))
            response.themes.set(Theme.objects.filter(slug__in=item.get("themes", [])))
            if item.get("published"):
                board_response_publish(response=response, by=manager)
        added += 1
    return added


def _action_add(item, recommendation, *, lead, manager, today):
    action = Action(
        recommendation=recommendation,
        text=item["text"],
        owner_group=OwnerGroup.objects.get(name=item["owner"]),
        lead=lead,
        target_date=today + datetime.timedelta(days=item["due_in_days"]),
    )
    action.full_clean()
    action.save()
    _walk(action, item, lead=lead, manager=manager, today=today)
