"""Officers compose, preview and publish newsletters in the admin; hidden reviews are named plainly."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from briefings.models import Newsletter
from briefings.services import newsletter_create, newsletter_submit
from reviews.models import Review
from tests.briefings.conftest import refreshed
from tests.factories import ManagerFactory, OfficerFactory, ReviewFactory

pytestmark = pytest.mark.django_db


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
        "items-TOTAL_FORMS": str(len(items) + len(reviews)),
        "items-INITIAL_FORMS": str(len(items)),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
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
    assert "Save and submit for approval" in change.text
    assert "approve and publish" not in change.text  # nobody may publish a draft directly
    assert newsletter.get_absolute_url() in change.text and newsletter.get_pdf_url() in change.text


def test_save_and_publish_refuses_a_hidden_review_with_a_plain_message(editor_client, board):
    partners = ReviewFactory(title="Partner review", visibility=Review.Visibility.PARTNERS)
    newsletter, _ = newsletter_create(
        data={"slug": "spring-learning", "title": "Spring", "issue_date": "2024-03-01"},
        review_references=[partners.reference],
    )
    url = reverse("admin:briefings_newsletter_change", args=[newsletter.pk])
    response = editor_client.post(url, form_data(newsletter) | {"_submit": "1"}, follow=True)
    assert response.status_code == 200
    assert any(
        "was not submitted for approval" in m and "partner agencies only" in m for m in messages_of(response)
    )
    assert refreshed(newsletter).state == Newsletter.State.DRAFT


def test_save_and_publish_publishes_and_keeps_the_pdf(editor_client, board, editor):
    review = ReviewFactory(title="Public review")
    newsletter, _ = newsletter_create(
        data={"slug": "spring-learning", "title": "Spring", "issue_date": "2024-03-01"},
        review_references=[review.reference],
    )
    newsletter_submit(newsletter=newsletter, by=OfficerFactory())
    url = reverse("admin:briefings_newsletter_change", args=[newsletter.pk])
    response = editor_client.post(url, form_data(newsletter) | {"_publish": "1"}, follow=True)
    assert any("was published" in m for m in messages_of(response))
    newsletter = refreshed(newsletter)
    assert newsletter.state == Newsletter.State.PUBLISHED
    assert newsletter.published_by == editor
    assert newsletter.pdf_pages >= 1 and newsletter.pdf_size > 1000
    assert "approve and publish" not in editor_client.get(url).text


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
    assert "Save and submit for approval" in page.text and "approve and publish" not in page.text
    client.post(url, form_data(newsletter) | {"_submit": "1"})
    assert refreshed(newsletter).state == Newsletter.State.AWAITING_APPROVAL
    assert client.get(url).status_code == 200  # an officer may look, no longer change
    assert 'name="_save"' not in client.get(url).text

    client.force_login(manager)
    assert "Save, approve and publish" in client.get(url).text
    submitted_by_manager, _ = newsletter_create(
        data={"slug": "other", "title": "Other", "issue_date": "2024-03-01"},
        review_references=[review.reference],
    )
    newsletter_submit(newsletter=submitted_by_manager, by=manager)
    page = client.get(reverse("admin:briefings_newsletter_change", args=[submitted_by_manager.pk]))
    assert "another board manager must approve it" in page.text
    assert "Save, approve and publish" not in page.text


def test_a_hidden_review_cannot_be_added_to_a_published_newsletter(editor_client, published_newsletter):
    draft = ReviewFactory(title="Draft review", state=Review.State.DRAFT, published_on=None)
    url = reverse("admin:briefings_newsletter_change", args=[published_newsletter.pk])
    data = form_data(published_newsletter, reviews=[draft], title="Learning", slug=published_newsletter.slug)
    response = editor_client.post(url, data)
    assert response.status_code == 200  # the form again, with the reason
    assert "“Draft review” is draft, so it cannot go into a published newsletter." in response.text
    assert not published_newsletter.items.filter(review=draft).exists()


def test_publish_and_withdraw_actions_report_each_newsletter(editor_client, board):
    good = ReviewFactory()
    hidden = ReviewFactory(state=Review.State.WITHDRAWN)
    ready, _ = newsletter_create(
        data={"slug": "a", "title": "Ready", "issue_date": "2024-01-01"}, review_references=[good.reference]
    )
    blocked, _ = newsletter_create(
        data={"slug": "b", "title": "Blocked", "issue_date": "2024-01-01"},
        review_references=[hidden.reference],
    )
    newsletter_submit(newsletter=ready, by=OfficerFactory())
    changelist = reverse("admin:briefings_newsletter_changelist")
    response = editor_client.post(
        changelist, {"action": "publish_selected", "_selected_action": [ready.pk, blocked.pk]}, follow=True
    )
    found = messages_of(response)
    assert any(m.startswith("“Ready” was published") for m in found)
    assert any(m.startswith("“Blocked” was not published") and "withdrawn" in m for m in found)
    response = editor_client.post(
        changelist, {"action": "withdraw_selected", "_selected_action": [ready.pk]}, follow=True
    )
    assert refreshed(ready).state == Newsletter.State.WITHDRAWN
    assert refreshed(blocked).state == Newsletter.State.DRAFT
