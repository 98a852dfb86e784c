"""The counts beside the plan are kept in the cache, and every kind of change to an action shows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actions.models import Action
from tests.actions.factories import ActionFactory
from tests.factories import OfficerFactory, OwnerGroupFactory, RecommendationFactory, ReviewFactory

pytestmark = pytest.mark.django_db

PAST = datetime.date(2020, 1, 1)
LATER = datetime.date(2099, 1, 1)


@pytest.fixture
def officer_client(client):
    client.force_login(OfficerFactory())
    return client


def by_owner(client, url=None):
    response = client.get(url or reverse("actions:plan"))
    assert response.status_code == 200
    return {row["owner_group__name"]: (row["total"], row["red"]) for row in response.context["by_owner"]}


def test_a_second_look_at_the_plan_counts_nothing_again(officer_client):
    ActionFactory.create_batch(3, target_date=PAST)
    by_owner(officer_client)
    with CaptureQueriesContext(connection) as captured:
        assert by_owner(officer_client) == {"Police": (3, 3)}
    counted = [q["sql"] for q in captured if "COUNT(" in q["sql"].upper()]
    assert counted == []


def test_every_kind_of_change_to_an_action_shows_in_the_counts_at_once(officer_client):
    police = OwnerGroupFactory(name="Police")
    health = OwnerGroupFactory(name="Health")
    first = ActionFactory(owner_group=police, target_date=PAST)
    assert by_owner(officer_client) == {"Police": (1, 1)}

    ActionFactory(owner_group=health, target_date=LATER)  # save()
    assert by_owner(officer_client) == {"Police": (1, 1), "Health": (1, 0)}

    Action.objects.filter(pk=first.pk).update(target_date=LATER)  # update()
    assert by_owner(officer_client) == {"Police": (1, 0), "Health": (1, 0)}

    Action.objects.bulk_create(  # bulk_create()
        [
            Action(
                recommendation=first.recommendation,
                text="More",
                owner_group=health,
                lead=first.lead,
                target_date=PAST,
            )
        ]
    )
    assert by_owner(officer_client) == {"Health": (2, 1), "Police": (1, 0)}

    first.delete()  # delete()
    assert by_owner(officer_client) == {"Health": (2, 1)}

    Action.objects.filter(owner_group=health).delete()  # QuerySet.delete()
    assert by_owner(officer_client) == {}


def test_renaming_an_owner_group_renames_its_row(officer_client):
    police = OwnerGroupFactory(name="Police")
    ActionFactory(owner_group=police, target_date=LATER)
    assert by_owner(officer_client) == {"Police": (1, 0)}
    police.name = "Northshire Police"
    police.save()
    assert by_owner(officer_client) == {"Northshire Police": (1, 0)}


def test_the_counts_follow_the_filters(officer_client):
    ActionFactory(owner_group=OwnerGroupFactory(name="Police"), target_date=PAST)
    ActionFactory(
        owner_group=OwnerGroupFactory(name="Health"), state=Action.State.IN_PROGRESS, target_date=LATER
    )
    assert by_owner(officer_client, reverse("actions:plan") + "?due=overdue") == {"Police": (1, 1)}
    assert by_owner(officer_client, reverse("actions:plan") + "?state=in_progress") == {"Health": (1, 0)}


def test_a_review_is_found_by_its_reference_its_address_or_words_of_its_title(officer_client):
    harbour = ReviewFactory(title="Child H: harbour review", reference="LSCB-2019-04", slug="child-h")
    ActionFactory(recommendation=RecommendationFactory(review=harbour), text="Harbour action.")
    ActionFactory(text="Another review's action.")
    plan = reverse("actions:plan")
    for words in ["lscb-2019-04", "child-h", "HARBOUR", "  harbour  "]:
        page = officer_client.get(plan, {"review": words}).content.decode()
        assert "Harbour action." in page and "Another review&#x27;s action." not in page, words
    page = officer_client.get(plan, {"review": "no such words"}).content.decode()
    assert "No action matches these filters." in page
    back = officer_client.get(reverse("actions:review_plan", args=[harbour.slug])).content.decode()
    assert f"{plan}?review=child-h" in back
