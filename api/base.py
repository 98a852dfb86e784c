"""What every endpoint of the open-data API shares.

* The audience is always "everyone": no authentication class runs, so a request that carries
  a signed-in session (a practitioner's, or staff's) is answered exactly as an anonymous one.
  Partner-only reviews and anything unpublished can never reach the API, whoever asks.
* JSON only, read only: GET, HEAD and OPTIONS; any other method answers 405.
* Validators from the library's content version (``reviews.caching.content_version``), so a
  client that sends back the ETag or the Last-Modified date gets 304 until something changes.
* Answers kept in the cache under their address and ETag, as the library keeps its pages'
  HTML: a change to the content changes the ETag, so a kept answer never outlives it.
* A throttle per client address, so that one script cannot take the site down.

DRF is configured here, on the classes, rather than in the project's settings: the API's
rules travel with the API.
"""

import datetime
import hashlib

from django.core.cache import cache
from django.http import HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter
from rest_framework import viewsets
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from accounts.lockout import client_address
from api.errors import InvalidParameters
from api.filters import PARAMETER_DOCS
from api.pagination import ApiPagination
from reviews.caching import CACHE_SECONDS, content_version

# Raised when what the API prints of the same content changes, so that kept copies are refreshed.
API_REVISION = "1"
# Parameters any list accepts besides its filters (``format`` is DRF's own, JSON only here).
COMMON_PARAMETERS = ("page", "page_size", "format")
SEEN_SECONDS = 30 * 24 * 60 * 60


class NotModified(Exception):
    """The client's copy is current: answer 304 without doing the work."""


class ClientThrottle(AnonRateThrottle):
    """Requests per minute from one address, as the sign-in lock-out counts addresses.

    Everyone is anonymous here, so every request counts. DRF's own address reading trusts
    any X-Forwarded-For header; ``client_address`` trusts only the site's own proxies.
    """

    rate = "120/minute"
    scope = "api"

    def get_ident(self, request):
        return client_address(request._request) or "unknown"


class ApiSchema(AutoSchema):
    """drf-spectacular's schema, with each list's filters (``list_parameters``) described.

    Set on the classes, with no decorators on methods: those would need DRF's default schema
    class to be drf-spectacular's in the project's settings.
    """

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        if self._is_list_view():
            parameters += [
                OpenApiParameter(name, kind, OpenApiParameter.QUERY, description=text)
                for name, (kind, text) in PARAMETER_DOCS.items()
                if name in self.view.list_parameters
            ]
        return parameters


def last_seen(etag: str) -> datetime.datetime:
    """When this server first answered with ``etag``: the Last-Modified of everything under it.

    The content version is a number without a date; the first answer after it changed is no
    earlier than the change, so a client holding an older date is always sent the new content.
    """
    key = f"api:seen:{etag}"
    now = timezone.now().replace(microsecond=0)
    cache.add(key, now, SEEN_SECONDS)
    return cache.get(key) or now


class ApiViewSet(viewsets.ReadOnlyModelViewSet):
    """The base of every endpoint: list and detail, read only, public content only."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    throttle_classes = [ClientThrottle]
    pagination_class = ApiPagination
    schema = ApiSchema()
    # The query parameters a list accepts besides page and page_size; anything else is refused.
    list_parameters: tuple = ()

    # --- Validators -----------------------------------------------------------------------------

    def validator_parts(self) -> list:
        """What the content of this endpoint depends on; subclasses add their own tables."""
        return [API_REVISION, self.content_version]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # negotiation, throttles
        self.content_version = content_version()
        self.etag = self.last_modified = None
        if request.method not in ("GET", "HEAD"):
            return
        self.etag = quote_etag("-".join(str(part) for part in self.validator_parts()))
        self.last_modified = last_seen(self.etag)
        if get_conditional_response(
            request._request, etag=self.etag, last_modified=int(self.last_modified.timestamp())
        ):
            raise NotModified

    def handle_exception(self, exc):
        if isinstance(exc, NotModified):
            return HttpResponseNotModified()  # dispatch() adds the validators
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Open data: any site's scripts may read it. The answer is the same with or without
        # cookies, and "*" never lets a browser send them along.
        response["Access-Control-Allow-Origin"] = "*"
        etag = getattr(self, "etag", None)
        if etag and (200 <= response.status_code < 300 or response.status_code == 304):
            response["ETag"] = etag
            response["Last-Modified"] = http_date(self.last_modified.timestamp())
            # Public content that may change at any moment (a review withdrawn): revalidate each time.
            patch_cache_control(response, public=True, no_cache=True)
        return response

    # --- Parameters -----------------------------------------------------------------------------

    def check_parameters(self):
        """Refuse parameters this list does not know: a misspelt filter must not pass unnoticed."""
        allowed = (*self.list_parameters, *COMMON_PARAMETERS)
        unknown = sorted(set(self.request.query_params) - set(allowed))
        if unknown:
            accepted = ", ".join(allowed)
            raise InvalidParameters(
                {name[:40]: [f"Unknown parameter. This list accepts: {accepted}."] for name in unknown[:10]}
            )

    def list(self, request, *args, **kwargs):
        self.check_parameters()
        return self.kept(lambda: super(ApiViewSet, self).list(request, *args, **kwargs))

    def retrieve(self, request, *args, **kwargs):
        return self.kept(lambda: super(ApiViewSet, self).retrieve(request, *args, **kwargs))

    def kept(self, answer):
        """The answer's data, kept for this address and these validators, as the library keeps its HTML.

        The key holds the ETag (the content version and whatever else the endpoint depends on)
        and the absolute address (the answer prints absolute links), so a kept answer never
        outlives a change. Refusals are raised, so only answers that succeeded are kept.
        """
        raw = repr([self.basename, self.action, self.etag, self.request.build_absolute_uri()]).encode()
        key = "api:answer:" + hashlib.sha256(raw).hexdigest()
        data = cache.get(key)
        if data is not None:
            return Response(data)
        response = answer()
        if response.status_code == 200:
            cache.set(key, response.data, CACHE_SECONDS)
        return response

    def count_of(self, queryset) -> int:
        """The number of results, kept for this content version: counting is most of a list's cost."""
        params = sorted((k, v) for k, v in self.request.query_params.lists() if k not in COMMON_PARAMETERS)
        raw = repr([self.basename, self.etag, params]).encode()
        key = "api:count:" + hashlib.sha256(raw).hexdigest()
        count = cache.get(key)
        if count is None:
            count = queryset.count()
            cache.set(key, count, CACHE_SECONDS)
        return count
