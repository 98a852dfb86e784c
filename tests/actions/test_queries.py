"""The plan's page asks the database the same number of times whatever the number of actions."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.actions.factories import ActionFactory
from tests.factories import OfficerFactory, OwnerGroupFactory, UserFactory

# Session, user, 2 × permissions, the plan's settings and version, the content version, the
# count and the counts per owner and per review (computed here, where the plan changed between
# the two looks; then kept in the cache), board, the owner filter's choices, the page's rows,
# and the session's save (3 with its savepoint).
PLAN_QUERIES = 15


def _queries(client):
    with CaptureQueriesContext(connection) as captured:
        page = client.get(reverse("actions:plan"))
    assert page.status_code == 200
    return len(captured), page.content.decode()


def test_the_plan_page_makes_as_many_queries_for_two_actions_as_for_ten(client, db):
    client.force_login(OfficerFactory())
    ActionFactory.create_batch(2, target_date=datetime.date(2026, 5, 1))
    few, _ = _queries(client)
    for n in range(8):
        ActionFactory(owner_group=OwnerGroupFactory(name=f"Agency {n}"), lead=UserFactory())
    many, page = _queries(client)
    assert "10 actions" in page
    assert few == many == PLAN_QUERIES
