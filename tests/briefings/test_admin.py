"""Officers compose, preview and publish newsletters in the admin; hidden reviews are named plainly."""

import pytest
from django.contrib.messages import get_messages
from django.test import TestCase
from django.urls import reverse

from briefings.models import Newsletter
from briefings.services import newsletter_create, newsletter_submit
from reviews.models import Review
from tests.briefings.conftest import refreshed
from tests.briefings.workflow import approve_and_publish
from tests.factories import ManagerFactory, OfficerFactory, ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_newsletter(draft_newsletter, editor):
    """Published without its PDF: nothing here reads the kept file, and rendering it is slow."""
    return approve_and_publish(newsletter=draft_newsletter, by=editor, keep_pdf=False)


def form_data(newsletter=None, reviews=(), **overrides):
    items = list(newsletter.items.all()) if newsletter else []
    data = {
        "kind": "newsletter",
        "title": "Spring learning",
        "slug": "spring-learning",
        "issue_date": "2024-03-01",
        "period_start": "",
        "period_end": "",
        "introduction": "National context.",
        "closing_message": "",
        "version": str(newsletter.version) if newsletter else "1",
        "items-TOTAL_FORMS": str(len(items) + len(reviews)),
        "items-INITIAL_FORMS": str(len(items)),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
    }
    for index, item in enumerate(items):
        data |= {
            f"items-{index}-id": item.pk,
            f"items-{index}-review": item.review_id,
            f"items-{index}-order": item.order,
        }
        data[f"items-{index}-newsletter"] = newsletter.pk
    for offset, review in enumerate(reviews, start=len(items)):
        data |= {f"items-{offset}-review": review.pk, f"items-{offset}-order": offset}
    return data | overrides


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_list_and_add_pages_render(editor_client, board):
    newsletter_create(
        data={"slug": "n", "title": "Autumn issue", "issue_date": "2024-10-01"}, review_references=[]
    )
    listing = editor_client.get(reverse("admin:briefings_newsletter_changelist"))
    assert listing.status_code == 200 and "Autumn issue" in listing.text
    assert editor_client.get(reverse("admin:briefings_newsletter_add")).status_code == 200


def test_an_officer_composes_a_newsletter_in_order_and_is_told_what_stops_publication(editor_client, board):
    public = ReviewFactory(title="Public review")
    waiting = ReviewFactory(title="Waiting review", state=Review.State.AWAITING_APPROVAL, published_on=None)
    response = editor_client.post(
        reverse("admin:briefings_newsletter_add"), form_data(reviews=[public, waiting]), follow=True
    )
    assert response.status_code == 200
    newsletter = Newsletter.objects.get(slug="spring-learning")
    assert [item.review.title for item in newsletter.items.all()] == ["Public review", "Waiting review"]
    warnings = messages_of(response)
    assert any(
        "“Waiting review”" in m and "awaiting approval" in m and "Before this newsletter" in m
        for m in warnings
    )
    change = editor_client.get(reverse("admin:briefings_newsletter_change", args=[newsletter.pk]))
    assert "No: awaiting approval" in change.text  # beside the review in the list
    assert "Submit for approval" in change.text
    assert "Approve and publish" not in change.text  # nobody may publish a draft directly
    assert newsletter.get_absolute_url() in change.text and newsletter.get_pdf_url() in change.text


def transition_url(newsletter, name):
    return reverse("admin:briefings_newsletter_transition", args=[newsletter.pk, name])


def test_submitting_refuses_a_hidden_review_with_a_plain_message(editor_client, board):
    partners = ReviewFactory(title="Partner review", visibility=Review.Visibility.PARTNERS)
    newsletter, _ = newsletter_create(
        data={"slug": "spring-learning", "title": "Spring", "issue_date": "2024-03-01"},
        review_references=[partners.reference],
    )
    response = editor_client.post(transition_url(newsletter, "submit"))
    assert response.status_code == 200
    assert any("“Partner review”" in m and "partner agencies only" in m for m in messages_of(response))
    assert refreshed(newsletter).state == Newsletter.State.DRAFT


def test_approving_publishes_and_keeps_the_pdf(editor_client, board, editor):
    review = ReviewFactory(title="Public review")
    newsletter, _ = newsletter_create(
        data={"slug": "spring-learning", "title": "Spring", "issue_date": "2024-03-01"},
        review_references=[review.reference],
    )
    newsletter_submit(newsletter=newsletter, by=OfficerFactory())
    url = reverse("admin:briefings_newsletter_change", args=[newsletter.pk])
    assert "Approve and publish" in editor_client.get(url).text
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = editor_client.post(transition_url(newsletter, "publish"), follow=True)
    assert "“Spring” was published." in messages_of(response)
    newsletter = refreshed(newsletter)
    assert newsletter.state == Newsletter.State.PUBLISHED
    assert newsletter.decided_by == editor
    assert newsletter.pdf_pages >= 1 and newsletter.pdf_size > 1000
    assert "Approve and publish" not in editor_client.get(url).text


def test_the_submitter_is_not_offered_approval_and_an_officer_only_submits(client, board):
    review = ReviewFactory(title="Public review")
    newsletter, _ = newsletter_create(
        data={"slug": "spring-learning", "title": "Spring", "issue_date": "2024-03-01"},
        review_references=[review.reference],
    )
    url = reverse("admin:briefings_newsletter_change", args=[newsletter.pk])
    officer, manager = OfficerFactory(), ManagerFactory()
    client.force_login(officer)
    page = client.get(url)
    assert "Submit for approval" in page.text and "Approve and publish" not in page.text
    client.post(transition_url(newsletter, "submit"))
    assert refreshed(newsletter).state == Newsletter.State.AWAITING_APPROVAL
    assert client.get(url).status_code == 200  # an officer may look, no longer change
    assert 'name="_save"' not in client.get(url).text

    client.force_login(manager)
    assert "Approve and publish" in client.get(url).text
    submitted_by_manager, _ = newsletter_create(
        data={"slug": "other", "title": "Other", "issue_date": "2024-03-01"},
        review_references=[review.reference],
    )
    newsletter_submit(newsletter=submitted_by_manager, by=manager)
    page = client.get(reverse("admin:briefings_newsletter_change", args=[submitted_by_manager.pk]))
    assert "another board manager must approve it" in page.text
    assert "Approve and publish" not in page.text


@pytest.mark.parametrize("person", [OfficerFactory, ManagerFactory])
def test_nobody_edits_a_published_newsletter_directly(client, published_newsletter, person):
    draft = ReviewFactory(title="Draft review", state=Review.State.DRAFT, published_on=None)
    url = reverse("admin:briefings_newsletter_change", args=[published_newsletter.pk])
    client.force_login(person())
    page = client.get(url)
    assert "Saving this page keeps your changes as a correction" in page.text
    published_newsletter = refreshed(published_newsletter)
    data = form_data(published_newsletter, reviews=[draft], title="Rewritten", slug=published_newsletter.slug)
    assert client.post(url, data | {"correction_note": "A new title."}).status_code == 302  # kept aside
    assert refreshed(published_newsletter).title != "Rewritten"  # version is current: only the state refuses
    assert not published_newsletter.items.filter(review=draft).exists()


def test_publish_and_withdraw_actions_report_each_newsletter(editor_client, board):
    good, hidden = ReviewFactory(), ReviewFactory()
    ready, _ = newsletter_create(
        data={"slug": "a", "title": "Ready", "issue_date": "2024-01-01"}, review_references=[good.reference]
    )
    blocked, _ = newsletter_create(
        data={"slug": "b", "title": "Blocked", "issue_date": "2024-01-01"},
        review_references=[hidden.reference],
    )
    newsletter_submit(newsletter=ready, by=OfficerFactory())
    newsletter_submit(newsletter=blocked, by=OfficerFactory())
    hidden.state = Review.State.WITHDRAWN  # after the newsletter was submitted
    hidden.save()
    changelist = reverse("admin:briefings_newsletter_changelist")
    response = editor_client.post(
        changelist, {"action": "publish_selected", "_selected_action": [ready.pk, blocked.pk]}, follow=True
    )
    found = messages_of(response)
    assert any(m.startswith("“Ready” was published") for m in found)
    assert any(m.startswith("“Blocked” was not published") and "withdrawn" in m for m in found)
    asked = editor_client.post(changelist, {"action": "withdraw_selected", "_selected_action": [ready.pk]})
    assert "Reason" in asked.text and refreshed(ready).state == Newsletter.State.PUBLISHED
    confirmed = {"action": "withdraw_selected", "_selected_action": [ready.pk], "confirmed": "yes"}
    refused = editor_client.post(changelist, confirmed | {"reason": " "})
    assert "Give a reason" in refused.text and refreshed(ready).state == Newsletter.State.PUBLISHED
    response = editor_client.post(
        changelist, confirmed | {"reason": "A review in it was withdrawn."}, follow=True
    )
    assert "“Ready” was withdrawn." in messages_of(response)
    assert refreshed(ready).state == Newsletter.State.WITHDRAWN
    assert refreshed(ready).decision_note == "A review in it was withdrawn."
    assert refreshed(blocked).state == Newsletter.State.AWAITING_APPROVAL
