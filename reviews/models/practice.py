"""A review's practice areas: the rows of its good practice / learning points table.

Kept as a list per review so that a positive factor and a lesson are put in one row by
choosing the same area, not by typing the same words twice.
"""

from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from reviews.models.review import Review


class PracticeArea(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="practice_areas")
    name = models.CharField(max_length=120, help_text="e.g. “Transition issues”.")
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "practice area (row of the good practice / learning points table)"
        verbose_name_plural = "practice areas (rows of the good practice / learning points table)"
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                "review",
                name="practice_area_once_per_review",
                violation_error_message="This review already has a practice area with that name.",
            ),
        ]

    def __str__(self):
        return self.name
