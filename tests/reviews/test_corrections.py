"""A correction to a published review reaches the public only when a second person approves it."""

import pytest
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reviews.models import Child, Lesson, Review, Revision
from reviews.publication import revision_transition
from tests.factories import LessonFactory, ManagerFactory, OfficerFactory, PractitionerFactory, ReviewFactory

pytestmark = pytest.mark.django_db

PUBLISHED_TEXT = "Share the chronology with the school nurse."
CORRECTED_TEXT = "Share the chronology with the school nurse and the GP practice."


def change_page_data(page):
    """What a browser posts back from an admin change page when nothing is changed."""
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for name, field in form.fields.items():
            value = form[name].value()
            if (
                value is None
                or value is False
                or name == "correction_note"
                or field.widget.needs_multipart_form
            ):
                continue
            if isinstance(value, list | tuple):
                data[form[name].html_name] = [str(v) for v in value]
            else:
                data[form[name].html_name] = "on" if value is True else str(value)
    return data


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def change_url(review):
    return reverse("admin:reviews_review_change", args=[review.pk])


def correction_url(review):
    return reverse("admin:reviews_review_correction", args=[review.pk])


@pytest.fixture
def review():
    review = ReviewFactory(title="Child Q: practice review", slug="child-q")
    LessonFactory(review=review, text=PUBLISHED_TEXT)
    return review


def lesson_field(page, text):
    """The form field name of the lesson row that shows ``text``."""
    formset = next(f.formset for f in page.context["inline_admin_formsets"] if f.formset.model is Lesson)
    row = next(form for form in formset.forms if form.instance.text == text)
    return row["text"].html_name


def propose(client, review, *, by, note="The GP practice was left out.", text=CORRECTED_TEXT, **changes):
    client.force_login(by)
    page = client.get(change_url(review))
    data = change_page_data(page) | {lesson_field(page, PUBLISHED_TEXT): text, "correction_note": note}
    return client.post(change_url(review), data | changes)


def decide(client, review, name, *, by, reason=""):
    client.force_login(by)
    return client.post(correction_url(review), {"name": name, "reason": reason}, follow=True)


def public_pages(client, review):
    """The review's page, the lessons search and the 7-minute briefing, signed out and as a practitioner."""
    pages = []
    for reader in [None, PractitionerFactory()]:
        client.logout()
        if reader:
            client.force_login(reader)
        pages.append(client.get(review.get_absolute_url()).text)
        pages.append(client.get(reverse("reviews:lesson_list"), {"q": "GP practice"}).text)
        pages.append(client.get(reverse("briefings:review_briefing", args=[review.slug])).text)
    return "".join(pages)


def test_a_managers_correction_is_public_only_once_another_manager_approves_it(client, review):
    proposer, approver = ManagerFactory(), ManagerFactory()
    response = propose(client, review, by=proposer)
    assert response.status_code == 302, response.context["errors"]
    assert any("waiting for another board manager's approval" in m for m in messages_of(response))
    assert Lesson.objects.get(review=review).text == PUBLISHED_TEXT
    assert CORRECTED_TEXT not in public_pages(client, review)

    decide(client, review, "approve", by=approver)
    assert Lesson.objects.get(review=review).text == CORRECTED_TEXT
    assert CORRECTED_TEXT in public_pages(client, review)
    assert Review.objects.public().filter(pk=review.pk).exists()


def test_the_proposer_cannot_approve_their_own_correction(client, review):
    proposer = ManagerFactory()
    propose(client, review, by=proposer)
    page = client.get(correction_url(review))
    assert "You proposed this correction yourself, so another board manager must approve it" in page.text
    assert 'value="approve"' not in page.text
    decide(client, review, "approve", by=proposer)
    revision = Revision.objects.get()
    with pytest.raises(PermissionDenied):
        revision_transition(revision=revision, name="approve", by=proposer)
    assert Lesson.objects.get(review=review).text == PUBLISHED_TEXT
    assert Revision.objects.get().state == Revision.State.PENDING


def test_an_officer_proposes_but_cannot_approve(client, review):
    propose(client, review, by=OfficerFactory())
    page = client.get(correction_url(review))
    assert 'value="approve"' not in page.text and 'value="reject"' not in page.text
    decide(client, review, "approve", by=OfficerFactory())
    assert Lesson.objects.get(review=review).text == PUBLISHED_TEXT


def test_rejecting_needs_a_reason_and_keeps_the_published_version(client, review):
    propose(client, review, by=OfficerFactory())
    manager = ManagerFactory()
    response = decide(client, review, "reject", by=manager)
    assert "Give a reason" in response.text
    assert Revision.objects.get().state == Revision.State.PENDING

    decide(client, review, "reject", by=manager, reason="The GP was told; the report says so.")
    revision = Revision.objects.get()
    assert (revision.state, revision.decided_by) == (Revision.State.REJECTED, manager)
    assert Lesson.objects.get(review=review).text == PUBLISHED_TEXT
    assert PUBLISHED_TEXT in public_pages(client, review)


def test_a_second_correction_by_someone_else_is_refused_and_names_who_has_one(client, review):
    first = ManagerFactory(first_name="Ada", last_name="Lovelace")
    propose(client, review, by=first)
    response = propose(client, review, by=OfficerFactory(), text="Someone else's words.")
    assert response.status_code == 200
    assert "Ada Lovelace proposed a correction to this review" in response.text
    assert "Someone else&#x27;s words." in response.text  # what they typed is kept
    assert Revision.objects.count() == 1
    assert "Someone else" not in str(Revision.objects.get().data)


def test_the_proposer_updates_their_waiting_correction_and_keeps_their_first_changes(client, review):
    proposer = OfficerFactory()
    propose(client, review, by=proposer, title="Child Q: corrected")
    page = client.get(change_url(review))
    assert page.context["adminform"].form["title"].value() == "Child Q: corrected"  # opens with it

    data = change_page_data(page) | {"method": "Learning together", "correction_note": "Also the method."}
    assert client.post(change_url(review), data).status_code == 302
    revision = Revision.objects.get()
    assert revision.note == "Also the method."
    assert revision.data["fields"]["title"] == "Child Q: corrected"
    assert revision.data["fields"]["method"] == "Learning together"
    assert CORRECTED_TEXT in str(revision.data)  # the lesson changed in the first edit
    assert Review.objects.get(pk=review.pk).title == "Child Q: practice review"


def test_the_change_page_shows_who_waits_and_the_differences_page_lists_the_changed_field(client, review):
    propose(client, review, by=OfficerFactory(first_name="Ben", last_name="Ode"), title="Child Q: corrected")
    client.force_login(ManagerFactory())
    page = client.get(change_url(review))
    assert "A correction by Ben Ode is waiting for approval" in page.text
    assert correction_url(review) in page.text

    differences = client.get(correction_url(review)).text
    assert "Child Q: corrected" in differences and "Child Q: practice review" in differences
    assert "Title" in differences
    assert "Lesson learned" in differences and CORRECTED_TEXT in differences
    assert 'value="approve"' in differences and 'value="reject"' in differences


def test_the_approval_is_in_the_history_with_both_people(client, review):
    proposer = OfficerFactory(first_name="Cy", last_name="Proposer")
    approver = ManagerFactory(first_name="Di", last_name="Approver")
    propose(client, review, by=proposer, title="Child Q: corrected")
    decide(client, review, "approve", by=approver)

    latest = Review.history.filter(id=review.pk).first()
    assert latest.history_user == approver
    assert latest.history_change_reason.startswith("Correction approved: The GP practice was left out.")
    assert "Cy Proposer" in latest.history_change_reason
    lesson = Lesson.objects.get(review=review)
    assert Lesson.history.filter(id=lesson.pk).first().history_user == approver

    client.force_login(approver)
    history = client.get(reverse("admin:reviews_review_history", args=[review.pk])).text
    assert "Cy Proposer" in history and "Di Approver" in history
    assert "Approved" in history


def test_approving_raises_the_reviews_updated_at_so_caches_and_pdfs_refresh(client, review):
    before = Review.objects.get(pk=review.pk).updated_at
    propose(client, review, by=OfficerFactory())
    assert Review.objects.get(pk=review.pk).updated_at == before
    decide(client, review, "approve", by=ManagerFactory())
    assert Review.objects.get(pk=review.pk).updated_at > before


def test_the_public_page_costs_the_same_queries_while_a_correction_waits(client, review):
    def queries():
        client.logout()
        cache.clear()  # the page as built from the database, not from the cache
        with CaptureQueriesContext(connection) as captured:
            assert client.get(review.get_absolute_url()).status_code == 200
        return len(captured)

    before = queries()
    propose(client, review, by=OfficerFactory())
    assert queries() == before


def test_a_correction_replaces_the_report_which_stays_unpublished_until_approved(client, review):
    from django.core.files.uploadedfile import SimpleUploadedFile

    report_url = reverse("reviews:review_report", args=[review.slug])
    report = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    proposer = OfficerFactory()
    response = propose(client, review, by=proposer, report_file=report)
    assert response.status_code == 302
    page = client.get(change_url(review))  # a second edit keeps the new report
    again = change_page_data(page) | {"correction_note": "And the new report."}
    assert client.post(change_url(review), again).status_code == 302
    assert Revision.objects.get().data["fields"]["report_file"].startswith("reports/report")
    client.logout()
    assert client.get(report_url).status_code == 404  # the public has no report yet
    manager = ManagerFactory()
    client.force_login(manager)
    differences = client.get(correction_url(review)).text
    assert "Full report (pdf)" in differences and "reports/report" in differences
    decide(client, review, "approve", by=manager)
    client.logout()
    served = client.get(report_url)
    assert served.status_code == 200 and b"".join(served.streaming_content).startswith(b"%PDF")


def test_a_correction_refuses_a_report_that_is_not_a_pdf(client, review):
    from django.core.files.uploadedfile import SimpleUploadedFile

    report = SimpleUploadedFile("report.pdf", b"<html>not a PDF</html>", content_type="application/pdf")
    response = propose(client, review, by=OfficerFactory(), report_file=report)
    assert response.status_code == 200
    assert not Revision.objects.exists()


def test_a_correction_cannot_be_approved_once_the_review_was_withdrawn(client, review):
    from reviews.publication import review_transition

    propose(client, review, by=OfficerFactory())
    manager = ManagerFactory()
    review_transition(review=review, name="withdraw", by=manager, reason="Complaint from the family.")
    with pytest.raises(ValidationError, match="no longer published"):
        revision_transition(revision=Revision.objects.get(), name="approve", by=manager)
    assert Lesson.objects.get(review=review).text == PUBLISHED_TEXT

    client.force_login(manager)
    assert "is waiting for approval" in client.get(change_url(review)).text  # so it can be rejected
    decide(client, review, "reject", by=manager, reason="The review was withdrawn.")
    assert Revision.objects.get().state == Revision.State.REJECTED


def test_a_published_review_still_cannot_be_deleted(client, review):
    client.force_login(ManagerFactory())
    page = client.post(reverse("admin:reviews_review_delete", args=[review.pk]), {"post": "yes"})
    assert "cannot be deleted" in page.text
    assert Review.objects.filter(pk=review.pk).exists()


def test_a_lesson_added_by_a_correction_without_a_number_goes_last_once_approved(client, review):
    LessonFactory(review=review, text="The second lesson.", order=20)
    client.force_login(OfficerFactory())
    page = client.get(change_url(review))
    formset = next(f.formset for f in page.context["inline_admin_formsets"] if f.formset.model is Lesson)
    total, prefix = formset.total_form_count(), formset.prefix
    added = {
        f"{prefix}-TOTAL_FORMS": str(total + 1),
        f"{prefix}-{total}-text": "Ask who else knows the family.",
        f"{prefix}-{total}-order": "",
        "correction_note": "A lesson the report makes and the page left out.",
    }
    assert client.post(change_url(review), change_page_data(page) | added).status_code == 302
    assert not Lesson.objects.filter(text="Ask who else knows the family.").exists()

    differences = client.get(correction_url(review)).text
    assert "added" in differences and "Ask who else knows the family." in differences
    decide(client, review, "approve", by=ManagerFactory())
    texts = list(Lesson.objects.filter(review=review).values_list("text", flat=True))
    assert texts[-1] == "Ask who else knows the family."


def test_a_pasted_list_is_not_added_to_a_published_review_behind_the_approval(client, review):
    response = propose(client, review, by=OfficerFactory(), paste_lessons="* Pasted straight in.")
    assert response.status_code == 200
    assert "A correction keeps only the fields and the rows of the lists on this page" in response.text
    assert not Lesson.objects.filter(text__contains="Pasted straight in").exists()
    assert not Revision.objects.exists()


def test_a_lesson_about_a_child_added_by_the_same_correction_names_that_child_once_approved(client, review):
    client.force_login(OfficerFactory())
    page = client.get(change_url(review))
    formsets = {f.formset.model: f.formset for f in page.context["inline_admin_formsets"]}
    children, lessons = formsets[Child], formsets[Lesson]
    c, n = children.total_form_count(), lessons.total_form_count()
    added = {
        f"{children.prefix}-TOTAL_FORMS": str(c + 1),
        f"{children.prefix}-{c}-pseudonym": "Alice",
        f"{children.prefix}-{c}-outcome": "serious_harm",
        f"{children.prefix}-{c}-order": "5",
        f"{lessons.prefix}-TOTAL_FORMS": str(n + 1),
        f"{lessons.prefix}-{n}-text": "Hear what Alice says.",
        f"{lessons.prefix}-{n}-child": "Alice",
        "correction_note": "Alice was left out.",
    }
    response = client.post(change_url(review), change_page_data(page) | added)
    assert response.status_code == 302, response.context["errors"]
    assert not Child.objects.filter(review=review, pseudonym="Alice").exists()

    decide(client, review, "approve", by=ManagerFactory())
    lesson = Lesson.objects.get(review=review, text="Hear what Alice says.")
    assert lesson.child.pseudonym == "Alice"


def test_a_correction_from_a_page_opened_before_another_was_approved_is_refused_as_stale(client, review):
    officer = OfficerFactory()
    client.force_login(officer)
    stale = client.get(change_url(review))  # opened before the other correction was approved
    propose(client, review, by=OfficerFactory(), title="Child Q: corrected")
    decide(client, review, "approve", by=ManagerFactory())

    client.force_login(officer)
    data = change_page_data(stale) | {"method": "Stale method", "correction_note": "From an old page."}
    response = client.post(change_url(review), data)
    assert response.status_code == 200
    assert "Someone else changed this review while you were editing it" in response.text
    assert Revision.objects.waiting().count() == 0


def test_managers_find_the_corrections_waiting_above_the_list_of_reviews(client, review):
    propose(client, review, by=OfficerFactory(first_name="Ben", last_name="Ode"))
    client.force_login(ManagerFactory())
    page = client.get(reverse("admin:reviews_review_changelist"))
    assert "Corrections waiting for approval" in page.text
    assert correction_url(review) in page.text and "Ben Ode" in page.text


def lesson_rows(page):
    formset = next(f.formset for f in page.context["inline_admin_formsets"] if f.formset.model is Lesson)
    return [(form["text"].value(), bool(form["DELETE"].value())) for form in formset.forms]


def test_a_second_edit_opens_with_the_rows_the_first_edit_changed_added_and_removed(client, review):
    doomed = LessonFactory(review=review, text="A lesson the correction removes.", order=30)
    proposer = OfficerFactory()
    client.force_login(proposer)
    page = client.get(change_url(review))
    formset = next(f.formset for f in page.context["inline_admin_formsets"] if f.formset.model is Lesson)
    doomed_row = next(form for form in formset.forms if form.instance == doomed)
    data = change_page_data(page) | {
        lesson_field(page, PUBLISHED_TEXT): CORRECTED_TEXT,
        doomed_row["DELETE"].html_name: "on",
        "lessons-TOTAL_FORMS": str(len(formset.forms) + 1),
        f"lessons-{len(formset.forms)}-text": "A lesson the correction adds.",
        "correction_note": "First edit.",
    }
    assert client.post(change_url(review), data).status_code == 302

    page = client.get(change_url(review))
    rows = lesson_rows(page)
    assert rows[-1] == ("A lesson the correction adds.", False)  # a new row, after the saved ones
    assert sorted(rows[:-1]) == [("A lesson the correction removes.", True), (CORRECTED_TEXT, False)]
    # Saved again as it opens, the correction is the same: nothing is added twice.
    again = change_page_data(page) | {"correction_note": "Second edit."}
    assert client.post(change_url(review), again).status_code == 302
    lessons = next(item for item in Revision.objects.get().data["lists"] if item["model"] == "reviews.lesson")
    assert sorted(row["fields"]["text"] for row in lessons["rows"]) == [
        "A lesson the correction adds.",
        CORRECTED_TEXT,
    ]
    assert lessons["removed"] == [doomed.pk]
