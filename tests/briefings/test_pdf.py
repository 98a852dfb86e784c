"""The newsletter PDF: pages, sections in order, contents page numbers, bookmarks, tagging, metadata."""

import pytest

from briefings.models import Newsletter
from demo.typical_newsletter import AMBER, ELLIS, JAY, REVIEW_TITLES
from tests.briefings.pdfs import pdf_of

# Every test starts from the typical newsletter just published (tests/briefings/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("published_for_the_test")]


@pytest.fixture
def published_newsletter(published_for_the_test):
    return published_for_the_test.newsletter


@pytest.fixture
def board(published_for_the_test):
    return published_for_the_test.board


@pytest.fixture(scope="module")
def downloaded(published_once):
    """The published newsletter's PDF as downloaded, read once for the module's tests that only read it."""
    return {}


@pytest.fixture
def pdf(client, published_newsletter, downloaded):
    if published_newsletter.pk not in downloaded:
        downloaded[published_newsletter.pk] = pdf_of(client.get(published_newsletter.get_pdf_url()))
    return downloaded[published_newsletter.pk]


def test_a_newsletter_of_three_reviews_is_a_short_printable_pdf(pdf, published_newsletter):
    assert pdf.content.startswith(b"%PDF-")
    # About the length of the board newsletters it is modelled on (four A4 pages).
    assert 4 <= pdf.page_count <= 6
    kept = Newsletter.objects.get(pk=published_newsletter.pk)
    assert kept.pdf_pages == pdf.page_count
    assert kept.pdf_size == len(pdf.content)
    box = pdf.reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points


def test_every_section_appears_in_order(pdf):
    order = [
        "Issue date: 2 December 2013",
        "Introduction",
        AMBER["title"],
        "Background",
        "Key issues",
        ELLIS["title"],
        "Positive factors",
        "Lessons learned",
        "Key actions and recommendations",
        "Commissioners",
        JAY["title"],
        "Closing message",
        "Contact us",
    ]
    position = 0
    for heading in order:  # each found after the one before it
        position = pdf.text.index(heading, position) + len(heading)
    # Findings are printed from the data, word for word.
    assert ELLIS["lessons"][-1] in pdf.text.replace("\n", " ")
    assert "✓" in pdf.text  # positive factors as a tick list


def test_contents_page_numbers_are_the_pages_where_sections_start(pdf):
    contents = pdf.contents()
    assert list(contents) == [
        "Introduction",
        REVIEW_TITLES[0],
        "Amber",
        *REVIEW_TITLES[1:],
        "Closing message",
        "Contact us",
    ]
    for title in REVIEW_TITLES:
        assert contents[title] == pdf.first_page_with(title), title
    assert contents["Contact us"] == pdf.first_page_with("Contact us")
    assert contents["Contact us"] == pdf.page_count


def test_bookmarks_for_every_section_point_at_their_pages(pdf):
    outline = pdf.outline()
    top = [(title, page) for depth, title, page in outline if depth == 1]
    contents = pdf.contents()
    assert [title for title, _ in top] == ["Introduction", *REVIEW_TITLES, "Closing message", "Contact us"]
    for title, page in top:
        assert contents[title] == page
    nested = [title for depth, title, _ in outline if depth > 1]
    assert {"Background", "Key issues", "Positive factors", "Lessons learned", "Amber"} <= set(nested)


def test_tagged_for_screen_readers_with_title_author_and_language(pdf, board):
    assert pdf.is_tagged
    assert {"/H1", "/H2", "/H3", "/L", "/LI", "/Lbl", "/P"} <= pdf.structure_roles()
    assert pdf.catalog["/Lang"] == "en-GB"
    assert bool(pdf.catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert pdf.reader.metadata.title == "Learning from local case reviews"
    assert pdf.reader.metadata.author == board.name


def test_board_details_chair_page_footer_and_names_notice(pdf, board):
    last = pdf.pages[-1]
    assert board.telephone in last and board.email in last and f"Independent chair: {board.chair}" in last
    for number, page in enumerate(pdf.pages, start=1):
        assert f"Page {number} of {pdf.page_count}" in page
        assert "The names used are not those of the children involved." in page
    assert board.name in pdf.pages[0]
    assert "Issue date: 2 December 2013" in pdf.pages[0]


def test_practice_table_and_children_in_a_multi_child_review(client, board, editor):
    from briefings.services import newsletter_create
    from tests.briefings.workflow import approve_and_publish
    from tests.factories import ChildFactory, LessonFactory, PositiveFactorFactory, ReviewFactory

    review = ReviewFactory(title="Three children: special practice review")
    one, two = (
        ChildFactory(review=review, pseudonym="Child One"),
        ChildFactory(review=review, pseudonym="Child Two"),
    )
    PositiveFactorFactory(
        review=review,
        child=two,
        text="A team around the child met often.",
        practice_area="Interagency working",
    )
    LessonFactory(
        review=review,
        child=two,
        text="There is a need for professional curiosity.",
        practice_area="interagency working ",
    )
    LessonFactory(review=review, child=one, text="There is a need to follow information through.")
    newsletter, _ = newsletter_create(
        data={"slug": "practice", "title": "Special practice review", "issue_date": "2024-05-01"},
        review_references=[review.reference],
    )
    newsletter = approve_and_publish(newsletter=newsletter, by=editor)
    pdf = pdf_of(client.get(newsletter.get_pdf_url()))
    text = pdf.body[pdf.body.index("Background") :]  # after the list of children in the review's details
    assert (
        text.index("Child One")
        < text.index("There is a need to follow information through.")
        < text.index("Child Two")
    )
    assert "Good practice and learning points" in text
    table = text[text.index("Practice area") :]
    assert "Interagency working" in table and "A team around the child met often." in table
    assert "There is a need for professional curiosity." in table
    assert {"/Table", "/TH", "/TD"} <= pdf.structure_roles()
    # A finding shown in the table is not printed a second time in a list.
    assert text.count("A team around the child met often.") == 1
