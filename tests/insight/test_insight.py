"""The insight page: who counts in the figures, the charts and their tables, the year filter, CSV."""

import csv
import datetime
import io
import re
from html import unescape as html_unescape

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse

from insight.charts import CHART_SLUGS
from reviews.models import Child, Review
from tests.factories import (
    ChildFactory,
    LessonFactory,
    ManagerFactory,
    ReviewFactory,
    ServiceFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

URL = reverse("insight:insight")
STAFF_LABEL = "Board staff view: includes drafts and unpublished reviews"
State, Visibility, Kind = Review.State, Review.Visibility, Review.Kind


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def library_create() -> dict:
    """One review of each kind a reader might or might not see, each with one child and one lesson.

    Every review is a Rapid Review except the public one, so the per-kind counts tell them apart.
    """
    neglect = ThemeFactory(name="Insight theme", slug="insight-theme")
    police = ServiceFactory(name="Insight service", slug="insight-service")
    made = {}
    for name, state, visibility, year in [
        ("public", State.PUBLISHED, Visibility.PUBLIC, 2019),
        ("partners", State.PUBLISHED, Visibility.PARTNERS, 2020),
        ("draft", State.DRAFT, Visibility.PUBLIC, 2021),
        ("withdrawn", State.WITHDRAWN, Visibility.PUBLIC, 2021),
        ("not_published", State.NOT_FOR_PUBLICATION, Visibility.PUBLIC, 2021),
    ]:
        review = ReviewFactory(
            title=f"{name} review",
            state=state,
            visibility=visibility,
            kind=Kind.SCR if name == "public" else Kind.RAPID,
            published_on=datetime.date(year, 3, 1) if state != State.DRAFT else None,
            completed_on=datetime.date(year, 1, 1),
            commissioned_on=datetime.date(year - 1, 6, 1),
        )
        review.themes.add(neglect)
        ChildFactory(
            review=review,
            age_years=None,
            age_band=Child.AgeBand.UNDER_1 if name == "public" else Child.AgeBand.AGE_16_17,
            sex=Child.Sex.FEMALE if name == "public" else Child.Sex.MALE,
            outcome=Child.Outcome.DIED if name == "public" else Child.Outcome.SERIOUS_HARM,
            known_to_social_care=True,
            looked_after=name != "public",
        )
        LessonFactory(review=review, services=[police])
        made[name] = review.pk
    return made


@pytest.fixture(scope="module")
def library_once(django_db_setup, django_db_blocker):
    """The library made once for the module, in a transaction rolled back at its end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        made = library_create()
    yield made
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def library(library_once, db):
    return {name: Review.objects.get(pk=pk) for name, pk in library_once.items()}


def table_of(html: str, caption: str) -> list[list[str]]:
    """A table's rows as text, header row first, found by its caption."""
    start = html.index(f"<caption>{caption}</caption>")
    table = html[start : html.index("</table>", start)]
    return [
        [
            html_unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
    ]


def services(client) -> int:
    """The lessons for the library's service, from the CSV; every other service has none."""
    rows = dict(csv_of(client, "services")[1:])
    assert {n for name, n in rows.items() if name != "Insight service"} == {"0"}
    return int(rows["Insight service"])


def csv_of(client, chart, query="") -> list[list[str]]:
    response = client.get(reverse("insight:chart_csv", args=[chart]) + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_anonymous_readers_count_only_published_public_reviews(client, library):
    html = client.get(URL).content.decode()
    reviews = table_of(html, "Reviews by year and kind of review")
    assert reviews == [["Year", "Serious Case Review", "All reviews"], ["2019", "1", "1"]]
    outcomes = dict(row for row in table_of(html, "Children by outcome")[1:])
    assert outcomes["Died"] == "1" and outcomes["Serious harm"] == "0"
    known = {row[0]: row[1] for row in table_of(html, html_caption_known())[1:]}
    assert known["Looked after"] == "0"
    assert services(client) == 1
    assert STAFF_LABEL not in html
    for hidden in ("partners review", "draft review", "withdrawn review", "not_published review"):
        assert hidden not in html


def html_caption_known():
    return "Children known to services before the incident (a child may be in several rows)"


def test_signed_in_readers_also_count_partner_only_reviews_but_no_unpublished_one(
    practitioner_client, library
):
    html = practitioner_client.get(URL).content.decode()
    reviews = table_of(html, "Reviews by year and kind of review")
    assert reviews[1:] == [["2019", "1", "0", "1"], ["2020", "0", "1", "1"]]
    assert "include reviews published for partner agencies only" in html
    assert STAFF_LABEL not in html
    assert csv_of(practitioner_client, "themes") == [
        ["Theme", "2019", "2020", "All years"],
        ["Insight theme", "1", "1", "2"],
    ]


def test_board_staff_count_every_review_under_a_clear_label(client, library):
    client.force_login(ManagerFactory())
    html = client.get(URL).content.decode()
    assert STAFF_LABEL in html
    reviews = table_of(html, "Reviews by year and kind of review")
    assert reviews[-1] == ["2021", "0", "3", "3"]  # the draft, the withdrawn and the unpublished one
    assert services(client) == 5


def test_every_chart_is_a_labelled_svg_with_a_sentence_a_table_and_its_csv(client, library):
    html = client.get(URL).content.decode()
    for slug in CHART_SLUGS:
        section = html[html.index(f'<section class="insight-chart" id="{slug}"') :]
        section = section[: section.index("</section>")]
        assert re.search(r'<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+-svg-title [^"]+-svg-desc"', section)
        assert "<title id=" in section and "<desc id=" in section
        assert 'scope="col"' in section and 'scope="row"' in section and "<caption>" in section
        assert reverse("insight:chart_csv", args=[slug]) in section
        caption = re.search(r"<caption>(.*?)</caption>", section).group(1)
        # The CSV file holds exactly the table shown beside the chart.
        assert csv_of(client, slug) == table_of(html, caption)


def test_the_year_range_narrows_every_chart_and_the_csv_links_keep_it(practitioner_client, library):
    html = practitioner_client.get(URL, {"from": "2020", "to": "2020"}).content.decode()
    assert table_of(html, "Reviews by year and kind of review")[1:] == [["2020", "1", "1"]]
    assert f"{reverse('insight:chart_csv', args=['themes'])}?from=2020&amp;to=2020" in html
    assert csv_of(practitioner_client, "themes", "?from=2020&to=2020")[1:] == [["Insight theme", "1", "1"]]


@pytest.mark.parametrize(
    "query, message",
    [
        ({"from": "20l9"}, "Enter a year as four digits"),
        ({"from": "2021", "to": "2019"}, "The first year (2021) is after the last (2019)"),
        ({"to": "99999999999999999999"}, "Enter a year as four digits"),
    ],
)
def test_malformed_or_reversed_years_are_a_form_error_and_the_page_still_shows_every_year(
    client, library, query, message
):
    response = client.get(URL, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    for typed in query.values():
        assert f'value="{typed}"' in html  # what was typed is kept
    assert table_of(html, "Reviews by year and kind of review")[1:] == [["2019", "1", "1"]]
    csv_response = client.get(reverse("insight:chart_csv", args=["reviews"]), query)
    assert csv_response.status_code == 400
    assert message in csv_response.content.decode()


def test_an_unknown_chart_is_not_found_and_a_post_is_refused(client):
    assert client.get("/insight/nothing.csv").status_code == 404
    assert client.post(URL).status_code == 405


def test_with_no_reviews_every_chart_says_so(client, library):
    html = client.get(URL, {"from": "1990", "to": "1991"}).content.decode()
    assert "No reviews to count." in html
    assert "No children to count." in html


def test_a_service_name_is_never_a_spreadsheet_formula(client, library):
    lesson = library["public"].lessons.get()
    lesson.services.add(ServiceFactory(name="=HYPERLINK(1)", slug="formula"))
    assert ["'=HYPERLINK(1)", "1"] in csv_of(client, "services")


def test_a_cached_page_costs_two_queries_and_a_first_one_a_few_whatever_the_reviews(
    client, library, django_assert_num_queries
):
    # The board's profile (the footer of every page), the content version, the services' sums,
    # the children, the reviews by year and kind, the themes and the services' names: whatever
    # the number of reviews.
    with django_assert_num_queries(7):
        client.get(URL)
    with django_assert_num_queries(2):  # the board's profile and the content version
        client.get(URL)
    ReviewFactory(published_on=datetime.date(2019, 5, 1))
    with django_assert_num_queries(7):  # a new review is counted at once
        html = client.get(URL).content.decode()
    assert table_of(html, "Reviews by year and kind of review")[1] == ["2019", "1", "1", "2"]
