"""Whatever arrives in the address bar, the reader gets a normal page and words they understand."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reviews.models import Theme
from tests.factories import LessonFactory, ReviewFactory

pytestmark = pytest.mark.django_db

LESSONS = "/lessons/"
REVIEWS = "/reviews/"


@pytest.fixture(autouse=True)
def some_lessons():
    cache.clear()
    neglect = Theme.objects.get(slug="neglect")
    for n in range(3):
        LessonFactory(text=f"There is a need for curiosity {n}.", themes=[neglect])


CASES = [
    # (query string, status, words the reader sees)
    (LESSONS + "?theme=no-such-theme", 400, "We have no theme with that name"),
    (LESSONS + "?service=no-such-service", 400, "We have no service with that name"),
    (LESSONS + "?kind=secret", 400, "That is not a kind of review we publish"),
    (LESSONS + "?year=twenty", 400, "The year must be a year such as 2024"),
    (LESSONS + "?year=99999", 400, "The year must be a year such as 2024"),
    (LESSONS + "?year=2024.5", 400, "The year must be a year such as 2024"),
    (LESSONS + "?theme=neglect&theme=no-such-theme", 400, "We have no theme with that name"),
    (LESSONS + "?theme=no-such-theme&theme=neglect", 200, "3 findings"),
    (LESSONS + "?q=a&q=b&q=curiosity", 200, "3 findings"),
    (LESSONS + "?page=two", 400, "The page number must be a whole number"),
    (LESSONS + "?page=1.5", 400, "The page number must be a whole number"),
    (LESSONS + "?page=", 200, "3 findings"),
    (LESSONS + "?page=0", 404, "There is no page 0"),
    (LESSONS + "?page=-1", 404, "There is no page -1"),
    (LESSONS + "?page=99", 404, "There is no page 99: the results fill 1 page."),
    (LESSONS + "?page=" + "9" * 40, 404, "There is no page 999999999999"),
    (LESSONS + "?q=" + "a" * 1000, 400, "Search words must be at most 200 characters"),
    (LESSONS + "?q=%22%22%22", 400, "Type at least one word"),
    (LESSONS + "?q=-+OR+%22+%26+%7C+%21+%3A*", 200, "lesson"),
    (LESSONS + "?q=%28%29%3C%3E%21%26%7C%3A%2A", 400, "Type at least one word"),
    (LESSONS + "?q=%22curiosity", 200, "3 findings"),
    (LESSONS + "?q=curiosity%27%3B+DROP+TABLE+reviews_lesson%3B--", 200, "Nothing matches"),
    (LESSONS + "?q=%27+OR+1%3D1+--", 200, "lesson"),
    (LESSONS + "?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", 200, "Nothing matches “alert(1)”"),
    (LESSONS + "?q=%3Cscript%3E", 200, "3 findings"),
    (LESSONS + "?q=%3Cb%3Ecuriosity%3C%2Fb%3E", 200, "3 findings"),
    (LESSONS + "?q=%FF%FE%FD", 400, "Type at least one word"),
    (LESSONS + "?q=curiosity%FF", 200, "3 findings"),
    (LESSONS + "?q=curi%00osity", 400, "contained a character that cannot be searched for"),
    (LESSONS + "?q=%E2%80%AE%F0%9F%98%80+curiosity", 200, "3 findings"),
    (LESSONS + "?%FF=%FE&q=curiosity", 200, "3 findings"),
    (LESSONS + "?unknown=1&q=curiosity", 200, "3 findings"),
    (REVIEWS + "?kind=nope", 400, "That is not a kind of review we publish"),
    (REVIEWS + "?year=abc&theme=nope", 400, "We have no theme with that name"),
    (REVIEWS + "?page=abc", 400, "The page number must be a whole number"),
    (REVIEWS + "?page=50", 404, "There is no page 50"),
    ("/themes/neglect/?page=7", 404, "There is no page 7"),
    ("/themes/neglect/?page=x", 400, "The page number must be a whole number"),
]


@pytest.mark.parametrize(("url", "status", "words"), CASES, ids=[c[0][:60] for c in CASES])
def test_bad_input_gets_a_normal_page_and_a_message(client, url, status, words):
    response = client.get(url)
    assert response.status_code == status
    assert words in response.text
    assert "<h1>" in response.text and "</footer>" in response.text  # the whole page, not a bare error


def test_markup_typed_into_the_search_box_never_reaches_the_page(client):
    response = client.get(LESSONS, {"q": '"><img src=x onerror=alert(1)> curiosity'})
    assert response.status_code == 200
    assert "<img" not in response.text
    assert (
        'value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt; curiosity"' in response.text
    )  # echoed, escaped


def test_the_message_names_the_field_and_the_page_still_offers_the_search(client):
    response = client.get(LESSONS + "?theme=no-such-theme&q=curiosity")
    assert "Theme: We have no theme with that name, so every theme is shown." in response.text
    assert 'value="curiosity"' in response.text
    assert "3 findings" in response.text  # the valid part of the request still applies


def test_too_many_parameters_answer_400_with_a_page(client, settings):
    too_many = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1
    response = client.get(LESSONS + "?" + "&".join(f"p{n}=1" for n in range(too_many)))
    assert response.status_code == 400
    assert "could not be read" in response.text


@pytest.mark.parametrize("slug", ["no-such-review", "a" * 300, "review%00", "..%2F..%2Fetc"])
def test_unknown_or_malformed_review_addresses_answer_404(client, slug):
    response = client.get(f"/reviews/{slug}/")
    assert response.status_code == 404


def test_hidden_reviews_are_not_named_in_error_pages(client):
    draft = ReviewFactory(state="draft", published_on=None, title="Confidential draft title")
    response = client.get(reverse("reviews:review_detail", args=[draft.slug]))
    assert response.status_code == 404
    assert "Confidential draft title" not in response.text


def test_a_report_missing_from_storage_answers_404_with_a_message(client):
    review = ReviewFactory(
        title="Child K: practice review", report_file=SimpleUploadedFile("k.pdf", b"%PDF-1.4\n")
    )
    review.report_file.storage.delete(review.report_file.name)  # lost with a volume, or a restored database
    response = client.get(reverse("reviews:review_report", args=[review.slug]))
    assert response.status_code == 404
    assert "The full report of “Child K: practice review” cannot be found" in response.text
    assert review.get_absolute_url() in response.text
