"""Entering a review is quick: compact rows, practice areas chosen from a list, children named in
the same save, references suggested, lists pasted in one go, new rows numbered after the others."""

import datetime
import re

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.urls import reverse

from reviews.models import BoardProfile, Lesson, OwnerGroup, Recommendation, Review
from reviews.paste import pasted_items
from tests.factories import (
    ChildFactory,
    LessonFactory,
    ManagerFactory,
    OfficerFactory,
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


# --- paste a list -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pasted",
    [
        "• Share information early.\n• Record the child's views.\n• Escalate when nothing changes.",
        "- Share information early.\n- Record the child's views.\n- Escalate when nothing changes.",
        "* Share information early.\r\n* Record the child's views.\r\n* Escalate when nothing changes.",
        "·\tShare information early.\n·\tRecord the child's views.\n·\tEscalate when nothing changes.",
        "\uf0b7\tShare information early.\n\uf0b7\tRecord the child's views.\n\uf0b7\tEscalate when nothing changes.",
        "1. Share information early.\n2. Record the child's views.\n3. Escalate when nothing changes.",
        "a) Share information early.\nb) Record the child's views.\nc) Escalate when nothing changes.",
        "\n\n1)  Share information\n    early.\n\n2)  Record the child's views.\n3)\tEscalate when nothing changes.\n",
    ],
)
def test_a_pasted_list_gives_one_item_per_bullet(pasted):
    assert pasted_items(pasted) == [
        "Share information early.",
        "Record the child's views.",
        "Escalate when nothing changes.",
    ]


def test_paragraphs_without_bullets_give_one_item_each_and_nothing_gives_nothing():
    assert pasted_items("First point\nwrapped.\n\nSecond point.") == ["First point wrapped.", "Second point."]
    assert pasted_items("  \n\t\n") == []
    assert pasted_items("Lessons:\n• One.\n• Two.") == ["Lessons:", "One.", "Two."]


def test_an_officer_pastes_a_list_and_gets_one_finding_per_bullet_after_the_existing_ones(officer_client):
    review = draft()
    LessonFactory(review=review, order=30, text="Already here.")
    owner = OwnerGroup.objects.get(name="Policies and Procedures Group")
    existing = review.lessons.get()
    data = edit_form(
        review,
        **{
            "lessons-TOTAL_FORMS": "1",
            "lessons-INITIAL_FORMS": "1",
            "lessons-0-id": existing.pk,
            "lessons-0-review": review.pk,
            "lessons-0-order": "30",
            "lessons-0-text": "Already here.",
            "paste_lessons": "•\tThink family.\n•\tSee the child alone.",
            "paste_keyissues": "1. Missed appointments.\n2. Dental decay.",
            "paste_recommendations": "- Audit strategy discussions.",
            "paste_owner_group": owner.pk,
        },
    )
    response = officer_client.post(change_url(review), data, follow=True)
    assert response.redirect_chain, errors_of(response)
    assert [lesson.text for lesson in review.lessons.all()] == [
        "Already here.",
        "Think family.",
        "See the child alone.",
    ]
    assert list(review.keyissues.values_list("text", flat=True)) == ["Missed appointments.", "Dental decay."]
    assert review.recommendations.get().owner_group == owner
    assert "2 lessons added from the pasted list." in response.text


def test_pasted_recommendations_need_an_owner_and_nothing_is_saved_without_one(officer_client):
    review = draft()
    response = officer_client.post(
        change_url(review), edit_form(review, paste_recommendations="- Audit strategy discussions.")
    )
    assert response.status_code == 200
    assert "Choose who must act on the pasted recommendations." in response.text
    assert not Recommendation.objects.filter(review=review).exists()


# --- who may do what --------------------------------------------------------------------------


def test_a_board_manager_creates_and_edits_the_board_profile(client):
    manager = ManagerFactory()
    client.force_login(manager)
    data = {
        "name": "Northshire Safeguarding Children Partnership",
        "short_name": "NSCP",
        "address": "Civic Centre",
        "telephone": "01632 960 000",
        "email": "learning@northshire.example",
        "website": "https://northshire.example",
        "chair": "Pat Example",
    }
    add = client.post(reverse("admin:reviews_boardprofile_add"), data)
    assert add.status_code == 302, add.content[:2000]
    profile = BoardProfile.objects.get()
    page = client.get(reverse("admin:reviews_boardprofile_change", args=[profile.pk]))
    assert page.status_code == 200 and 'name="chair"' in page.text


def test_an_officer_deletes_a_draft_they_created_but_not_anyone_elses_nor_a_submitted_one(client):
    officer, colleague = OfficerFactory(), OfficerFactory()
    client.force_login(colleague)
    theirs = client.post(reverse("admin:reviews_review_add"), review_form(reference="X-1", slug="x-1"))
    assert theirs.status_code == 302
    client.force_login(officer)
    mine = client.post(reverse("admin:reviews_review_add"), review_form(reference="X-2", slug="x-2"))
    assert mine.status_code == 302
    own, other = Review.objects.get(reference="X-2"), Review.objects.get(reference="X-1")

    assert client.get(reverse("admin:reviews_review_delete", args=[other.pk])).status_code == 403
    assert (
        client.post(reverse("admin:reviews_review_delete", args=[own.pk]), {"post": "yes"}).status_code == 302
    )
    assert not Review.objects.filter(pk=own.pk).exists()

    submitted = client.post(reverse("admin:reviews_review_add"), review_form(reference="X-3", slug="x-3"))
    assert submitted.status_code == 302
    sent = Review.objects.get(reference="X-3")
    Review.objects.filter(pk=sent.pk).update(state=Review.State.AWAITING_APPROVAL)
    assert client.get(reverse("admin:reviews_review_delete", args=[sent.pk])).status_code == 403


def test_the_admin_greets_people_by_name_not_by_a_shouted_first_name(client):
    officer = OfficerFactory(first_name="Dana", last_name="Officer")
    client.force_login(officer)
    page = client.get(reverse("admin:index")).text
    assert "Dana Officer" in page


def test_one_error_is_announced_in_the_singular(officer_client):
    response = officer_client.post(reverse("admin:reviews_review_add"), review_form(title=""))
    assert "Please correct the error below." in response.text
    assert "Please correct the errors below." not in response.text


def test_two_errors_are_announced_in_the_plural(officer_client):
    data = review_form(
        commissioned_on="2026-06-01",
        completed_on="2026-01-01",
        period_start="2025-06-01",
        period_end="2025-01-01",
    )
    response = officer_client.post(reverse("admin:reviews_review_add"), data)
    assert "A review cannot be completed before it was commissioned." in response.text
    assert "The period covered must end after it starts." in response.text
    assert "Please correct the errors below." in response.text


def test_the_demo_accounts_have_real_looking_names_shown_in_the_admin(client, settings):
    from io import StringIO

    from django.core.management import call_command

    from accounts.models import User

    settings.DEBUG = True
    call_command("demo_officer", stdout=StringIO())
    officer = User.objects.get(email="officer@example.org")
    client.force_login(officer)
    assert "Dana Officer" in client.get(reverse("admin:index")).text


@pytest.mark.skipif(connection.vendor != "postgresql", reason="search vectors are PostgreSQL's")
def test_a_lessons_practice_area_name_finds_it_in_ranked_search():
    review = draft()
    area = PracticeAreaFactory(review=review, name="Hoarding and home conditions")
    lesson = LessonFactory(review=review, practice_area=area, text="Visit the home unannounced.")
    LessonFactory(review=review, text="Unrelated lesson.")
    found = Lesson.objects.filter(search_vector=SearchQuery("hoarding", config="english"))
    assert list(found) == [lesson]
