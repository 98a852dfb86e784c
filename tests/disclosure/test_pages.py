"""The page that checks published reviews again is for board staff only; the command's exit codes."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from disclosure.services import disclosure_accept, publication_check
from tests.factories import LessonFactory, ManagerFactory, OfficerFactory, PractitionerFactory, ReviewFactory

pytestmark = pytest.mark.django_db

URL = reverse("admin:disclosure_published")


@pytest.fixture
def published():
    dated = ReviewFactory(reference="MR-2015-01", title="Child K: management review")
    LessonFactory(review=dated, text="Child K was admitted to Kingsmoor General Hospital on 3 May 2015.")
    accepted = ReviewFactory(reference="MR-2015-02", title="Child L: management review")
    LessonFactory(review=accepted, text="Child L attended Brookfield Academy.")
    disclosure_accept(
        obj=accepted,
        fingerprint=publication_check(accepted).fingerprint,
        reason="The academy closed in 2019.",
        by=ManagerFactory(),
    )
    ReviewFactory(reference="MR-2015-03", title="Child N: management review")
    return dated, accepted


def test_anonymous_readers_are_sent_to_sign_in(client, published):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_practitioners_are_told_there_is_no_such_page(client, published):
    client.force_login(PractitionerFactory())
    assert client.get(URL).status_code == 404


def test_staff_who_have_not_given_the_code_are_sent_to_the_code_step(client, published, settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    client.force_login(OfficerFactory())
    response = client.get(URL)
    assert response.status_code == 302 and reverse("accounts:two_factor") in response["Location"]


@pytest.mark.parametrize("factory", [OfficerFactory, ManagerFactory])
def test_officers_and_managers_see_unresolved_findings_first_then_accepted_ones(client, published, factory):
    client.force_login(factory())
    page = client.get(URL)
    assert page.status_code == 200
    text = " ".join(page.text.split())
    assert "3 published reviews" in text and "1 has findings nobody has resolved" in text
    assert text.index("MR-2015-01") < text.index("MR-2015-02") and "MR-2015-03" not in text
    assert "The academy closed in 2019." in text
    dated, _ = published
    detail = client.get(reverse("admin:disclosure_check", args=[_content_type(dated), dated.pk]))
    assert '<mark title="Exact date">3 May 2015</mark>' in detail.text
    # Only a manager may record a reason, here as on the approval page.
    assert ("Record why it is safe" in detail.text) == (factory is ManagerFactory)


def _content_type(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


def test_the_command_prints_one_line_a_finding_and_exits_1(published, monkeypatch):
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_code:
        call_command("publication_check", "MR-2015-01", stdout=out, stderr=io.StringIO())
    assert exit_code.value.code == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Named place\tLesson 1: Kingsmoor General Hospital\t")
    assert lines[1].startswith("Exact date\tLesson 1: 3 May 2015\t") and "say “May 2015”" in lines[1]


def test_the_command_exits_0_for_a_review_with_nothing_found(published):
    out = io.StringIO()
    call_command("publication_check", "MR-2015-03", stdout=out)
    assert out.getvalue() == "Nothing found.\n"


def test_the_command_checks_standard_input_with_pseudonyms(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Alice met Mrs Smith on 14/03/2016."))
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_code:
        call_command("publication_check", "-", "--pseudonym", "Alice", stdout=out, stderr=io.StringIO())
    assert exit_code.value.code == 1
    assert [line.split("\t")[:2] for line in out.getvalue().splitlines()] == [
        ["Personal name", "Mrs Smith"],
        ["Exact date", "14/03/2016"],
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("Alice was seen in March 2016."))
    call_command("publication_check", "-", "--pseudonym", "Alice", stdout=(out := io.StringIO()))
    assert out.getvalue() == "Nothing found.\n"


def test_the_command_names_an_unknown_reference():
    with pytest.raises(CommandError, match="There is no review with the reference NOPE-1"):
        call_command("publication_check", "NOPE-1")


def test_the_page_costs_the_same_queries_however_many_reviews_are_published(client, published):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(OfficerFactory())
    client.get(URL)  # the session and the site's settings are read once
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for number in range(4):
        LessonFactory(review=ReviewFactory(), text=f"Seen at {number + 2} Acacia Road.")
    with CaptureQueriesContext(connection) as more:
        page = client.get(URL)
    assert "7 published reviews" in page.text
    assert len(more) == len(few)


def test_only_managers_change_the_safe_and_sensitive_words_which_officers_read(client):
    add = reverse("admin:disclosure_term_add")
    client.force_login(OfficerFactory())
    assert client.get(add).status_code == 403
    assert client.get(reverse("admin:disclosure_term_changelist")).status_code == 200
    listing = client.get(reverse("admin:disclosure_disclosureacceptance_changelist"))
    assert URL in listing.text
    client.force_login(ManagerFactory())
    saved = client.post(add, {"text": "Northshire Police", "kind": "safe", "note": "An agency"}, follow=True)
    assert saved.status_code == 200
    twice = client.post(add, {"text": "northshire police", "kind": "safe", "note": ""})
    assert "This word or phrase is already on the list." in twice.text
