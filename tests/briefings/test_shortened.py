"""A 7-minute briefing fills at most two pages, and says so when it had to be shortened."""

import pytest

from briefings.seven_minute import cut_text
from reviews.models import KeyIssue, Lesson, Recommendation
from tests.briefings.pdfs import pdf_of
from tests.factories import (
    LessonFactory,
    OwnerGroupFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db

SENTENCE = "The practitioners did not share what they knew about the household with each other. "


def briefing(client, review):
    return pdf_of(client.get(f"/reviews/{review.slug}/briefing.pdf"))


def test_a_review_with_a_very_long_background_gives_two_pages_that_say_they_were_shortened(client, board):
    review = ReviewFactory(summary=SENTENCE * 230 + "The very last sentence.")  # near the 20,000 bound
    pdf = briefing(client, review)
    assert pdf.page_count <= 2
    text = " ".join(pdf.text.split())
    assert "This briefing has been shortened" in text
    assert f"localhost:8000/reviews/{review.slug}/" in text.replace(" ", "")
    assert "(continued in the full review:" in text
    assert "The very last sentence." not in text
    assert "Questions for your team" in text


def test_a_review_at_the_length_limits_in_every_part_fits_two_pages(client, board):
    finding = (SENTENCE * 50)[:4000]
    review = ReviewFactory(summary=(SENTENCE * 250)[:20000], why_it_matters=(SENTENCE * 100)[:8000])
    owner = OwnerGroupFactory(name="All agencies")
    KeyIssue.objects.bulk_create(KeyIssue(review=review, order=n, text=finding) for n in range(20))
    Lesson.objects.bulk_create(Lesson(review=review, order=n, text=finding) for n in range(20))
    Recommendation.objects.bulk_create(
        Recommendation(review=review, order=n, text=finding, owner_group=owner) for n in range(20)
    )
    pdf = briefing(client, review)
    assert pdf.page_count <= 2
    assert "and 19 more" in pdf.text


def test_a_review_with_hundreds_of_short_findings_fits_two_pages(client, board):
    review = ReviewFactory()
    # Written in bulk: what is printed is the same, and the suite is quicker.
    Lesson.objects.bulk_create(Lesson(review=review, order=n, text=f"Lesson {n}.") for n in range(150))
    KeyIssue.objects.bulk_create(KeyIssue(review=review, order=n, text=f"Issue {n}.") for n in range(150))
    pdf = briefing(client, review)
    assert pdf.page_count <= 2
    assert "This briefing has been shortened" in " ".join(pdf.text.split())


def test_a_short_review_is_printed_whole_without_a_note(client, board):
    review = ReviewFactory(summary="A short background.", why_it_matters="It matters.")
    LessonFactory(review=review, text="There is a need to listen to the child.")
    text = " ".join(briefing(client, review).text.split())
    assert "A short background." in text and "There is a need to listen to the child." in text
    assert "shortened" not in text and "continued in the full review" not in text


def test_text_is_cut_at_a_sentence_end_when_there_is_one():
    text = "First sentence here. Second sentence is rather longer than the first one."
    assert cut_text(text, 6) == ("First sentence here. …", True)
    assert cut_text("one two three four five", 3) == ("one two three …", True)
    assert cut_text("short", 3) == ("short", False)
