"""E-mail alerts without an account: double opt-in, no enumeration, limits, one-click unsubscribe."""

import re
import time

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alerts import limits
from alerts.models import Subscription
from alerts.services import unsubscribe_url

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/alerts/"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://learning.example"


def ask(client, email="jo@example.org", themes=("neglect",), services=("police",), **extra):
    return client.post(
        SUBSCRIBE, {"email": email, "themes": list(themes), "services": list(services)}, **extra
    )


def confirm_link(message) -> str:
    return re.search(r"https://learning\.example(/alerts/confirm/\S+/)", message.body).group(1)


def test_asking_sends_a_confirmation_link_and_keeps_nothing_until_it_is_followed(client, neglect, police):
    response = ask(client, email=" Jo@Example.org ")

    assert response.status_code == 302 and response["Location"] == reverse("alerts:subscribe_sent")
    assert not Subscription.objects.exists()
    [message] = mail.outbox
    assert message.to == ["jo@example.org"]
    assert "Neglect" in message.body and "Police" in message.body

    link = confirm_link(message)
    page = client.get(link)
    assert page.status_code == 200 and b"Confirm" in page.content
    assert not Subscription.objects.exists(), "opening the link (a mail scanner may) must not subscribe"

    done = client.post(link)
    assert done.status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.email == "jo@example.org"
    assert list(subscription.themes.all()) == [neglect]
    assert list(subscription.services.all()) == [police]
    assert unsubscribe_url(subscription).removeprefix("https://learning.example").encode() in done.content


def test_a_confirmation_link_expires_after_three_days(client, monkeypatch):
    four_days_ago = int(time.time()) - 4 * 24 * 60 * 60
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(four_days_ago))
    ask(client)
    monkeypatch.undo()

    response = client.post(confirm_link(mail.outbox[0]))

    assert response.status_code == 400
    assert b"expired" in response.content
    assert not Subscription.objects.exists()


def test_a_tampered_confirmation_link_subscribes_nobody(client):
    ask(client)
    link = confirm_link(mail.outbox[0])

    response = client.post(link.replace("/confirm/", "/confirm/x"))

    assert response.status_code == 400
    assert not Subscription.objects.exists()


def test_asking_again_answers_exactly_as_for_a_new_address_and_changes_nothing_until_confirmed(
    client, neglect
):
    existing = Subscription.objects.create(email="known@example.org", confirmed_at=timezone.now())
    existing.themes.set([neglect])

    known = ask(client, email="known@example.org", themes=(), services=("police",))
    new = ask(client, email="new@example.org", themes=(), services=("police",))

    assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
    known_mail, new_mail = mail.outbox
    assert known_mail.subject == new_mail.subject
    assert confirm_link(known_mail) != confirm_link(new_mail)
    assert known_mail.body.replace(confirm_link(known_mail), "") == new_mail.body.replace(
        confirm_link(new_mail), ""
    )
    assert list(existing.themes.all()) == [neglect] and not existing.services.exists()

    client.post(confirm_link(known_mail))
    assert not existing.themes.exists() and [s.slug for s in existing.services.all()] == ["police"]
    assert Subscription.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"email": "not-an-address", "themes": ["neglect"]}, "Enter a valid email address."),
        ({"email": "jo@example.org", "themes": ["no-such-theme"]}, "Select a valid choice."),
        ({"email": "jo@example.org"}, "Choose at least one theme or service."),
    ],
    ids=["bad address", "unknown theme", "nothing chosen"],
)
def test_bad_input_is_a_form_error_that_keeps_what_was_typed(client, data, error):
    response = client.post(SUBSCRIBE, {**data, "services": ["police"] if "themes" in data else []})

    assert response.status_code == 400
    html = response.content.decode()
    assert error in html
    assert f'value="{data["email"]}"' in html
    if "themes" in data and data["themes"] != ["no-such-theme"]:
        assert re.search(r'value="neglect"[^>]*checked', html)
    assert not mail.outbox


def test_one_address_gets_at_most_three_confirmation_emails_an_hour(client):
    for _ in range(limits.PER_ADDRESS):
        assert ask(client).status_code == 302

    response = ask(client, email="JO@example.org")

    assert response.status_code == 429
    assert "try again in an hour" in response.content.decode()
    assert 'value="JO@example.org"' in response.content.decode()
    assert len(mail.outbox) == limits.PER_ADDRESS


def test_one_client_may_not_send_confirmation_emails_to_many_addresses(client):
    for n in range(limits.PER_CLIENT):
        assert ask(client, email=f"person{n}@example.org").status_code == 302

    assert ask(client, email="one-more@example.org").status_code == 429
    assert ask(client, email="another@example.org", REMOTE_ADDR="192.0.2.9").status_code == 302
    assert len(mail.outbox) == limits.PER_CLIENT + 1


def test_the_form_page_ticks_choices_from_a_link(client):
    html = client.get(SUBSCRIBE + "?themes=neglect&services=police").content.decode()

    assert re.search(r'value="neglect"[^>]*checked', html)
    assert re.search(r'value="police"[^>]*checked', html)
    assert re.search(r'<label\s+for="id_email"', html)


@pytest.fixture
def subscription(neglect):
    subscription = Subscription.objects.create(email="jo@example.org", confirmed_at=timezone.now())
    subscription.themes.set([neglect])
    return subscription


def test_unsubscribe_link_asks_first_then_deletes_everything_kept(client, subscription):
    path = unsubscribe_url(subscription).removeprefix("https://learning.example")

    page = client.get(path)
    assert page.status_code == 200 and b"Stop my e-mail alerts" in page.content
    assert Subscription.objects.exists()

    assert client.post(path).status_code == 200
    assert not Subscription.objects.exists()
    assert client.post(path).status_code == 200  # twice is harmless


def test_one_click_unsubscribe_works_without_a_session_or_csrf_token(subscription):
    mail_program = Client(enforce_csrf_checks=True)
    path = unsubscribe_url(subscription).removeprefix("https://learning.example")

    response = mail_program.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_other_alert_forms_still_need_the_csrf_token():
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(SUBSCRIBE, {"email": "jo@example.org", "themes": ["neglect"]}).status_code == 403


def test_a_forged_unsubscribe_link_answers_404(client, subscription):
    forged = reverse("alerts:unsubscribe", kwargs={"token": f"{subscription.pk}:forged"})

    assert client.post(forged).status_code == 404
    assert Subscription.objects.exists()
