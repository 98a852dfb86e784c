"""Nothing that could identify a child is published without a decision, and four eyes still hold."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from briefings.models import Newsletter
from briefings.publication import NEWSLETTER
from disclosure.models import DisclosureAcceptance, Term
from disclosure.services import disclosure_accept, publication_check
from reviews.models import Review
from reviews.publication import review_transition
from reviews.workflow import transition_run
from tests.factories import ChildFactory, LessonFactory, ManagerFactory, OfficerFactory, ReviewFactory

pytestmark = pytest.mark.django_db

DATED = "Alice was seen by the health visitor on 14 March 2016 and again by Mrs Henderson."


@pytest.fixture
def people():
    return OfficerFactory(), ManagerFactory()


def submitted(officer, lesson=DATED):
    review = ReviewFactory(
        state=Review.State.DRAFT, published_on=None, summary="Alice lived with her mother."
    )
    ChildFactory(review=review, pseudonym="Alice")
    LessonFactory(review=review, text=lesson)
    return review_transition(review=review, name="submit", by=officer)


def test_publishing_is_refused_while_findings_are_unresolved(people):
    officer, manager = people
    review = submitted(officer)
    with pytest.raises(ValidationError) as refused:
        review_transition(review=review, name="publish", by=manager)
    message = " ".join(refused.value.messages)
    assert "found 2 details that could identify a child or family" in message
    assert "“14 March 2016” (exact date, Lesson 1)" in message and "Mrs Henderson" in message
    review.refresh_from_db()
    assert review.state == Review.State.AWAITING_APPROVAL


def test_publishing_is_allowed_once_the_text_is_fixed(people):
    officer, manager = people
    review = submitted(officer)
    review.lessons.update(text="Alice was seen by the health visitor in spring 2016 and again by her GP.")
    assert review_transition(review=review, name="publish", by=manager).state == Review.State.PUBLISHED


def test_publishing_is_allowed_after_a_manager_records_why_it_is_safe_and_history_names_them(people):
    officer, manager = people
    review = submitted(officer)
    report = publication_check(review)
    acceptance = disclosure_accept(
        obj=review,
        fingerprint=report.fingerprint,
        reason="The date is in the court's public judgment.",
        by=manager,
    )
    assert review_transition(review=review, name="publish", by=manager).state == Review.State.PUBLISHED
    recorded = acceptance.history.get()
    assert (
        recorded.history_user == manager and recorded.reason == "The date is in the court's public judgment."
    )
    assert {f["text"] for f in recorded.findings} == {"14 March 2016", "Mrs Henderson"}


def test_an_acceptance_covers_only_the_findings_it_was_given_for(people):
    officer, manager = people
    review = submitted(officer)
    disclosure_accept(
        obj=review, fingerprint=publication_check(review).fingerprint, reason="Public.", by=manager
    )
    review.lessons.update(text=DATED + " She lived at 12 Acacia Road.")
    with pytest.raises(ValidationError, match="12 Acacia Road"):
        review_transition(review=review, name="publish", by=manager)


def test_whoever_submitted_may_neither_accept_nor_publish_and_a_reason_is_needed(people):
    officer, manager = people
    review = submitted(manager, lesson="Nothing identifying here.")
    with pytest.raises(PermissionDenied, match="You submitted this review yourself"):
        review_transition(review=review, name="publish", by=manager)
    dated = submitted(manager)
    fingerprint = publication_check(dated).fingerprint
    with pytest.raises(PermissionDenied, match="You submitted this review yourself"):
        disclosure_accept(obj=dated, fingerprint=fingerprint, reason="Fine.", by=manager)
    with pytest.raises(PermissionDenied, match="Only a board manager"):
        disclosure_accept(obj=dated, fingerprint=fingerprint, reason="Fine.", by=officer)
    with pytest.raises(ValidationError, match="Say why"):
        disclosure_accept(obj=dated, fingerprint=fingerprint, reason="  ", by=ManagerFactory())
    assert not DisclosureAcceptance.objects.exists()


def test_the_boards_safe_and_sensitive_words_change_what_is_found(people):
    officer, manager = people
    review = submitted(officer, lesson="Alice attended Brookfield Academy near Ashgrove.")
    assert [f.text for f in publication_check(review).findings] == ["Brookfield Academy"]
    Term.objects.create(text="Brookfield", kind=Term.Kind.SAFE)
    Term.objects.create(text="Ashgrove", kind=Term.Kind.SENSITIVE)
    assert [f.text for f in publication_check(review).findings] == ["Ashgrove"]


def test_a_newsletter_introduction_with_a_name_is_not_published(people):
    officer, manager = people
    published = ReviewFactory()
    newsletter = Newsletter.objects.create(
        title="Spring bulletin", slug="spring", issue_date="2024-04-01",
        introduction="Thanks to Sharon Mitchell, whose family shared their story.",
    )  # fmt: skip
    newsletter.items.create(review=published)
    transition_run(workflow=NEWSLETTER, obj=newsletter, name="submit", by=officer)
    with pytest.raises(ValidationError, match="Sharon Mitchell"):
        transition_run(workflow=NEWSLETTER, obj=newsletter, name="publish", by=manager)


def test_the_confirmation_pages_show_the_findings_in_place_and_the_approver_records_a_reason(client, people):
    officer, manager = people
    draft = ReviewFactory(state=Review.State.DRAFT, published_on=None)
    LessonFactory(review=draft, text="Seen at 12 Acacia Road.")
    client.force_login(officer)
    page = client.get(reverse("admin:reviews_review_transition", args=[draft.pk, "submit"]))
    assert '<mark title="Named place">12 Acacia Road</mark>' in page.text
    assert "The board manager who approves it will be asked to resolve it." in page.text
    assert "Record why it is safe" not in page.text
    review = submitted(officer)
    client.force_login(manager)
    url = reverse("admin:reviews_review_transition", args=[review.pk, "publish"])
    page = client.get(url)
    assert '<mark title="Exact date">14 March 2016</mark>' in page.text
    assert "say “March 2016” or “spring 2016”" in page.text
    refused = client.post(url, {"reason": ""}, follow=True)
    assert "found 2 details that could identify a child" in refused.text
    assert Review.objects.get(pk=review.pk).state == Review.State.AWAITING_APPROVAL

    accept_url = reverse("admin:disclosure_accept", args=[_content_type(review), review.pk])
    fingerprint = publication_check(review).fingerprint
    empty = client.post(accept_url, {"reason": "", "fingerprint": fingerprint, "next": url})
    assert empty.status_code == 400 and "Say why what the check found is safe" in empty.text
    accepted = client.post(
        accept_url, {"reason": "Named in the judgment.", "fingerprint": fingerprint, "next": url}
    )
    assert accepted.status_code == 302 and accepted["Location"] == url
    page = client.get(url)
    assert f"Accepted by {manager}" in page.text and "Named in the judgment." in page.text
    client.post(url, {"reason": ""})
    assert Review.objects.get(pk=review.pk).state == Review.State.PUBLISHED


def _content_type(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


def test_the_demo_review_awaiting_approval_has_three_details_for_the_approver(people):
    from demo import content
    from reviews.services import review_import

    review = review_import(data=content.read(content.DATA / "reviews" / "pr-2026-01.toml"))[0]
    found = [(f.kind_label, f.text) for f in publication_check(review).findings]
    assert found == [
        ("Named place", "Brookfield Academy"),
        ("Exact date", "14 March 2026"),
        ("Personal name", "Mrs Henderson"),
    ]
