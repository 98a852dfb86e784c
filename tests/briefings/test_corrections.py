"""A correction to a published newsletter, or to a review in it, waits for a second person."""

import pytest
from django.urls import reverse

from briefings.models import Newsletter
from reviews.models import Review, Revision
from tests.briefings.conftest import refreshed
from tests.briefings.workflow import approve_and_publish
from tests.factories import ManagerFactory, OfficerFactory, PractitionerFactory, ReviewFactory
from tests.reviews.test_corrections import change_page_data, messages_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_newsletter(draft_newsletter, editor):
    """Published without its PDF: nothing here reads the kept file, and rendering it is slow."""
    return approve_and_publish(newsletter=draft_newsletter, by=editor, keep_pdf=False)


CORRECTED_INTRODUCTION = "Corrected national context: the figures for 2024."


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def correction_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_correction", args=[obj.pk])


def propose(client, obj, *, by, note="The figures were last year's.", **changes):
    client.force_login(by)
    data = change_page_data(client.get(change_url(obj))) | {"correction_note": note}
    return client.post(change_url(obj), data | changes)


def approve(client, obj, *, by):
    client.force_login(by)
    return client.post(correction_url(obj), {"name": "approve", "reason": ""}, follow=True)


def seen_by_readers(client, newsletter):
    """The newsletter's page, as someone signed out and as a practitioner read it."""
    pages = []
    for reader in [None, PractitionerFactory()]:
        client.logout()
        if reader:
            client.force_login(reader)
        pages.append(client.get(newsletter.get_absolute_url()).text)
    return "".join(pages)


def test_a_corrected_introduction_is_public_only_once_another_manager_approves_it(
    client, published_newsletter
):
    response = propose(client, published_newsletter, by=ManagerFactory(), introduction=CORRECTED_INTRODUCTION)
    assert response.status_code == 302, response.context["errors"]
    assert any("waiting for another board manager's approval" in m for m in messages_of(response))
    assert refreshed(published_newsletter).introduction != CORRECTED_INTRODUCTION
    assert CORRECTED_INTRODUCTION not in seen_by_readers(client, published_newsletter)

    approve(client, published_newsletter, by=ManagerFactory())
    newsletter = refreshed(published_newsletter)
    assert (newsletter.introduction, newsletter.state) == (CORRECTED_INTRODUCTION, Newsletter.State.PUBLISHED)
    assert CORRECTED_INTRODUCTION in seen_by_readers(client, newsletter)


def test_the_proposer_cannot_approve_a_newsletter_correction(client, published_newsletter):
    proposer = ManagerFactory()
    propose(client, published_newsletter, by=proposer, introduction=CORRECTED_INTRODUCTION)
    response = approve(client, published_newsletter, by=proposer)
    assert "You proposed this correction yourself" in response.text
    assert refreshed(published_newsletter).introduction != CORRECTED_INTRODUCTION


def test_removing_a_review_from_a_published_newsletter_waits_for_approval(client, published_newsletter):
    first = published_newsletter.items.first()
    page = client.force_login(ManagerFactory()) or client.get(change_url(published_newsletter))
    formset = page.context["inline_admin_formsets"][0].formset
    row = next(form for form in formset.forms if form.instance.pk == first.pk)
    response = propose(client, published_newsletter, by=ManagerFactory(), **{row["DELETE"].html_name: "on"})
    assert response.status_code == 302, response.context["errors"]
    assert published_newsletter.items.filter(pk=first.pk).exists()

    client.force_login(ManagerFactory())
    differences = client.get(correction_url(published_newsletter)).text
    assert "removed" in differences and first.review.title in differences

    approve(client, published_newsletter, by=ManagerFactory())
    assert not published_newsletter.items.filter(pk=first.pk).exists()
    assert (
        refreshed(published_newsletter)
        .history.filter(history_change_reason__startswith="Correction approved")
        .exists()
    )


def test_a_correction_that_adds_a_review_not_published_for_everyone_is_not_approved(
    client, published_newsletter
):
    partners_only = ReviewFactory(visibility=Review.Visibility.PARTNERS)
    page = client.force_login(ManagerFactory()) or client.get(change_url(published_newsletter))
    management = page.context["inline_admin_formsets"][0].formset.management_form
    count = int(management["TOTAL_FORMS"].value())
    prefix = management.prefix
    extra = {
        f"{prefix}-TOTAL_FORMS": str(count + 1),
        f"{prefix}-{count}-review": str(partners_only.pk),
        f"{prefix}-{count}-order": "9",
    }
    assert propose(client, published_newsletter, by=OfficerFactory(), **extra).status_code == 302
    response = approve(client, published_newsletter, by=ManagerFactory())
    assert "only a review published for everyone can go into a public newsletter" in response.text
    assert Revision.objects.get().state == Revision.State.PENDING
    assert not published_newsletter.items.filter(review=partners_only).exists()


def test_a_pending_correction_to_a_review_never_reaches_its_newsletter(client, published_newsletter):
    review = published_newsletter.items.first().review
    assert review.title in seen_by_readers(client, published_newsletter)
    propose(client, review, by=ManagerFactory(), title="A corrected title not yet approved")
    assert Revision.objects.get().state == Revision.State.PENDING
    readers = seen_by_readers(client, published_newsletter)
    assert review.title in readers and "A corrected title not yet approved" not in readers

    approve(client, review, by=ManagerFactory())
    assert "A corrected title not yet approved" in seen_by_readers(client, published_newsletter)
