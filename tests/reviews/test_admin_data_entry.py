"""Entering a review is quick: compact rows, practice areas chosen from a list, children named in
the same save, references suggested, new rows numbered after the others (lists pasted in one go:
test_admin_pasting_and_people.py)."""

import datetime
import re

import pytest
from django.urls import reverse

from reviews.models import Review
from tests.factories import (
    ChildFactory,
    LessonFactory,
    PositiveFactorFactory,
    PracticeAreaFactory,
    ReviewFactory,
)
from tests.reviews.test_admin import review_form

pytestmark = pytest.mark.django_db


def draft(**fields):
    return ReviewFactory(state=Review.State.DRAFT, published_on=None, **fields)


def edit_form(review, **overrides):
    """The change form of ``review`` as the page would post it, with nothing changed."""
    return review_form(
        title=review.title,
        reference=review.reference,
        slug=review.slug,
        kind=review.kind,
        version=str(review.version),
        **overrides,
    )


def change_url(review):
    return reverse("admin:reviews_review_change", args=[review.pk])


def errors_of(response):
    if response.status_code != 200:
        return f"status {response.status_code}"
    return response.context["adminform"].form.errors, [
        formset.formset.errors for formset in response.context["inline_admin_formsets"]
    ]


# --- the page itself ---------------------------------------------------------------------------


def test_a_lessons_themes_and_services_are_chosen_in_a_search_box_not_a_ctrl_click_list(officer_client):
    review = draft()
    LessonFactory(review=review)
    page = officer_client.get(change_url(review)).text
    for name in ["lessons-0-themes", "lessons-0-services", "themes", "services"]:
        select = page[page.index(f'name="{name}"') - 400 : page.index(f'name="{name}"') + 400]
        assert "admin-autocomplete" in select, name


def test_every_list_of_the_review_folds_away_and_findings_are_compact_rows(officer_client):
    review = draft()
    LessonFactory(review=review)
    page = officer_client.get(change_url(review)).text
    for prefix in [
        "children",
        "practice_areas",
        "keyissues",
        "positivefactors",
        "lessons",
        "recommendations",
    ]:
        group = page[page.index(f'id="{prefix}-group"') :][:1500]
        assert "<details>" in group, prefix
    for prefix in ["keyissues", "positivefactors"]:
        group = page[page.index(f'id="{prefix}-group"') :][:300]
        assert 'data-inline-type="tabular"' in group, prefix
    assert 'name="lessons-0-text" cols="100" rows="3"' in page


def test_each_saved_finding_shows_its_first_words_as_a_summary_line(officer_client):
    review = draft()
    LessonFactory(
        review=review,
        text="Practitioners should share information early when a child is not brought to "
        "appointments, and record why.",
    )
    page = officer_client.get(change_url(review)).text
    assert "Practitioners should share information early when a child is not brought to …" in page


# --- practice areas ----------------------------------------------------------------------------


def test_practice_areas_are_a_list_per_review_chosen_on_each_finding(officer_client):
    review = draft()
    transition = PracticeAreaFactory(review=review, name="Transition issues")
    PracticeAreaFactory(name="Somebody else's area")
    factor = PositiveFactorFactory(review=review, text="Good handover.")
    page = officer_client.get(change_url(review)).text
    assert '<option value="Transition issues">' in page  # suggested as the officer types
    assert "Somebody else&#x27;s area" not in page

    data = edit_form(
        review,
        **{
            "practice_areas-TOTAL_FORMS": "2",
            "practice_areas-INITIAL_FORMS": "1",
            "practice_areas-0-id": transition.pk,
            "practice_areas-0-review": review.pk,
            "practice_areas-0-name": "Transition issues",
            "practice_areas-0-order": "10",
            "practice_areas-1-name": "Health",
            "practice_areas-1-order": "",
            "positivefactors-TOTAL_FORMS": "1",
            "positivefactors-INITIAL_FORMS": "1",
            "positivefactors-0-id": factor.pk,
            "positivefactors-0-review": review.pk,
            "positivefactors-0-order": "0",
            "positivefactors-0-text": "Good handover.",
            "positivefactors-0-practice_area": "Transition issues",
        },
    )
    response = officer_client.post(change_url(review), data)
    assert response.status_code == 302, errors_of(response)
    assert [(a.name, a.order) for a in review.practice_areas.all()] == [
        ("Transition issues", 10),
        ("Health", 20),
    ]
    factor.refresh_from_db()
    assert factor.practice_area == transition


def test_a_second_area_of_the_same_name_is_refused_so_a_row_cannot_split(officer_client):
    review = draft()
    data = edit_form(
        review,
        **{
            "practice_areas-TOTAL_FORMS": "2",
            "practice_areas-0-name": "Transition issues",
            "practice_areas-1-name": "transition issues",
        },
    )
    response = officer_client.post(change_url(review), data)
    assert response.status_code == 200
    assert review.practice_areas.count() == 0


def test_the_review_page_has_one_table_row_per_area_in_the_areas_order(client):
    review = ReviewFactory()
    health = PracticeAreaFactory(review=review, name="Health visiting", order=20)
    schools = PracticeAreaFactory(review=review, name="School attendance", order=10)
    PracticeAreaFactory(review=review, name="Unused area", order=30)
    PositiveFactorFactory(review=review, practice_area=health, text="Nurse followed up.")
    LessonFactory(review=review, practice_area=health, text="Share the plan.")
    LessonFactory(review=review, practice_area=schools, text="Record absences.")
    page = client.get(review.get_absolute_url()).text
    table = page[page.index('id="practice-areas"') :]
    rows = re.findall(r'<th scope="row">([^<]+)</th>', table)
    assert rows == ["School attendance", "Health visiting"]


def test_a_finding_cannot_take_another_reviews_area():
    other = PracticeAreaFactory(name="Elsewhere")
    lesson = LessonFactory(review=draft())
    lesson.practice_area = other
    with pytest.raises(Exception, match="Choose a practice area of this review"):
        lesson.full_clean()


def test_findings_choose_a_practice_area_added_in_the_same_save(officer_client):
    review = draft()
    transition = PracticeAreaFactory(review=review, name="Transition issues", order=10)
    data = edit_form(
        review,
        **{
            "practice_areas-TOTAL_FORMS": "2",
            "practice_areas-INITIAL_FORMS": "1",
            "practice_areas-0-id": transition.pk,
            "practice_areas-0-review": review.pk,
            "practice_areas-0-name": "Transition issues",
            "practice_areas-0-order": "10",
            "practice_areas-1-name": "Health visiting",
            "practice_areas-1-order": "",
            "positivefactors-TOTAL_FORMS": "1",
            "positivefactors-0-text": "The health visitor kept visiting.",
            "positivefactors-0-practice_area": "Health visiting",
            "lessons-TOTAL_FORMS": "2",
            "lessons-0-text": "Ask who else looks after the baby.",
            "lessons-0-practice_area": "health visiting",
            "lessons-1-text": "Plan the move to adult services early.",
            "lessons-1-practice_area": "Transition issues",
        },
    )
    response = officer_client.post(change_url(review), data)
    assert response.status_code == 302, errors_of(response)
    factor = review.positivefactors.select_related("practice_area").get()
    assert factor.practice_area.name == "Health visiting"
    lessons = {
        lesson.text: lesson.practice_area.name for lesson in review.lessons.select_related("practice_area")
    }
    assert lessons == {
        "Ask who else looks after the baby.": "Health visiting",
        "Plan the move to adult services early.": "Transition issues",
    }
    table = client_page_rows(officer_client, review)
    assert table == ["Transition issues", "Health visiting"]


def client_page_rows(client, review):
    review.state, review.published_on = Review.State.PUBLISHED, datetime.date(2026, 1, 1)
    review.save()
    page = client.get(review.get_absolute_url()).text
    return re.findall(r'<th scope="row">([^<]+)</th>', page[page.index('id="practice-areas"') :])


def test_a_practice_area_not_in_the_review_is_refused_in_plain_words(officer_client):
    review = draft()
    data = edit_form(
        review,
        **{"lessons-TOTAL_FORMS": "1", "lessons-0-text": "A lesson.", "lessons-0-practice_area": "Housing"},
    )
    response = officer_client.post(change_url(review), data)
    assert response.status_code == 200
    assert "There is no practice area called “Housing” in this review." in response.text
    assert 'value="Housing"' in response.text  # the typed name is kept
    assert not review.lessons.exists()


# --- a child added in the same save ------------------------------------------------------------


def test_a_lesson_names_a_child_added_in_the_same_save(officer_client):
    review = draft()
    one = ChildFactory(review=review, pseudonym="Child One")
    data = edit_form(
        review,
        **{
            "children-TOTAL_FORMS": "2",
            "children-INITIAL_FORMS": "1",
            "children-0-id": one.pk,
            "children-0-review": review.pk,
            "children-0-pseudonym": "Child One",
            "children-0-order": "0",
            "children-0-age_years": "6",
            "children-0-outcome": one.outcome,
            "children-1-pseudonym": "Child Two",
            "children-1-order": "1",
            "children-1-age_years": "11",
            "children-1-outcome": one.outcome,
            "lessons-TOTAL_FORMS": "2",
            "lessons-0-text": "Ask Child Two what is happening at home.",
            "lessons-0-child": "Child Two",
            "lessons-1-text": "Child One's school saw the bruises.",
            "lessons-1-child": "child one",
        },
    )
    response = officer_client.post(change_url(review), data)
    assert response.status_code == 302, errors_of(response)
    lessons = {lesson.text: lesson.child.pseudonym for lesson in review.lessons.select_related("child")}
    assert lessons == {
        "Ask Child Two what is happening at home.": "Child Two",
        "Child One's school saw the bruises.": "Child One",
    }


def test_a_child_not_in_the_review_is_refused_in_plain_words(officer_client):
    review = draft()
    data = edit_form(
        review,
        **{"lessons-TOTAL_FORMS": "1", "lessons-0-text": "A lesson.", "lessons-0-child": "Child Nine"},
    )
    response = officer_client.post(change_url(review), data)
    assert response.status_code == 200
    assert "There is no child called “Child Nine” in this review." in response.text
    assert not review.lessons.exists()


# --- reference and slug -----------------------------------------------------------------------


def test_the_add_page_suggests_the_next_free_reference_for_the_kind_and_year(officer_client, settings):
    import datetime

    year = datetime.date.today().year
    ReviewFactory(reference=f"LCSPR-{year}-01")
    ReviewFactory(reference=f"LCSPR-{year}-02")
    page = officer_client.get(reverse("admin:reviews_review_add"), {"kind": "lcspr"}).text
    assert f'value="LCSPR-{year}-03"' in page
    assert 'id="id_slug"' in page and '"dependency_list": ["title"]' in page.replace("&quot;", '"')


def test_a_review_saved_without_a_reference_gets_the_next_free_one(officer_client):
    ReviewFactory(reference="MR-2026-01")
    data = review_form(reference="", kind="management", completed_on="2026-06-01")
    response = officer_client.post(reverse("admin:reviews_review_add"), data)
    assert response.status_code == 302, errors_of(response)
    assert Review.objects.filter(reference="MR-2026-02", slug="child-k-practice-review").exists()


# --- ordering ---------------------------------------------------------------------------------


def test_new_findings_left_without_a_number_go_after_the_existing_ones(officer_client):
    review = draft()
    old = LessonFactory(review=review, order=5, text="First lesson.")
    data = edit_form(
        review,
        **{
            "lessons-TOTAL_FORMS": "3",
            "lessons-INITIAL_FORMS": "1",
            "lessons-0-id": old.pk,
            "lessons-0-review": review.pk,
            "lessons-0-order": "5",
            "lessons-0-text": "First lesson.",
            "lessons-1-order": "",
            "lessons-1-text": "Second lesson.",
            "lessons-2-text": "Third lesson.",
        },
    )
    response = officer_client.post(change_url(review), data)
    assert response.status_code == 302, errors_of(response)
    assert [(lesson.text, lesson.order) for lesson in review.lessons.all()] == [
        ("First lesson.", 5),
        ("Second lesson.", 15),
        ("Third lesson.", 25),
    ]
