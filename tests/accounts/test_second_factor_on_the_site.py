"""Until a staff session has passed the code step, the public site treats it as a practitioner's."""

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from briefings.models import Newsletter
from reviews.models import Review
from tests.factories import BoardProfileFactory, ManagerFactory, OfficerFactory, ReviewFactory

pytestmark = pytest.mark.django_db

UNPUBLISHED = [
    Review.State.DRAFT,
    Review.State.AWAITING_APPROVAL,
    Review.State.WITHDRAWN,
    Review.State.NOT_FOR_PUBLICATION,
]


@pytest.fixture(autouse=True)
def production_two_factor(settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    BoardProfileFactory()


def signed_in_with_password_only(client, user):
    client.force_login(user)
    return client


def signed_in_with_code(client, user):
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def review_pages(review):
    return [
        reverse("reviews:review_detail", kwargs={"slug": review.slug}),
        reverse("briefings:review_briefing", kwargs={"slug": review.slug}),
        reverse("briefings:review_briefing_pdf", kwargs={"slug": review.slug}),
    ]


@pytest.mark.parametrize("role", [OfficerFactory, ManagerFactory])
@pytest.mark.parametrize("state", UNPUBLISHED)
def test_unpublished_reviews_are_not_found_before_the_code_step(client, role, state):
    review = ReviewFactory(state=state, title="Unpublished zebra review")
    user = role()
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)  # has a device, not yet used
    signed_in_with_password_only(client, user)
    for url in review_pages(review):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "zebra" not in response.content.decode()
    assert "Unpublished zebra review" not in client.get(reverse("reviews:review_list")).text


def test_before_the_code_step_staff_read_partner_only_reviews_like_a_practitioner(client):
    review = ReviewFactory(visibility=Review.Visibility.PARTNERS)
    signed_in_with_password_only(client, OfficerFactory())
    assert client.get(reverse("reviews:review_detail", kwargs={"slug": review.slug})).status_code == 200


@pytest.mark.parametrize("state", UNPUBLISHED)
def test_after_the_code_step_staff_preview_unpublished_reviews(client, state):
    review = ReviewFactory(state=state)
    signed_in_with_code(client, OfficerFactory())
    url = reverse("reviews:review_detail", kwargs={"slug": review.slug})
    assert client.get(url).status_code == 200


def test_draft_newsletters_are_not_found_before_the_code_step(client):
    newsletter = Newsletter.objects.create(slug="n", title="Not yet", issue_date="2024-05-01")
    signed_in_with_password_only(client, ManagerFactory())
    assert client.get(newsletter.get_absolute_url()).status_code == 404
    assert client.get(newsletter.get_pdf_url()).status_code == 404


def test_after_the_code_step_staff_preview_draft_newsletters(client):
    newsletter = Newsletter.objects.create(slug="n", title="Not yet", issue_date="2024-05-01")
    signed_in_with_code(client, ManagerFactory())
    assert client.get(newsletter.get_absolute_url()).status_code == 200


def test_changing_the_password_needs_the_code_step(client):
    user = OfficerFactory()
    signed_in_with_password_only(client, user)
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    refused = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "a-long-test-password",
            "new_password1": "N3w-Secret-long",
            "new_password2": "N3w-Secret-long",
        },
    )
    assert refused.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-long-test-password")


def test_after_the_code_step_staff_change_their_password(client):
    signed_in_with_code(client, OfficerFactory())
    assert client.get(reverse("accounts:password_change")).status_code == 200


def test_practitioners_change_their_password_without_a_code(practitioner_client):
    assert practitioner_client.get(reverse("accounts:password_change")).status_code == 200
