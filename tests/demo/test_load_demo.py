"""The loaded demo: every review, child, finding and newsletter in the files, and loading it again."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from briefings.models import Newsletter
from learnt_before.models import LessonMatch
from reviews.models import BoardProfile, Child, KeyIssue, Lesson, PositiveFactor, Recommendation, Review
from tests.demo_loading import demo_loaded

pytestmark = pytest.mark.django_db

# reference: children, key issues, positive factors, lessons, recommendations
EXPECTED = {
    "MR-2014-01": (1, 6, 3, 6, 4),
    "MR-2014-02": (1, 6, 3, 7, 4),
    "MR-2011-01": (2, 8, 5, 6, 3),
    "MR-2011-02": (1, 6, 5, 8, 4),
    "SCR-2011-01": (1, 6, 3, 8, 3),
    "PR-2013-01": (3, 6, 5, 10, 7),
    "TR-2016-01": (2, 6, 3, 6, 5),
    "SCR-2016-02": (1, 4, 2, 4, 2),
    "LCSPR-2026-01": (1, 5, 2, 6, 4),
    "SCR-2016-01": (1, 4, 2, 5, 3),
    "RR-2026-01": (1, 2, 0, 2, 0),
    "PR-2026-01": (1, 2, 1, 1, 1),
}
FINDINGS = ["children", "keyissues", "positivefactors", "lessons", "recommendations"]
MODELS = [Review, Child, KeyIssue, PositiveFactor, Lesson, Recommendation, BoardProfile]


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, loaded once for this module, in a transaction rolled back when the module ends.

    Each test runs in its own transaction nested inside it, so whatever a test changes (an
    officer's edit, loading again) is undone before the next test, which finds the demo as loaded.
    """
    with demo_loaded(django_db_blocker, tmp_path_factory.mktemp("media")):
        yield


def snapshot():
    """Every row, what an officer would see of each review, its history and its suggestions."""
    return {model.__name__: sorted(model.objects.values_list("pk", flat=True)) for model in MODELS} | {
        "texts": sorted(Lesson.objects.values_list("text", flat=True)),
        "reviews": sorted(Review.objects.values_list("pk", "state", "version", "updated_at")),
        "history": Review.history.count() + Lesson.history.count() + Recommendation.history.count(),
        "progress": sorted(Recommendation.objects.values_list("pk", "status", "outcome")),
        "matches": sorted(LessonMatch.objects.values_list("lesson", "earlier", "score")),
    }


def test_the_files_load_into_twelve_reviews_with_every_child_and_finding():
    loaded = {
        review.reference: tuple(getattr(review, name).count() for name in FINDINGS)
        for review in Review.objects.all()
    }
    assert loaded == EXPECTED
    newsletters = {n.slug: (n.state, n.items.count()) for n in Newsletter.objects.all()}
    assert newsletters == {
        "learning-from-local-reviews-2014": (Newsletter.State.PUBLISHED, 3),
        "7-minute-briefing-management-reviews-2014": (Newsletter.State.DRAFT, 3),
    }


def test_long_texts_keep_their_paragraphs_and_lists_exactly():
    summary = Review.objects.get(reference="MR-2014-01").summary
    assert summary.startswith("Child M was a 15-year-old boy")
    assert "gang.\n\nAt home" in summary
    assert summary.endswith(
        "\n* Because he was nearly 16, several professionals treated his refusal of help as a free choice."
    )


def test_demo_covers_every_kind_and_state_and_loading_twice_changes_nothing():
    first = snapshot()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert snapshot() == first
    assert "0 reviews added" in out.getvalue()

    assert set(Review.objects.values_list("kind", flat=True)) == set(Review.Kind.values)
    assert set(Review.objects.values_list("state", flat=True)) == set(Review.State.values)
    assert Review.objects.filter(visibility=Review.Visibility.PARTNERS, state=Review.State.PUBLISHED).exists()
    thematic = Review.objects.get(kind=Review.Kind.THEMATIC)
    assert thematic.children.count() == 2
    assert LessonMatch.objects.exists()  # "learnt before", computed once the load commits
    hidden = Review.objects.get(state=Review.State.NOT_FOR_PUBLICATION)
    assert hidden.not_for_publication_reason
    assert BoardProfile.objects.count() == 1


def test_demo_keeps_an_officers_edit():
    review = Review.objects.filter(state=Review.State.PUBLISHED).first()
    Review.objects.filter(pk=review.pk).update(title="Edited by an officer")
    call_command("load_demo", stdout=StringIO())
    assert Review.objects.get(pk=review.pk).title == "Edited by an officer"


def test_without_pdfs_each_pdf_is_made_at_its_first_download(client):
    newsletter = Newsletter.objects.get(state=Newsletter.State.PUBLISHED)
    assert not newsletter.pdf_name  # loaded with --no-pdfs (tests/demo_loading.py)
    response = client.get(reverse("briefings:newsletter_pdf", args=[newsletter.slug]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content])[:5] == b"%PDF-"
