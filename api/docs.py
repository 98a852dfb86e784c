"""The OpenAPI schema (/api/schema/) and its browsable documentation (/api/docs/).

The documentation page is Swagger UI from drf-spectacular-sidecar, served by this site: the
site's Content-Security-Policy allows scripts from this site only, never inline, so the page
loads its start-up script from its own address (``?script``) rather than inline, and no
asset comes from a CDN.
"""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView, _get_sidecar_url
from rest_framework.permissions import AllowAny

from api.base import ClientThrottle
from api.routes import router

DESCRIPTION = """\
Published learning from the board's case reviews, as open data: the same content as the
public web pages, for everyone (a signed-in session changes nothing here).

* Read only: GET, HEAD and OPTIONS. Lists are paged with `page` and `page_size` (at most 100).
* Texts the board writes are Markdown. `url` is the public web page; `api_url` this API's own.
* Every answer carries an `ETag` and `Last-Modified`: send them back (`If-None-Match`,
  `If-Modified-Since`) and an unchanged answer is `304 Not Modified`.
* Mistakes answer 400 (a parameter that cannot be used, with `errors` per parameter), 404 (no
  such thing, or a page past the last), 405 (a method other than reading) or 406 (an `Accept`
  header that does not take JSON), each with a `detail` in words. Too many requests from one
  address answer 429 with `Retry-After`.
"""

SCHEMA_SETTINGS = {
    "TITLE": "Learning from case reviews: open data API",
    "DESCRIPTION": DESCRIPTION,
    "VERSION": "1",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # ENUM_NAME_OVERRIDES are in settings.SPECTACULAR_SETTINGS, which the start-up check reads too.
}


class SchemaView(SpectacularAPIView):
    """The schema of /api/v1/ only: other parts of the site are not the open-data API."""

    patterns = [path("api/v1/", include(router.urls))]
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [ClientThrottle]
    custom_settings = SCHEMA_SETTINGS


class DocsView(SpectacularSwaggerSplitView):
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [ClientThrottle]
    url_name = "api:schema"
    title = SCHEMA_SETTINGS["TITLE"]

    @staticmethod
    def _swagger_ui_resource(filename):
        return _get_sidecar_url(f"swagger-ui-dist/{filename}")

    @staticmethod
    def _swagger_ui_favicon():
        return _get_sidecar_url("swagger-ui-dist/favicon-32x32.png")
