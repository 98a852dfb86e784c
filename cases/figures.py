"""The board's figures: what happened each year, and how often each deadline was met on time."""

from django.core.cache import cache
from django.db.models import Count, Max

from cases.deadlines import FIELDS, Key
from cases.models import Case, Decision

CACHE_SECONDS = 10 * 60  # a safety net for writes that bypass save(), e.g. QuerySet.update()


def case_figures_cached() -> dict:
    """The figures, kept in the cache until any case is added, changed or deleted.

    The figures read every case; the version (count and last change) is one small query.
    ``case_settings_save`` changes every open case, so it changes the version too.
    """
    version = Case.objects.aggregate(count=Count("id"), last=Max("updated_at"))
    key = f"cases:figures:{version['count']}:{version['last'].isoformat() if version['last'] else ''}"
    return cache.get_or_set(key, case_figures, CACHE_SECONDS)


def case_figures(cases=None) -> dict:
    """Counts per year (notifications, rapid reviews, decisions by outcome) and deadlines met on time."""
    cases = Case.objects.all() if cases is None else cases
    years = {}

    def row(year):
        return years.setdefault(
            year, {"notifications": 0, "rapid_reviews": 0, **dict.fromkeys(Decision.values, 0)}
        )

    for entry in cases.per_year("notified_on"):
        row(entry["year"])["notifications"] = entry["count"]
    for entry in cases.per_year("rapid_review_on"):
        row(entry["year"])["rapid_reviews"] = entry["count"]
    for entry in cases.filter(decision_state=Case.State.AGREED).per_year("decision_on", "decision"):
        row(entry["year"])[entry["decision"]] = entry["count"]
    deadlines = []
    for key, record in cases.deadlines_met(FIELDS).items():
        share = round(100 * record["on_time"] / record["met"]) if record["met"] else None
        deadlines.append(
            {"label": Key(key).label, **record, "late": record["met"] - record["on_time"], "share": share}
        )
    return {
        "years": [
            {**counts, "year": year, "outcomes": [counts[value] for value in Decision.values]}
            for year, counts in sorted(years.items(), reverse=True)
        ],
        "decisions": Decision.choices,
        "deadlines": deadlines,
    }
