"""Whole pages of the library kept for readers who are not signed in.

Most readers of the library are practitioners and the public, not signed in, asking the same
few pages (the lessons, the reviews, a theme) again and again. For them the whole answer is
kept, under the same key as every other cached value (reviews/caching.py: the audience
"everyone", the content version, the address with its query), so a page served from the
cache is exactly the page that would be rendered: any change to a review raises the content
version in the writer's transaction, and the next reader gets a fresh page.

Not kept: pages of signed-in readers (their pages carry their name and a sign-out form, and
their audience sees more), pages with a message waiting to be shown, answers that set a
cookie, and anything but a page (200) or a page explaining bad input (400, 404).
"""

from functools import wraps

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse

from reviews.caching import CACHE_SECONDS, cache_key, content_version, version_kept

KEPT_STATUSES = {200, 400, 404}


def kept_for_readers(view):
    @wraps(view)
    def page(request, *args, **kwargs):
        if request.method != "GET" or request.user.is_authenticated or len(get_messages(request)):
            return view(request, *args, **kwargs)
        version = content_version()
        address = {"view": view.__name__, "address": request.get_full_path()}
        key = cache_key(None, "page", address, version=version)
        kept = cache.get(key)
        if kept is not None:
            status, content_type, content = kept
            return HttpResponse(content, status=status, content_type=content_type)
        with version_kept(version):  # the page's own values are read once, under the same version
            response = view(request, *args, **kwargs)
        if response.status_code in KEPT_STATUSES and not response.streaming and not response.cookies:
            cache.set(key, (response.status_code, response["Content-Type"], response.content), CACHE_SECONDS)
        return response

    return page
