"""How printed newsletters and briefings fall on the page: boxes whole, no lone last page, no empty boxes.

Short, long and many-child reviews are printed, not only the demo, and read back page by page.
"""

import datetime
import re

import pytest

from briefings.documents import briefing_document, newsletter_document
from briefings.models import Newsletter, NewsletterReview
from briefings.pdf import render_pdf
from reviews.models import KeyIssue, Lesson, PositiveFactor, Recommendation, Review
from reviews.reading import with_findings
from tests.briefings.pdfs import ReadPdf
from tests.factories import (
    ChildFactory,
    KeyIssueFactory,
    LessonFactory,
    OwnerGroupFactory,
    PositiveFactorFactory,
    PracticeAreaFactory,
    RecommendationFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db

SENTENCE = (
    "The practitioners did not share what they knew about the household with each other, "
    "and no one asked what the pattern meant for the child. "
)
LONG_URL = (
    "http://www.northshire-scp.example/wp-content/uploads/2019/03/"
    "Serious-Case-Review-Overview-Report-Children-W-X-Y-Z-final-published-version.pdf"
)


def short_review(number):
    """One child, one key issue, one lesson, one recommendation, no good practice."""
    review = ReviewFactory(title=f"Short review {number}")
    ChildFactory(review=review, pseudonym=f"Child S{number}", age_years=4)
    KeyIssueFactory(review=review, text="Missed health appointments were not followed up.")
    LessonFactory(review=review, text="There is a need to ask what missed appointments mean together.")
    RecommendationFactory(review=review, text="All agencies to follow up missed appointments.")
    return review


def long_review(number):
    """Four children and a dozen of each kind of finding, some with a practice area.

    The findings are written in bulk: what is printed is the same, and the suite is quicker.
    """
    review = ReviewFactory(
        title=f"Long review {number}", summary=SENTENCE * 6, why_it_matters=SENTENCE * 2, report_url=LONG_URL
    )
    children = [ChildFactory(review=review, pseudonym=f"Child {c}{number}") for c in "WXYZ"]
    areas = {
        name: PracticeAreaFactory(review=review, name=name) for name in ("Health", "Education", "Police")
    }
    owner = OwnerGroupFactory(name="All agencies")
    found = {KeyIssue: [], PositiveFactor: [], Lesson: [], Recommendation: []}
    for n in range(12):
        child, area = children[n % 4], areas.get(["Health", "", "Education", "", "Police", ""][n % 6])
        common = {"review": review, "child": child, "order": n}
        found[KeyIssue].append(KeyIssue(**common, text=f"Key issue {n}: {SENTENCE}"))
        found[PositiveFactor].append(PositiveFactor(**common, practice_area=area, text=f"Good practice {n}."))
        found[Lesson].append(Lesson(**common, practice_area=area, text=f"Lesson {n}: {SENTENCE}"))
        found[Recommendation].append(
            Recommendation(**common, owner_group=owner, text=f"Recommendation {n}: {SENTENCE[:110]}")
        )
    for model, findings in found.items():
        model.objects.bulk_create(findings)
    return review


def newsletter_of(*reviews, kind=Newsletter.Kind.NEWSLETTER, closing="Thank you for reading."):
    newsletter = Newsletter.objects.create(
        kind=kind,
        title=f"Learning from reviews ({kind}, {len(reviews)})",
        slug=f"learning-{kind}-{len(reviews)}".replace("_", "-"),
        issue_date=datetime.date(2024, 10, 1),
        introduction="Welcome to this issue.",
        closing_message=closing,
    )
    for order, review in enumerate(reviews, start=1):
        NewsletterReview.objects.create(newsletter=newsletter, review=review, order=order)
    return newsletter


def newsletter_pdf(newsletter, board) -> ReadPdf:
    document = newsletter_document(newsletter, board=board)
    context = {"newsletter": newsletter, "document": document, "board": board}
    return ReadPdf(render_pdf("pdf/newsletter.html", context).content)


def briefing_pdf(review, board) -> ReadPdf:
    review = with_findings(Review.objects.filter(pk=review.pk)).get()
    context = {"review": review, "document": briefing_document(review, board=board)}
    return ReadPdf(render_pdf("pdf/briefing.html", context).content)


def lines(page: str) -> list[str]:
    return [" ".join(line.split()) for line in page.splitlines() if line.strip()]


def part_numbers(pdf: ReadPdf) -> list[int]:
    """The numbers of the briefing parts, in reading order: “4 Lessons learned” gives 4."""
    titles = (
        "Background|Why it matters|Key issues|What went well|Lessons learned|Things to remember|What to do"
    )
    return [
        int(m.group(1)) for m in re.finditer(rf"(?:^|\s)(\d) (?:{titles})", "\n".join(lines(pdf.text)), re.M)
    ]


def assert_last_page_is_not_only_the_contact_box(pdf: ReadPdf):
    last = lines(pdf.pages[-1])
    start = next(n for n, line in enumerate(last) if line == "Contact us")
    # The running head and foot are read after the page's body: whatever comes first is content.
    assert last[:start], f"the last page holds only the contact box: {last}"


def test_a_seven_minute_newsletter_of_two_short_reviews_fills_at_most_three_pages(board):
    pdf = newsletter_pdf(newsletter_of(short_review(1), short_review(2), kind="seven_minute"), board)
    assert pdf.page_count <= 3
    assert_last_page_is_not_only_the_contact_box(pdf)


def brief_review(number):
    """One child and a background: its briefing fills about a third of a page."""
    review = ReviewFactory(
        title=f"Brief review {number}", summary="The child was not brought to clinic.", why_it_matters=""
    )
    ChildFactory(review=review, pseudonym=f"Child B{number}", age_years=2)
    return review


def test_a_brief_review_follows_the_one_before_on_the_same_page_when_it_fits(board):
    reviews = [brief_review(n) for n in range(1, 5)]
    pdf = newsletter_pdf(newsletter_of(*reviews, kind="seven_minute"), board)
    assert pdf.page_count <= 3
    starts = [pdf.first_page_with(f"Brief review {n}") for n in range(1, 5)]
    assert len(set(starts)) < len(starts), starts  # two reviews share a page
    assert_last_page_is_not_only_the_contact_box(pdf)


@pytest.mark.parametrize("kind", ["seven_minute", "newsletter"])
@pytest.mark.parametrize("closing", ["Thank you for reading.", ""])
def test_the_contact_box_never_stands_alone_on_the_last_page(board, kind, closing):
    pdf = newsletter_pdf(newsletter_of(long_review(1), kind=kind, closing=closing), board)
    assert_last_page_is_not_only_the_contact_box(pdf)


def test_a_seven_minute_newsletter_takes_about_two_pages_a_review(board):
    reviews = [short_review(n) for n in range(4)] + [long_review(n) for n in range(2)]
    pdf = newsletter_pdf(newsletter_of(*reviews, kind="seven_minute"), board)
    assert pdf.page_count <= 2 * len(reviews)
    # Each long review's briefing, questions included, fills at most two pages.
    for n in range(2):
        first = pdf.first_page_with(f"Long review {n}")
        # The title and the review's details stay with its first parts.
        background = [
            p
            for p, page in enumerate(pdf.pages, 1)
            if p >= first and re.search(r"^1\s+Background", page, re.M)
        ]
        assert background[0] == first
        questions = [
            p for p, page in enumerate(pdf.pages, 1) if p >= first and "Questions for your team" in page
        ]
        assert questions[0] - first <= 1


def test_a_briefing_leaves_out_empty_parts_and_numbers_the_rest_in_order(board):
    review = short_review(1)  # no good practice
    for pdf in (
        briefing_pdf(review, board),
        newsletter_pdf(newsletter_of(review, kind="seven_minute"), board),
    ):
        assert "None recorded" not in pdf.text
        assert "What went well" not in pdf.text
        assert part_numbers(pdf) == [1, 2, 3, 4, 5, 6]


def test_every_newsletter_prints_no_empty_none_recorded_box(board):
    for kind in ("newsletter", "seven_minute", "precis", "thematic"):
        pdf = newsletter_pdf(newsletter_of(short_review(1), long_review(2), kind=kind), board)
        assert "None recorded" not in pdf.text, kind


def test_each_briefing_box_starts_and_ends_on_the_same_page(board):
    review = long_review(1)
    for pdf in (
        briefing_pdf(review, board),
        newsletter_pdf(newsletter_of(review, kind="seven_minute"), board),
    ):
        for page in pdf.pages:
            # A box cut to its budget ends with its pointer to the full review: it is on the box's page.
            starts = len(
                re.findall(
                    r"^\d\s+(?:Background|Key issues|What went well|Lessons learned|Things to remember)",
                    page,
                    re.M,
                )
            )
            ends = page.count("(continued in the full review")
            assert starts == ends, page


def test_a_long_web_address_does_not_break_after_its_scheme(board, settings):
    # A board's long domain name does not fit after "(continued in the full review:" in a box.
    settings.SITE_URL = "https://www.northshire-safeguarding-children-partnership.example"
    review = long_review(1)
    for pdf in (
        briefing_pdf(review, board),
        newsletter_pdf(newsletter_of(review, kind="seven_minute"), board),
    ):
        assert "northshire-safeguarding" in pdf.text
        for line in lines(pdf.text):
            assert not re.search(r"https?://$", line), line


def test_a_briefing_prints_good_practice_against_learning_points_by_practice_area(board):
    review = ReviewFactory(title="Review with practice areas")
    PositiveFactorFactory(review=review, practice_area="Health visiting", text="Visits were prompt.")
    LessonFactory(review=review, practice_area="Health visiting", text="There is a need to see the baby.")
    LessonFactory(review=review, practice_area="Schools", text="There is a need to ask about absence.")
    PositiveFactorFactory(review=review, text="The family were listened to.")
    for pdf in (
        briefing_pdf(review, board),
        newsletter_pdf(newsletter_of(review, kind="seven_minute"), board),
    ):
        rows = lines(pdf.text)
        assert "Practice area Good practice Learning points" in rows
        # A row per area, in the review's order, the area's good practice beside its learning point.
        health = rows.index(next(row for row in rows if row.startswith("Health visiting")))
        assert "Visits were prompt." in " ".join(rows[health : health + 2])
        assert "There is a need to see the baby." in " ".join(rows[health : health + 2])
        assert any(row.startswith("Schools") for row in rows[health:])
        assert any(row.startswith("Other") and "The family were listened to." in row for row in rows[health:])
        assert part_numbers(pdf) == [1, 2, 3, 4, 5]  # no key issues or actions: left out


def test_a_briefing_names_the_board_it_is_from(board):
    text = " ".join(briefing_pdf(short_review(1), board).text.split())
    assert f"From {board.name} · Telephone {board.telephone}" in text


def test_a_shortened_practice_table_keeps_its_practice_areas_before_other_findings(board):
    review = ReviewFactory(title="Review of many lessons")
    Lesson.objects.bulk_create(
        Lesson(review=review, order=n, text=f"Lesson {n} without an area: {SENTENCE}") for n in range(20)
    )
    LessonFactory(review=review, practice_area="Schools", text="There is a need to ask about absence.")
    PositiveFactorFactory(review=review, practice_area="Schools", text="The school raised concerns early.")
    rows = lines(briefing_pdf(review, board).text)
    assert any(row.startswith("Schools") and "The school raised concerns early." in row for row in rows)
    assert "There is a need to ask about absence." in " ".join(rows)
