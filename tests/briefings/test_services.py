"""Moving a newsletter between states, and the demo newsletters."""

from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from briefings.models import Newsletter
from briefings.services import (
    newsletter_create,
    newsletter_publish,
    newsletter_return_to_draft,
    newsletter_submit,
    newsletter_withdraw,
)
from reviews.models import Review
from tests.briefings.conftest import refreshed
from tests.briefings.workflow import approve_and_publish
from tests.factories import OfficerFactory, PractitionerFactory, ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsletter(board):
    newsletter, _ = newsletter_create(
        data={"slug": "n", "title": "N", "issue_date": "2024-01-01"},
        review_references=[ReviewFactory().reference],
    )
    return newsletter


def test_draft_to_approval_to_published_to_withdrawn_and_back(newsletter, editor):
    officer = OfficerFactory()
    newsletter = newsletter_submit(newsletter=newsletter, by=officer)
    assert refreshed(newsletter).state == Newsletter.State.AWAITING_APPROVAL
    assert refreshed(newsletter).submitted_by == officer
    newsletter = newsletter_publish(newsletter=newsletter, by=editor)
    stored = refreshed(newsletter)
    assert stored.state == Newsletter.State.PUBLISHED and stored.published_at and stored.decided_by == editor
    assert list(Newsletter.objects.published()) == [stored]
    newsletter_withdraw(newsletter=stored, by=editor, reason="A review in it was withdrawn.")
    assert not Newsletter.objects.published().exists()
    assert refreshed(newsletter).decision_note == "A review in it was withdrawn."
    newsletter_return_to_draft(newsletter=refreshed(newsletter), by=editor, reason="To correct it.")
    assert refreshed(newsletter).state == Newsletter.State.DRAFT
    history = refreshed(newsletter).history.all()
    assert [h.state for h in history][:4] == ["draft", "withdrawn", "published", "awaiting_approval"]
    assert history[3].history_user == officer and history[2].history_user == editor


def test_nobody_publishes_alone(newsletter, editor):
    newsletter_submit(newsletter=newsletter, by=editor)
    with pytest.raises(PermissionDenied, match="another board manager must approve it"):
        newsletter_publish(newsletter=refreshed(newsletter), by=editor)
    with pytest.raises(ValidationError, match="cannot be published"):
        newsletter_publish(newsletter=NewsletterFactoryDraft(), by=editor)
    assert refreshed(newsletter).state == Newsletter.State.AWAITING_APPROVAL


def test_officers_submit_but_cannot_publish_or_withdraw(newsletter):
    officer = OfficerFactory()
    newsletter_submit(newsletter=newsletter, by=officer)
    with pytest.raises(PermissionDenied, match="Only a board manager"):
        newsletter_publish(newsletter=refreshed(newsletter), by=OfficerFactory())
    with pytest.raises(PermissionDenied):
        newsletter_return_to_draft(newsletter=refreshed(newsletter), by=officer, reason="Because.")


def test_practitioners_cannot_submit(newsletter):
    with pytest.raises(PermissionDenied, match="does not allow you to submit"):
        newsletter_submit(newsletter=newsletter, by=PractitionerFactory())


def NewsletterFactoryDraft():  # noqa: N802 - reads like the factory it stands in for
    newsletter, _ = newsletter_create(
        data={"slug": "other", "title": "Other", "issue_date": "2024-01-01"},
        review_references=[ReviewFactory().reference],
    )
    return newsletter


def test_transitions_that_make_no_sense_are_refused_plainly(newsletter, editor):
    with pytest.raises(ValidationError, match="A newsletter that is draft cannot be withdrawn."):
        newsletter_withdraw(newsletter=newsletter, by=editor, reason="Because.")
    published = approve_and_publish(newsletter=newsletter, by=editor)
    with pytest.raises(ValidationError, match="A newsletter that is published cannot be published."):
        newsletter_publish(newsletter=published, by=editor)


def test_submitting_refuses_every_review_that_is_not_published_for_everyone(board, editor):
    reviews = [
        ReviewFactory(state=Review.State.DRAFT, published_on=None),
        ReviewFactory(state=Review.State.NOT_FOR_PUBLICATION),
        ReviewFactory(visibility=Review.Visibility.PARTNERS),
    ]
    newsletter, _ = newsletter_create(
        data={"slug": "n", "title": "N", "issue_date": "2024-01-01"},
        review_references=[r.reference for r in reviews],
    )
    with pytest.raises(ValidationError) as refused:
        newsletter_submit(newsletter=newsletter, by=editor)
    messages = refused.value.messages
    assert len(messages) == 3
    assert "is draft:" in messages[0]
    assert "is not for publication:" in messages[1]
    assert "is published for partner agencies only:" in messages[2]
    assert refreshed(newsletter).state == Newsletter.State.DRAFT


def test_publishing_refuses_a_review_withdrawn_after_the_newsletter_was_submitted(newsletter, editor):
    newsletter = newsletter_submit(newsletter=newsletter, by=OfficerFactory())
    review = newsletter.items.get().review
    review.state = Review.State.WITHDRAWN
    review.save()
    with pytest.raises(ValidationError, match="is withdrawn: only a review published for everyone"):
        newsletter_publish(newsletter=newsletter, by=editor)
    assert refreshed(newsletter).state == Newsletter.State.AWAITING_APPROVAL


def test_publishing_stands_when_the_pdf_cannot_be_rendered(newsletter, editor, monkeypatch, caplog):
    from briefings import kept_pdfs as keeping

    def broken(**kwargs):
        raise OSError("Pango is missing")

    monkeypatch.setattr(keeping, "newsletter_pdf_keep", broken)
    published = approve_and_publish(newsletter=newsletter, by=editor)
    assert refreshed(published).state == Newsletter.State.PUBLISHED
    assert not refreshed(published).pdf_name
    failures = [r for r in caplog.records if r.name == "django.tasks" and r.levelname == "ERROR"]
    assert failures and "newsletter_pdf_render" in failures[0].getMessage()


def test_load_demo_creates_a_published_and_a_draft_newsletter_once():
    call_command("load_demo", stdout=StringIO())
    published = Newsletter.objects.get(state=Newsletter.State.PUBLISHED)
    assert published.items.count() == 3
    assert all(item.review.is_public for item in published.items.select_related("review"))
    assert published.pdf_pages and published.pdf_size
    draft = Newsletter.objects.get(state=Newsletter.State.DRAFT)
    assert draft.kind == Newsletter.Kind.SEVEN_MINUTE
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert Newsletter.objects.count() == 2
    assert "Demo newsletters: 0 added." in out.getvalue()


def test_withdrawing_a_newsletter_needs_a_reason(newsletter, editor):
    published = approve_and_publish(newsletter=newsletter, by=editor, keep_pdf=False)
    with pytest.raises(ValidationError, match="Give a reason"):
        newsletter_withdraw(newsletter=published, by=editor, reason=" ")
    assert refreshed(published).state == Newsletter.State.PUBLISHED


def test_a_manager_who_changed_a_submitted_newsletter_cannot_approve_it(newsletter, editor):
    newsletter = newsletter_submit(newsletter=newsletter, by=OfficerFactory())
    newsletter.introduction, newsletter._history_user = "The manager's own words.", editor
    newsletter.save()
    with pytest.raises(PermissionDenied, match="You changed this newsletter after it was submitted"):
        newsletter_publish(newsletter=newsletter, by=editor)
    assert refreshed(newsletter).state == Newsletter.State.AWAITING_APPROVAL


def test_the_pdf_is_kept_only_once_publishing_is_committed(
    newsletter, editor, django_capture_on_commit_callbacks
):
    newsletter = newsletter_submit(newsletter=newsletter, by=OfficerFactory())
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        newsletter_publish(newsletter=newsletter, by=editor)
    assert refreshed(newsletter).pdf_pages is None
    for callback in callbacks:
        callback()
    assert refreshed(newsletter).pdf_pages >= 1


def test_a_manager_who_added_a_link_to_a_submitted_newsletter_cannot_approve_it(newsletter, editor):
    from briefings.models import NewsletterLink

    newsletter = newsletter_submit(newsletter=newsletter, by=OfficerFactory())
    link = NewsletterLink(
        newsletter=newsletter, title="The manager's own film", url="https://video.example.org/"
    )
    link._history_user = editor
    link.save()
    with pytest.raises(PermissionDenied, match="You changed this newsletter after it was submitted"):
        newsletter_publish(newsletter=newsletter, by=editor)
