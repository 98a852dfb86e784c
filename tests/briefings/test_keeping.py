"""A published PDF is rendered once and kept until what it prints changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from briefings import kept_pdfs as keeping
from briefings.models import NewsletterReview
from reviews.models import BoardProfile, Child, Lesson, OwnerGroup, Review, Theme
from tests.briefings.conftest import refreshed
from tests.briefings.pdfs import pdf_of
from tests.factories import ChildFactory, LessonFactory, RecommendationFactory, ReviewFactory

# Every test starts from the typical newsletter just published (tests/briefings/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("published_for_the_test")]


@pytest.fixture
def published_newsletter(published_for_the_test):
    return published_for_the_test.newsletter


@pytest.fixture
def board(published_for_the_test):
    return published_for_the_test.board


def counted(monkeypatch, render):
    calls = []

    def counting(template_name, context):
        calls.append(template_name)
        return render(template_name, context)

    monkeypatch.setattr(keeping, "render_pdf", counting)
    return calls


@pytest.fixture
def renders(monkeypatch):
    """Counts renderings, letting them happen."""
    return counted(monkeypatch, keeping.render_pdf)


# The newsletter as first rendered in this module, given back for the later renderings.
FIRST_RENDERINGS = {}


@pytest.fixture
def renders_once(monkeypatch):
    """Counts renderings; renders each template for real once in the module. For tests about
    *when* a PDF is rendered again, not what it prints (test_pdf.py and the test below read that)."""
    real = keeping.render_pdf

    def first_rendering(template_name, context):
        if template_name not in FIRST_RENDERINGS:
            FIRST_RENDERINGS[template_name] = real(template_name, context)
        return FIRST_RENDERINGS[template_name]

    return counted(monkeypatch, first_rendering)


def download(client, newsletter):
    response = client.get(refreshed(newsletter).get_pdf_url())
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_downloading_a_kept_pdf_does_no_rendering_and_few_queries(client, published_newsletter, renders):
    first = download(client, published_newsletter)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(published_newsletter.get_pdf_url())
        again = b"".join(response.streaming_content)
    assert renders == []  # rendered once, when it was published
    assert again == first
    assert len(queries) == 3  # the newsletter, the board profile, the newsletter's public reviews


def test_a_kept_pdf_is_revalidated_with_its_etag(client, published_newsletter, renders):
    response = client.get(published_newsletter.get_pdf_url())
    etag = response["ETag"]
    assert "no-cache" in response["Cache-Control"]
    again = client.get(published_newsletter.get_pdf_url(), headers={"If-None-Match": etag})
    assert again.status_code == 304
    published_newsletter.title = "Renamed"
    published_newsletter.save()
    changed = client.get(published_newsletter.get_pdf_url(), headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag


def first_review(newsletter):
    return Review.objects.get(pk=NewsletterReview.objects.filter(newsletter=newsletter).first().review_id)


EDITS = {
    "newsletter": lambda n: (setattr(n, "introduction", "A new introduction."), n.save()),
    "review": lambda n: Review.objects.get(pk=first_review(n).pk).save(),
    "child added": lambda n: ChildFactory(review=first_review(n), pseudonym="Child New"),
    "child edited": lambda n: [c.save() for c in Child.objects.filter(review=first_review(n))[:1]],
    "lesson added": lambda n: LessonFactory(review=first_review(n)),
    "lesson deleted": lambda n: Lesson.objects.filter(review=first_review(n)).first().delete(),
    "lesson theme": lambda n: (
        Lesson.objects.filter(review=first_review(n)).first().themes.add(Theme.objects.first())
    ),
    "recommendation": lambda n: RecommendationFactory(review=first_review(n)),
    "owner group renamed": lambda n: (
        OwnerGroup.objects.filter(name="All agencies").update(name="Every agency") and None,
        [g.save() for g in OwnerGroup.objects.filter(name="Every agency")],
    ),
    "review theme": lambda n: first_review(n).themes.add(Theme.objects.first()),
    "board profile": lambda n: (setattr(p := BoardProfile.objects.get(), "chair", "A New Chair"), p.save()),
    "review order": lambda n: NewsletterReview.objects.filter(newsletter=n).update(order=99) and None,
    "review removed": lambda n: NewsletterReview.objects.filter(newsletter=n).first().delete(),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_any_edit_to_what_is_printed_makes_the_next_download_render_afresh(
    client, published_newsletter, renders_once, edit
):
    download(client, published_newsletter)
    assert renders_once == []
    edit(refreshed(published_newsletter))
    assert download(client, published_newsletter).startswith(b"%PDF")
    assert renders_once == ["pdf/newsletter.html"]
    download(client, published_newsletter)
    assert renders_once == ["pdf/newsletter.html"]  # and it is kept again


def test_only_one_rendering_is_kept_per_newsletter(client, published_newsletter, media_root):
    download(client, published_newsletter)
    published_newsletter.title = "Renamed"
    published_newsletter.save()
    download(client, published_newsletter)
    kept = list((media_root / keeping.NEWSLETTER_FOLDER).glob("*.pdf"))
    assert [path.name for path in kept] == [refreshed(published_newsletter).pdf_name.split("/")[-1]]


def test_a_lost_kept_file_is_rendered_again(client, published_newsletter, media_root, renders):
    for path in media_root.rglob("*.pdf"):
        path.unlink()
    assert download(client, published_newsletter).startswith(b"%PDF")
    assert renders == ["pdf/newsletter.html"]


def test_public_review_briefing_is_kept_until_the_review_changes(client, board, renders):
    review = ReviewFactory()
    LessonFactory(review=review, text="There is a need to keep this briefing.")
    url = f"/reviews/{review.slug}/briefing.pdf"
    assert "There is a need to keep this briefing." in pdf_of(client.get(url)).text
    pdf_of(client.get(url))
    assert renders == ["pdf/briefing.html"]
    LessonFactory(review=review, text="There is a need for a second lesson.")
    assert "There is a need for a second lesson." in pdf_of(client.get(url)).text
    assert renders == ["pdf/briefing.html", "pdf/briefing.html"]
