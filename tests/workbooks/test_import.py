"""What an import does: drafts with history, the same file twice changes nothing, a changed row
is an update, and everything or nothing is written."""

import pytest

from learnt_before.models import LessonMatch
from reviews.models import Child, Lesson, Recommendation, Review
from tests.factories import LessonFactory, ReviewFactory
from tests.workbooks.builders import REVIEW_HEADINGS, csv_zip, sheets, xlsx
from workbooks.services import workbook_import, workbook_preview
from workbooks.template import workbook_template

pytestmark = pytest.mark.django_db


def preview_of(source, user, name="reviews.xlsx"):
    return workbook_preview(source=source, name=name, user=user)


def imported(source, user, name="reviews.xlsx"):
    preview = preview_of(source, user, name)
    assert [str(p) for p in preview.problems] == []
    workbook_import(preview=preview, by=user, file_name=name)
    return preview


def test_the_preview_lists_what_would_be_added_and_writes_nothing(officer):
    preview = preview_of(xlsx(), officer)
    assert preview.counts == {"create": 1, "update": 0, "unchanged": 0}
    assert preview.rows["Lessons"] == 2
    assert not Review.objects.filter(reference="LCSPR-2025-07").exists()


def test_imported_reviews_are_drafts_with_everything_and_history_naming_the_importer(officer):
    imported(xlsx(), officer)
    review = Review.objects.get(reference="LCSPR-2025-07")
    assert review.state == Review.State.DRAFT
    assert review.slug == "child-t-neglect-over-years"
    assert [t.name for t in review.themes.all()] == ["Neglect"]
    child = review.children.get()
    assert (child.pseudonym, child.age_years, child.known_to_social_care) == ("Child T", 6, True)
    assert review.keyissues.get().child == child
    lessons = list(review.lessons.all())
    assert lessons[0].practice_area.name == "School" == review.positivefactors.get().practice_area.name
    assert {t.name for t in lessons[0].themes.all()} == {"Neglect", "Voice of the child"}
    assert review.recommendations.get().owner_group.name == "All agencies"
    history = review.history.order_by("history_date", "history_id").first()
    assert (history.history_user, history.history_change_reason) == (officer, "Imported from reviews.xlsx")
    assert Lesson.history.filter(review_id=review.pk).exclude(history_user=officer).count() == 0
    assert Child.history.get(review_id=review.pk).history_change_reason == "Imported from reviews.xlsx"
    rows = list(Lesson.history.filter(id=lessons[0].pk).order_by("history_date", "history_id"))
    assert [row.history_type for row in rows] == ["+"]  # created with its themes and services, in one row
    assert {tag.theme.name for tag in rows[0].themes.all()} == {"Neglect", "Voice of the child"}
    assert [tag.service.name for tag in rows[0].services.all()] == ["Schools and education"]
    assert {tag.theme.name for tag in review.history.first().themes.all()} == {"Neglect"}


def test_the_same_file_twice_changes_nothing(officer):
    imported(xlsx(), officer)
    review = Review.objects.get(reference="LCSPR-2025-07")
    rows = Review.history.count() + Lesson.history.count()
    again = imported(xlsx(), officer)
    assert again.counts == {"create": 0, "update": 0, "unchanged": 1}
    assert Review.history.count() + Lesson.history.count() == rows
    assert Review.objects.get(pk=review.pk).version == review.version


def test_a_changed_row_is_shown_as_an_update_and_updates_its_record(officer):
    imported(xlsx(), officer)
    data = sheets()
    data["Reviews"][1][1] = "Child T: a new title"
    data["Lessons"][2][4] = "There is a need for every missed appointment to be followed up."
    data["Recommendations"] = None  # a sheet left out keeps its records
    preview = preview_of(xlsx(data), officer)
    assert preview.counts["update"] == 1
    assert preview.plans[0].changes == ["Title", "1 lesson changed"]
    workbook_import(preview=preview, by=officer, file_name="second.xlsx")
    review = Review.objects.get(reference="LCSPR-2025-07")
    assert review.title == "Child T: a new title"
    assert review.lessons.last().text.startswith("There is a need for every missed")
    assert review.recommendations.count() == 1
    assert review.history.first().history_change_reason == "Imported from second.xlsx"


def test_fewer_rows_remove_the_reviews_last_findings(officer):
    imported(xlsx(), officer)
    data = sheets()
    del data["Lessons"][2]
    preview = preview_of(xlsx(data), officer)
    assert preview.plans[0].changes == ["1 lesson removed"]
    workbook_import(preview=preview, by=officer, file_name="x.xlsx")
    assert Lesson.objects.filter(review__reference="LCSPR-2025-07").count() == 1


def test_a_published_review_is_not_changed_by_an_import(officer):
    ReviewFactory(reference="LCSPR-2025-07", state=Review.State.PUBLISHED, published_on="2025-06-01")
    preview = preview_of(xlsx(), officer)
    assert any("is published" in str(p) and "change it in the admin" in str(p) for p in preview.problems)


def test_nothing_is_written_when_one_record_fails_at_the_last_moment(officer, monkeypatch):
    data = sheets()
    data["Reviews"].append(["MR-2020-01", "Child U", "management", "", "", "", ""])
    preview = preview_of(xlsx(data), officer)
    assert preview.counts["create"] == 2
    monkeypatch.setattr(
        Recommendation, "full_clean", lambda self, **kw: (_ for _ in ()).throw(ValueError("x"))
    )
    with pytest.raises(ValueError):
        workbook_import(preview=preview, by=officer, file_name="x.xlsx")
    assert not Review.objects.filter(reference__in=["LCSPR-2025-07", "MR-2020-01"]).exists()


def test_a_zip_of_csv_files_imports_like_the_workbook(officer):
    imported(csv_zip(), officer, name="reviews.zip")
    assert Review.objects.get(reference="LCSPR-2025-07").lessons.count() == 2
    assert imported(xlsx(), officer).counts["unchanged"] == 1


def test_references_match_whatever_their_capitals(officer):
    imported(xlsx(), officer)
    data = sheets()
    for rows in data.values():
        for row in rows[1:]:
            row[0] = row[0].lower()
    assert preview_of(xlsx(data), officer).counts["unchanged"] == 1


def test_the_template_with_its_examples_imports_once(officer):
    import io

    source = io.BytesIO(workbook_template())
    preview = imported(source, officer, name="review-workbook-template.xlsx")
    assert preview.counts["create"] == 3
    source.seek(0)
    assert preview_of(source, officer).counts["unchanged"] == 3  # blank web addresses keep theirs


def test_dates_as_real_dates_iso_british_text_and_excel_numbers(officer):
    import datetime

    data = {
        "Reviews": [REVIEW_HEADINGS[:4]]
        + [
            ["R-1", "One", "scr", datetime.datetime(2024, 3, 31)],
            ["R-2", "Two", "scr", "2024-03-31"],
            ["R-3", "Three", "scr", "31/03/2024"],
            ["R-4", "Four", "scr", 45382],
        ]
    }
    imported(xlsx(data), officer)
    dates = set(Review.objects.filter(reference__startswith="R-").values_list("commissioned_on", flat=True))
    assert dates == {datetime.date(2024, 3, 31)}


def test_an_imported_review_is_searched_counted_and_matched_like_one_saved_in_the_admin(
    officer, client, django_capture_on_commit_callbacks
):
    """New reviews are written in bulk: what the admin's signals do must still be done."""
    earlier = ReviewFactory(
        reference="SCR-2012-01",
        commissioned_on="2012-01-10",
        completed_on="2012-06-30",
        published_on="2012-09-01",
    )
    LessonFactory(review=earlier, text="There is a need for schools to share attendance worries.")
    with django_capture_on_commit_callbacks(execute=True):
        imported(xlsx(), officer)
    review = Review.objects.get(reference="LCSPR-2025-07")
    lesson = review.lessons.get(text__contains="attendance worries")
    # "Learnt before", computed after the import commits (at once here: no worker in tests).
    assert list(LessonMatch.objects.filter(lesson=lesson).values_list("earlier__review", flat=True)) == [
        earlier.pk
    ]
    address = f"{review.get_absolute_url()}#lesson-"
    assert address not in client.get("/lessons/?q=appointments").content.decode()  # a draft
    Review.objects.filter(pk=review.pk).update(state=Review.State.PUBLISHED, published_on="2025-09-01")
    page = client.get("/lessons/?q=appointments").content.decode()
    assert address in page  # its search words were made
    page = client.get("/lessons/?theme=was-not-brought-non-attendance").content.decode()
    assert "missed appointments to be followed up" in page and "Lessons (1)" in page  # and it is counted
