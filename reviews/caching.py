"""What the library keeps in Django's cache, and when that stops being true.

A cached value is kept under a key made of

* the audience: who is asking, as the visibility rule sees them (``querysets.audience``);
* the content version: a number raised, in the same transaction, by every change to a
  review's content (reviews/signals.py covers reviews, findings, children and the controlled
  lists), so every worker process sees a change at its next request, whatever the cache
  backend;
* the kind of value and its parameters (filters, search words).

Withdrawing or hiding a review saves it, which changes the content version at once: cached
values never outlive the content they show. A write that skips ``save()``
(``QuerySet.update``) must call ``content_version_raise`` itself; ``CACHE_SECONDS`` bounds
the harm if one forgets.
"""

import hashlib
import json

from django.core.cache import cache
from django.db.models import F

from reviews.models import ContentVersion
from reviews.querysets import audience

CACHE_SECONDS = 10 * 60  # a safety net for writes that bypass save(), e.g. QuerySet.update()


def content_version() -> str:
    """Changes whenever a review or anything it prints is added, changed or deleted."""
    number = ContentVersion.objects.filter(pk=1).values_list("number", flat=True).first()
    return str(number or 0)


def content_version_raise():
    """Mark every cached value stale, from inside the writer's transaction."""
    if not ContentVersion.objects.filter(pk=1).update(number=F("number") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})


def cache_key(user, name: str, params: dict, *, version: str | None = None) -> str:
    """A cache key for this audience, content version, kind of value and parameters."""
    parts = [audience(user), version or content_version(), name, params]
    raw = json.dumps(parts, sort_keys=True, default=str)
    return "library:" + hashlib.sha256(raw.encode()).hexdigest()


def cached(user, name: str, params: dict, compute, *, key: str | None = None):
    """``compute()``, kept in the cache for this audience, content version and parameters."""
    key = key or cache_key(user, name, params)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value
