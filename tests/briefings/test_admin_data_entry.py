"""A newsletter is quick to put together: reviews added without a number go last, and it can be
submitted for approval from its first save, with one clear message."""

import pytest
from django.urls import reverse

from briefings.models import Newsletter
from tests.briefings.test_admin import form_data, messages_of
from tests.factories import OfficerFactory, ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, board):
    client.force_login(OfficerFactory())
    return client


def test_reviews_added_without_a_number_go_after_those_already_in_it(officer_client):
    first, second, third = (ReviewFactory(title=f"Review {n}") for n in range(3))
    data = form_data(reviews=[first, second, third])
    data |= {"items-0-order": "", "items-1-order": "", "items-2-order": "5"}
    response = officer_client.post(reverse("admin:briefings_newsletter_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    items = Newsletter.objects.get(slug="spring-learning").items.all()
    assert [(item.review.title, item.order) for item in items] == [
        ("Review 2", 5),
        ("Review 0", 15),
        ("Review 1", 25),
    ]


def test_a_new_newsletter_is_saved_and_submitted_from_the_add_page(officer_client):
    add = reverse("admin:briefings_newsletter_add")
    assert 'name="_submit"' in officer_client.get(add).text
    review = ReviewFactory(title="Public review")
    response = officer_client.post(add, form_data(reviews=[review]) | {"_submit": "1"}, follow=True)
    newsletter = Newsletter.objects.get(slug="spring-learning")
    assert newsletter.state == Newsletter.State.AWAITING_APPROVAL
    assert messages_of(response) == ["“Spring learning” was saved and submitted for approval."]
    assert 'class="errornote"' not in response.text


def test_a_newsletter_that_cannot_be_submitted_yet_is_kept_as_a_draft_with_the_reason(officer_client):
    hidden = ReviewFactory(title="Partner review", visibility="partners")
    response = officer_client.post(
        reverse("admin:briefings_newsletter_add"), form_data(reviews=[hidden]) | {"_submit": "1"}, follow=True
    )
    newsletter = Newsletter.objects.get(slug="spring-learning")
    assert newsletter.state == Newsletter.State.DRAFT
    [message] = messages_of(response)
    assert "saved as a draft but not submitted" in message and "“Partner review”" in message


def test_after_submitting_there_is_one_message_and_no_red_box(officer_client):
    review = ReviewFactory(title="Public review")
    officer_client.post(reverse("admin:briefings_newsletter_add"), form_data(reviews=[review]), follow=True)
    newsletter = Newsletter.objects.get(slug="spring-learning")
    url = reverse("admin:briefings_newsletter_transition", args=[newsletter.pk, "submit"])
    response = officer_client.post(url, follow=True)
    assert messages_of(response) == ["“Spring learning” was submitted for approval."]
    assert 'class="errornote"' not in response.text
    assert response.text.count('class="messagelist"') == 1
