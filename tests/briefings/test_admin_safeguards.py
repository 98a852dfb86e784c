"""A published newsletter stays as approved: no deleting, no reverting, no silently lost edits."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from briefings.models import Newsletter
from briefings.services import newsletter_create
from tests.briefings.conftest import refreshed
from tests.briefings.test_admin import form_data
from tests.factories import ManagerFactory, OfficerFactory, ReviewFactory

# Every test starts from the typical newsletter just published (tests/briefings/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("published_for_the_test")]


@pytest.fixture
def published_newsletter(published_for_the_test):
    return published_for_the_test.newsletter


@pytest.fixture
def board(published_for_the_test):
    return published_for_the_test.board


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def draft(board):
    newsletter, _ = newsletter_create(
        data={
            "slug": "spring-learning",
            "title": "Spring",
            "issue_date": "2024-03-01",
            "introduction": "First.",
        },
        review_references=[ReviewFactory().reference],
    )
    return newsletter


@pytest.mark.parametrize("person", [OfficerFactory, ManagerFactory])
def test_nobody_deletes_a_published_newsletter_and_the_admin_says_why(client, published_newsletter, person):
    client.force_login(person())
    url = reverse("admin:briefings_newsletter_delete", args=[published_newsletter.pk])
    page = client.get(url)
    assert "is published, so it cannot be deleted. Withdraw it with a reason instead" in page.text
    client.post(url, {"post": "yes"})
    assert Newsletter.objects.published().filter(pk=published_newsletter.pk).exists()


def test_delete_selected_refuses_a_published_newsletter(client, published_newsletter):
    client.force_login(OfficerFactory())
    data = {"action": "delete_selected", "_selected_action": [published_newsletter.pk], "post": "yes"}
    page = client.post(reverse("admin:briefings_newsletter_changelist"), data)
    assert "is published, so it cannot be deleted" in page.text
    assert Newsletter.objects.filter(pk=published_newsletter.pk).exists()


def test_an_officer_may_still_delete_a_draft(client, draft):
    client.force_login(OfficerFactory())
    client.post(reverse("admin:briefings_newsletter_delete", args=[draft.pk]), {"post": "yes"})
    assert not Newsletter.objects.filter(pk=draft.pk).exists()


def test_the_second_of_two_concurrent_saves_is_refused_and_keeps_its_text(client, draft):
    url = reverse("admin:briefings_newsletter_change", args=[draft.pk])
    loaded = form_data(draft, slug=draft.slug)  # both officers opened the page at this version
    client.force_login(OfficerFactory())
    assert client.post(url, loaded | {"introduction": "First officer's introduction."}).status_code == 302

    client.force_login(OfficerFactory())
    second = client.post(url, loaded | {"introduction": "Second officer's introduction."})
    assert second.status_code == 200
    assert "Someone else changed this newsletter while you were editing it" in second.text
    assert "Second officer&#x27;s introduction." in second.text
    assert refreshed(draft).introduction == "First officer's introduction."


def test_saving_the_current_version_works_repeatedly(client, draft):
    client.force_login(OfficerFactory())
    url = reverse("admin:briefings_newsletter_change", args=[draft.pk])
    for n in range(2):
        current = refreshed(draft)
        assert (
            client.post(url, form_data(current, slug=current.slug, introduction=f"Edit {n}")).status_code
            == 302
        )
    assert refreshed(draft).introduction == "Edit 1"


def revert_url(newsletter, record):
    return reverse("admin:briefings_newsletter_simple_history", args=[newsletter.pk, record.history_id])


@pytest.mark.parametrize("person", [OfficerFactory, ManagerFactory])
def test_nobody_reverts_a_published_newsletter(client, published_newsletter, person):
    newsletter = refreshed(published_newsletter)
    as_draft = newsletter.history.filter(state=Newsletter.State.DRAFT).first()
    client.force_login(person())
    data = form_data(newsletter, slug=newsletter.slug, introduction="Rewritten through the history.")
    assert client.post(revert_url(newsletter, as_draft), data).status_code == 403
    newsletter = refreshed(newsletter)
    assert newsletter.state == Newsletter.State.PUBLISHED
    assert newsletter.introduction != "Rewritten through the history."


def test_reverting_a_withdrawn_newsletter_to_its_published_version_does_not_publish_it(
    client, published_newsletter, editor
):
    from briefings.services import newsletter_withdraw

    as_published = refreshed(published_newsletter).history.first()
    newsletter = newsletter_withdraw(
        newsletter=published_newsletter, by=editor, reason="A review was withdrawn."
    )
    client.force_login(OfficerFactory())
    response = client.post(revert_url(newsletter, as_published), form_data(newsletter, slug=newsletter.slug))
    assert response.status_code == 302
    newsletter = refreshed(newsletter)
    assert newsletter.state == Newsletter.State.WITHDRAWN
    assert not Newsletter.objects.published().exists()


def test_an_officer_reverts_a_draft_introduction(client, draft):
    first = draft.history.earliest()
    draft.introduction = "Second."
    draft.save()
    client.force_login(OfficerFactory())
    response = client.post(
        revert_url(draft, first), form_data(refreshed(draft), slug=draft.slug, introduction="First.")
    )
    assert response.status_code == 302
    assert refreshed(draft).introduction == "First."


def test_a_newsletter_transition_that_is_not_a_number_is_not_found(editor_client):
    assert editor_client.get("/admin/briefings/newsletter/abc/transition/publish/").status_code == 404
