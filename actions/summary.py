"""The counts beside the board's plan, kept in the cache until something they count changes.

Counting a national plan (tens of thousands of open actions) by owner and by review costs more
than the rest of the page, and the counts change only when an action does. They are kept under

* the plan's version (``PlanSettings.version``), raised in the writer's transaction by every
  change to an action (actions/signals.py, and ``ActionQuerySet`` for writes that skip save());
* the library's content version, for the review titles and owner names they print;
* the day and the amber window (an action turns red at midnight), and the filters.

So every worker sees a change at its next request, whatever the cache backend.
"""

import datetime
import hashlib
import json

from django.core.cache import cache

from reviews.caching import CACHE_SECONDS, content_version

BY_REVIEW_ROWS = 20


def plan_summary(actions, *, filters: dict, today: datetime.date, amber_days: int, version: int) -> dict:
    """``{"total": n, "by_owner": [...], "by_review": [...]}`` for the filtered plan ``actions``."""
    parts = [version, content_version(), str(today), amber_days, filters]
    raw = json.dumps(parts, sort_keys=True, default=lambda value: getattr(value, "pk", str(value)))
    key = "action-plan:" + hashlib.sha256(raw.encode()).hexdigest()
    summary = cache.get(key)
    if summary is None:
        summary = {
            "total": actions.count(),
            "by_owner": list(actions.counts_by("owner_group__name", today=today)),
            # The reviews with the most overdue actions: a national-scale plan has thousands.
            "by_review": list(
                actions.counts_by("recommendation__review__title", today=today)[:BY_REVIEW_ROWS]
            ),
        }
        cache.set(key, summary, CACHE_SECONDS)
    return summary
