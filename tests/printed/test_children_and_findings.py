"""How a review's children and findings are printed: the same words and the same grouping
on the review page, the briefing (web and PDF) and newsletters (web and PDF)."""

import html

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from briefings.documents import briefing_document
from briefings.services import newsletter_create
from reviews.models import Child, Review
from reviews.reading import with_findings
from tests.briefings.pdfs import pdf_of
from tests.factories import (
    BoardProfileFactory,
    ChildFactory,
    LessonFactory,
    PositiveFactorFactory,
    RecommendationFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db


def text_of(response):
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.fixture
def review():
    BoardProfileFactory()
    review = ReviewFactory(title="Three children: practice review", why_it_matters="Siblings share a home.")
    ChildFactory(review=review, pseudonym="Child One", age_years=14, order=1, outcome=Child.Outcome.DIED)
    ChildFactory(
        review=review,
        pseudonym="Child Two",
        age_years=11,
        order=2,
        outcome=Child.Outcome.OTHER,
        outcome_detail="self-harm",
    )
    ChildFactory(
        review=review, pseudonym="Child Three", age_years=None, order=3, outcome=Child.Outcome.SERIOUS_HARM
    )
    return review


def newsletter_of(review, kind="newsletter"):
    newsletter, _ = newsletter_create(
        data={"title": "Spring learning", "slug": f"spring-{kind}", "kind": kind, "issue_date": "2026-04-01"},
        review_references=[review.reference],
    )
    return newsletter


def test_a_child_is_named_with_age_and_outcome_in_plain_words(review):
    one, two, three = review.children.all()
    assert two.label == "Child Two, 11: self-harm"
    assert one.label == "Child One, 14: died"
    assert three.label == "Child Three: seriously harmed"


def test_a_child_whose_outcome_is_not_stated_is_named_without_one(review):
    child = Child(review=review, pseudonym="Benjamin", age_years=4)
    child.full_clean()
    child.save()
    assert child.outcome == Child.Outcome.NOT_STATED
    assert child.label == "Benjamin, 4"


@pytest.mark.parametrize("page", ["reviews:review_detail", "briefings:review_briefing"])
def test_pages_print_each_childs_outcome_in_plain_words(client, review, page):
    text = text_of(client.get(reverse(page, args=[review.slug])))
    assert "Child Two, 11: self-harm" in text
    assert "Child Three: seriously harmed" in text
    assert "e.g. harmed another child" not in text and "Other" not in text


def test_the_briefing_pdf_prints_each_childs_outcome_in_plain_words(client, review):
    body = pdf_of(client.get(reverse("briefings:review_briefing_pdf", args=[review.slug]))).text
    assert "Child Two, 11: self-harm" in " ".join(body.split())
    assert "Child Three: seriously harmed" in " ".join(body.split())


def test_a_newsletter_prints_each_childs_outcome_and_why_the_review_matters(client, review, manager):
    client.force_login(manager)
    newsletter = newsletter_of(review)
    text = text_of(client.get(newsletter.get_absolute_url()))
    assert "Child Two, 11: self-harm" in text
    assert "Why it matters" in text and "Siblings share a home." in text
    body = " ".join(pdf_of(client.get(newsletter.get_pdf_url())).text.split())
    assert "Child Two, 11: self-harm" in body
    assert "Why it matters" in body and "Siblings share a home." in body


def lessons_about_each_child(review):
    one, two, three = review.children.all()
    # Entered out of order: the page groups them, whole review first, then child by child.
    LessonFactory(review=review, child=two, text="Lesson about Child Two.", order=1)
    LessonFactory(review=review, child=one, text="Lesson about Child One.", order=2)
    LessonFactory(review=review, text="Lesson about the whole review.", order=3)
    LessonFactory(review=review, child=two, text="Second lesson about Child Two.", order=4)
    RecommendationFactory(review=review, child=three, text="Recommendation about Child Three.", order=5)
    RecommendationFactory(review=review, child=one, text="Recommendation about Child One.", order=6)


def in_order(text, *parts):
    positions = [text.index(part) for part in parts]
    return positions == sorted(positions)


@pytest.mark.parametrize("page", ["reviews:review_detail", "briefings:review_briefing"])
def test_lessons_and_recommendations_are_grouped_by_child(client, review, page):
    lessons_about_each_child(review)
    text = text_of(client.get(reverse(page, args=[review.slug])))
    lessons = text[text.index("Lessons learned") :]
    assert in_order(
        lessons,
        "Lesson about the whole review.",
        "Child One",
        "Lesson about Child One.",
        "Child Two",
        "Lesson about Child Two.",
        "Second lesson about Child Two.",
    )
    recommendations = lessons[lessons.index("Second lesson about Child Two.") :]
    assert in_order(
        recommendations,
        "Child One",
        "Recommendation about Child One.",
        "Child Three",
        "Recommendation about Child Three.",
    )


def test_a_finding_in_the_practice_table_is_shown_once_on_the_review_page(client, review):
    PositiveFactorFactory(review=review, practice_area="Health", text="The health visitor kept visiting.")
    LessonFactory(review=review, practice_area="Health", text="Ask who else sees the baby.")
    LessonFactory(review=review, text="A lesson with no practice area.")
    text = text_of(client.get(review.get_absolute_url()))
    assert text.count("The health visitor kept visiting.") == 1
    assert text.count("Ask who else sees the baby.") == 1
    assert text.count("A lesson with no practice area.") == 1


@pytest.mark.parametrize("page", ["reviews:review_detail", "briefings:review_briefing"])
def test_an_other_outcome_without_words_is_printed_as_other(client, review, page):
    ChildFactory(review=review, pseudonym="Child Four", age_years=9, order=4, outcome=Child.Outcome.OTHER)
    text = text_of(client.get(reverse(page, args=[review.slug])))
    assert "Child Four, 9: other" in text


def test_the_printed_practice_table_groups_each_areas_findings_by_child(review):
    one, two, _ = review.children.all()
    # Entered out of order: each cell prints the whole review's findings, then each child's under their name.
    LessonFactory(review=review, child=two, practice_area="Health", text="Health lesson about Child Two.")
    LessonFactory(review=review, child=one, practice_area="Health", text="Health lesson about Child One.")
    LessonFactory(review=review, practice_area="Health", text="Health lesson about the whole review.")
    PositiveFactorFactory(
        review=review, child=two, practice_area="Health", text="Good practice for Child Two."
    )
    PositiveFactorFactory(
        review=review, child=one, practice_area="Health", text="Good practice for Child One."
    )
    printed = with_findings(Review.objects.filter(pk=review.pk)).get()
    context = {"review": printed, "document": briefing_document(printed)}
    page = html.unescape(render_to_string("pdf/briefing.html", context))
    table = page[page.index('<table class="practice">') : page.index("</table>")]
    good, learning = table.split("Good practice for Child Two.", 1)[0], table
    assert in_order(good, "Child One", "Good practice for Child One.", "Child Two")
    assert in_order(
        learning[learning.index("Health lesson") :],
        "Health lesson about the whole review.",
        "Child One",
        "Health lesson about Child One.",
        "Child Two",
        "Health lesson about Child Two.",
    )


def test_the_boards_list_of_what_to_do_is_the_briefings_last_part_on_the_web_and_in_print(client, review):
    review.what_to_do = "* Ask where the baby sleeps.\n* Record who else lives in the home."
    review.save()
    web = text_of(client.get(reverse("briefings:review_briefing", args=[review.slug])))
    printed = " ".join(
        pdf_of(client.get(reverse("briefings:review_briefing_pdf", args=[review.slug]))).text.split()
    )
    for text in (web, printed):
        assert "What to do" in text
        assert "Ask where the baby sleeps." in text and "Record who else lives in the home." in text
        assert "Read the lessons with your team and agree what you will change." not in text


def test_a_reviews_own_contact_is_printed_instead_of_the_boards(client, review, manager):
    review.questions_contact = "Jo Patel, Learning Officer, 01632 960 123"
    review.save()
    web = text_of(client.get(reverse("briefings:review_briefing", args=[review.slug])))
    assert "Questions about this review: Jo Patel, Learning Officer, 01632 960 123" in web
    printed = " ".join(
        pdf_of(client.get(reverse("briefings:review_briefing_pdf", args=[review.slug]))).text.split()
    )
    assert "Questions about this review: Jo Patel, Learning Officer, 01632 960 123" in printed
    board = review_board()
    assert board.telephone not in printed
    client.force_login(manager)
    newsletter = newsletter_of(review)
    line = "Questions about Three children: practice review: Jo Patel, Learning Officer, 01632 960 123"
    assert line in text_of(client.get(newsletter.get_absolute_url()))
    assert line in " ".join(pdf_of(client.get(newsletter.get_pdf_url())).text.split())


def review_board():
    from reviews.models import BoardProfile

    return BoardProfile.current()
