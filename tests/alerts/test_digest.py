"""The weekly digest: new public lessons matching each subscription, once a week, with one-click unsubscribe."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from alerts.digest import digests_send
from alerts.models import Subscription
from tests.alerts.conftest import HIDDEN_STATES
from tests.factories import LessonFactory, ReviewFactory

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 11, 23)
LAST_MONDAY = datetime.date(2026, 11, 16)


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://learning.example"


def subscribe(email="jo@example.org", themes=(), services=(), last_digest_on=LAST_MONDAY):
    subscription = Subscription.objects.create(
        email=email,
        confirmed_at=timezone.make_aware(datetime.datetime(2026, 11, 1, 9)),
        last_digest_on=last_digest_on,
    )
    subscription.themes.set(themes)
    subscription.services.set(services)
    return subscription


def lesson(text, published_on=datetime.date(2026, 11, 18), themes=(), services=(), **review):
    return LessonFactory(
        review=ReviewFactory(published_on=published_on, **review), text=text, themes=themes, services=services
    )


def test_digest_holds_the_matching_lessons_published_since_the_last_one(neglect, police):
    subscription = subscribe(themes=[neglect])
    on_theme = lesson("Name the neglect you see.", themes=[neglect], slug="child-n")
    lesson("Off theme: transport.", services=[police])
    lesson("Neglect, but sent last week.", published_on=datetime.date(2026, 11, 15), themes=[neglect])
    lesson("Neglect, published today: next week.", published_on=MONDAY, themes=[neglect])

    run = digests_send(today=MONDAY)

    assert run.sent == 1
    [message] = mail.outbox
    assert message.to == ["jo@example.org"]
    assert "Name the neglect you see." in message.body
    assert f"https://learning.example/reviews/child-n/#lesson-{on_theme.pk}" in message.body
    assert "Off theme" not in message.body and "last week" not in message.body and "today" not in message.body
    subscription.refresh_from_db()
    assert subscription.last_digest_on == MONDAY


def test_every_digest_has_one_click_unsubscribe_headers_and_link(neglect):
    subscribe(themes=[neglect])
    lesson("Name the neglect you see.", themes=[neglect])

    digests_send(today=MONDAY)

    [message] = mail.outbox
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<https://learning.example/alerts/unsubscribe/") and header.endswith(">")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert header.strip("<>") in message.body
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in message.message().as_string()


def test_themes_and_services_together_mean_a_lesson_on_a_theme_for_a_service(neglect, police):
    subscribe(themes=[neglect], services=[police])
    lesson("Neglect, for the police.", themes=[neglect], services=[police])
    lesson("Neglect, for schools only.", themes=[neglect])
    lesson("For the police, another theme.", services=[police])

    digests_send(today=MONDAY)

    [message] = mail.outbox
    assert "Neglect, for the police." in message.body
    assert "schools only" not in message.body and "another theme" not in message.body


def test_a_digest_never_holds_a_lesson_an_anonymous_reader_may_not_see(neglect):
    subscribe(themes=[neglect])
    for state, hidden in HIDDEN_STATES.items():
        lesson(f"Secret lesson ({state}).", themes=[neglect], **hidden)

    run = digests_send(today=MONDAY)

    assert run.nothing_new == 1 and not mail.outbox


def test_a_review_put_online_this_week_counts_as_new_even_if_published_on_paper_long_ago(neglect):
    subscribe(themes=[neglect])
    lesson(
        "An old review, newly online.",
        published_on=datetime.date(2015, 3, 1),
        decided_at=timezone.make_aware(datetime.datetime(2026, 11, 19, 15)),
        themes=[neglect],
    )

    digests_send(today=MONDAY)

    assert "An old review, newly online." in mail.outbox[0].body


def test_running_twice_in_a_week_sends_nothing_the_second_time(neglect):
    subscribe(themes=[neglect], last_digest_on=None)
    today = timezone.localdate()
    lesson("Name the neglect you see.", published_on=today - datetime.timedelta(days=3), themes=[neglect])

    call_command("send_learning_alerts", stdout=None)
    lesson(
        "Published after the first run.", published_on=today - datetime.timedelta(days=2), themes=[neglect]
    )
    call_command("send_learning_alerts", stdout=None)

    assert len(mail.outbox) == 1
    assert Subscription.objects.get().last_digest_on == today


def test_next_week_sends_only_what_is_new_since(neglect):
    subscribe(themes=[neglect])
    lesson("First week.", published_on=datetime.date(2026, 11, 20), themes=[neglect])
    digests_send(today=MONDAY)
    lesson("Second week.", published_on=datetime.date(2026, 11, 25), themes=[neglect])

    digests_send(today=MONDAY + datetime.timedelta(days=7))

    first, second = mail.outbox
    assert "First week." in first.body and "Second week." not in first.body
    assert "Second week." in second.body and "First week." not in second.body
