"""The OpenAPI schema, and documentation that works under the site's Content-Security-Policy."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_the_schema_describes_every_list_and_its_filters(client):
    response = client.get("/api/schema/", headers={"accept": "application/json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["version"] == "1"
    for name in [
        "reviews",
        "key-issues",
        "positive-factors",
        "lessons",
        "recommendations",
        "owner-groups",
        "themes",
        "services",
        "newsletters",
    ]:
        assert f"/api/v1/{name}/" in schema["paths"], name
    lesson_filters = {p["name"] for p in schema["paths"]["/api/v1/lessons/"]["get"]["parameters"]}
    assert {"q", "theme", "service", "kind", "year", "page", "page_size"} <= lesson_filters
    operations = [op for path in schema["paths"].values() for op in path]
    assert set(operations) == {"get"}  # nothing to write


def test_the_docs_page_loads_only_this_sites_assets_and_no_inline_script(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    policy = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(source.startswith("/") and not source.startswith("//") for source in sources), (
        sources
    )
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "an inline script would be blocked"
    script = client.get(next(s for s in sources if s.startswith("/api/docs/")))
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert b"/api/schema/" in script.content
    for asset in (s for s in sources if s.startswith("/static/")):
        assert finders.find(asset.removeprefix("/static/")), f"{asset} is not installed"


def test_the_api_root_lists_the_lists(client):
    body = client.get("/api/v1/").json()
    assert body["lessons"] == "http://testserver/api/v1/lessons/"
    assert body["docs"] == "http://testserver/api/docs/"
