"""What a client may get wrong answers 400, 404, 405 or 406 with a JSON message, never 500."""

import pytest

pytestmark = pytest.mark.django_db


def refused(client, url, status, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json"), url
    body = response.json()
    assert body["detail"], url
    return body


FILTERS_REFUSED = [
    ("theme=no-such-theme", "theme"),
    ("service=no-such-service", "service"),
    ("kind=serious", "kind"),
    ("year=twenty24", "year"),
    ("year=1066", "year"),
    ("year=2024.5", "year"),
    ("q=" + "a" * 201, "q"),
    ("q=%00", "q"),
    ("q=%22%22+-", "q"),
    ("thme=neglect", "thme"),
    ("page=two", "page"),
    ("page=0", "page"),
    ("page=-3", "page"),
    ("page_size=1000", "page_size"),
    ("page_size=ten", "page_size"),
]


def test_a_filter_or_page_that_cannot_be_used_is_refused_by_name(client):
    for query, parameter in FILTERS_REFUSED:
        body = refused(client, f"/api/v1/lessons/?{query}", 400)
        assert list(body["errors"]) == [parameter], query
        assert body["errors"][parameter][0], query


def test_each_list_refuses_the_filters_of_others(client):
    assert list(refused(client, "/api/v1/key-issues/?theme=neglect", 400)["errors"]) == ["theme"]
    assert list(refused(client, "/api/v1/reviews/?q=neglect", 400)["errors"]) == ["q"]
    assert list(refused(client, "/api/v1/reviews/?year=later", 400)["errors"]) == ["year"]
    assert list(refused(client, "/api/v1/reviews/?theme=nope", 400)["errors"]) == ["theme"]
    assert list(refused(client, "/api/v1/themes/?theme=nope", 400)["errors"]) == ["theme"]
    for value in ["abc", "999999", "1" * 40]:
        body = refused(client, f"/api/v1/recommendations/?owner_group={value}", 400)
        assert list(body["errors"]) == ["owner_group"]


def test_a_page_past_the_last_is_not_found_and_says_how_many_there_are(client):
    for page in ["2", "99999", "1" + "0" * 30]:
        body = refused(client, f"/api/v1/lessons/?page={page}", 404)
        assert "1 page" in body["detail"], page


NOTHING_THERE = [
    "/api/v1/reviews/no-such-review/",
    "/api/v1/lessons/123/",
    "/api/v1/lessons/abc/",
    "/api/v1/lessons/" + "9" * 30 + "/",
    "/api/v1/owner-groups/99999999999/",
    "/api/v1/themes/no-such-theme/",
    "/api/v1/newsletters/no-such-issue/",
    "/api/v1/no-such-list/",
    "/api/nothing/here",
    "/api/v1/lessons/?format=xml",
]


def test_an_address_with_nothing_at_it_is_a_json_404(client):
    for url in NOTHING_THERE:
        refused(client, url, 404)


def test_an_accept_header_that_does_not_take_json_is_406(client):
    for accept in ["text/html", "application/xml", "text/csv", "image/*"]:
        refused(client, "/api/v1/lessons/", 406, accept=accept)


def test_an_accept_header_that_takes_json_gets_json(client):
    for accept in ["*/*", "application/json", "application/*", "text/html, */*;q=0.1"]:
        assert client.get("/api/v1/lessons/", headers={"accept": accept}).status_code == 200, accept
    # A garbled header is refused or ignored, never a crash.
    assert client.get("/api/v1/lessons/", headers={"accept": "???"}).status_code in (200, 406)


def test_nothing_can_be_written(client, officer):
    client.force_login(officer)  # not even by staff: there is no write in the API
    for url in ["/api/v1/reviews/", "/api/v1/reviews/some-review/", "/api/v1/lessons/1/"]:
        for method in ["post", "put", "patch", "delete"]:
            response = getattr(client, method)(url, data={"title": "x"}, content_type="application/json")
            assert response.status_code == 405, (method, url)
            assert "not allowed" in response.json()["detail"]


def test_head_and_options_are_answered(client):
    assert client.head("/api/v1/lessons/").status_code == 200
    response = client.options("/api/v1/lessons/")
    assert response.status_code == 200
    assert response.json()["renders"] == ["application/json"]
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}
