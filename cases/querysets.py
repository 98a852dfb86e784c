"""Reads of cases. Cases are for board staff only: who may see them is decided in ``cases.access``."""

from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(is_open=True)

    def whats_due(self):
        """Open cases, the nearest statutory date first (overdue ones come first by being earliest)."""
        return self.open().order_by(F("next_due_on").asc(nulls_last=True), "reference")

    def per_year(self, date_field: str, *group):
        """How many cases have ``date_field`` in each year, grouped further by ``group`` fields."""
        return (
            self.filter(**{f"{date_field}__isnull": False})
            .annotate(year=ExtractYear(date_field))
            .values("year", *group)
            .annotate(count=Count("id"))
            .order_by("year", *group)
        )

    def deadlines_met(self, fields: dict) -> dict:
        """For each deadline (key: (due field, done field)), how many were met, and how many on time.

        One query for every deadline, however many cases there are.
        """
        counts = {}
        for key, (due_field, done_field) in fields.items():
            met = Q(**{f"{done_field}__isnull": False, f"{due_field}__isnull": False})
            counts[f"{key}_met"] = Count("id", filter=met)
            counts[f"{key}_on_time"] = Count("id", filter=met & Q(**{f"{done_field}__lte": F(due_field)}))
        totals = self.aggregate(**counts)
        return {key: {"met": totals[f"{key}_met"], "on_time": totals[f"{key}_on_time"]} for key in fields}
