"""What a review learnt: key issues, positive factors, lessons and recommendations.

Each is ordered within its review and may be about one child of it.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from reviews.markdown import validate_markdown
from reviews.models.bounds import FINDING, length_at_most
from reviews.models.lists import OwnerGroup, Service, Theme
from reviews.models.practice import PracticeArea
from reviews.models.review import Child, Review
from reviews.querysets import FindingQuerySet

PRACTICE_AREA_HELP = (
    "Optional row of the good practice / learning points table: one of this review's practice "
    "areas (listed above). Choose the same area for the positive factor and the lesson that belong together."
)


def practice_area_field():
    return models.ForeignKey(
        PracticeArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="%(class)ss",
        help_text=PRACTICE_AREA_HELP,
    )


class Finding(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="%(class)ss")
    child = models.ForeignKey(
        Child,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="%(class)ss",
        help_text="Leave empty when it applies to the whole review.",
    )
    text = models.TextField(
        max_length=FINDING,
        validators=[validate_markdown],
        help_text="Markdown: * for bullets, a blank line between paragraphs.",
    )
    order = models.PositiveSmallIntegerField(default=0)
    # Ranked search on PostgreSQL: the finding's words weighted above its review's title, why it
    # matters and background, kept current by reviews.search. Stays empty on SQLite, which
    # matches words instead.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = FindingQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "id"]
        constraints = [
            length_at_most("text", FINDING, name="%(app_label)s_%(class)s_text_length", label="The text"),
        ]

    def __str__(self):
        # The first words: a summary line above the row in the admin, and in the history.
        words = self.text.split()
        return " ".join(words[:12]) + (" …" if len(words) > 12 else "")

    def clean(self):
        super().clean()
        if self.child_id and self.review_id and self.child.review_id != self.review_id:
            raise ValidationError({"child": "Choose a child from this review."})
        area = getattr(self, "practice_area", None)
        if area is not None and self.review_id and area.review_id != self.review_id:
            raise ValidationError({"practice_area": "Choose a practice area of this review."})


def search_index(name):
    return GinIndex(fields=["search_vector"], name=f"{name}_search_vector_gin")


class KeyIssue(Finding):
    history = HistoricalRecords(excluded_fields=["search_vector"])

    class Meta(Finding.Meta):
        verbose_name = "key issue"
        indexes = [search_index("keyissue")]


class PositiveFactor(Finding):
    practice_area = practice_area_field()

    history = HistoricalRecords(excluded_fields=["search_vector"])

    class Meta(Finding.Meta):
        verbose_name = "positive factor (good practice)"
        verbose_name_plural = "positive factors (good practice)"
        indexes = [search_index("positive")]


class Lesson(Finding):
    practice_area = practice_area_field()
    themes = models.ManyToManyField(Theme, blank=True, related_name="lessons")
    services = models.ManyToManyField(
        Service, blank=True, related_name="lessons", verbose_name="applicable services"
    )
    history = HistoricalRecords(m2m_fields=[themes, services], excluded_fields=["search_vector"])

    class Meta(Finding.Meta):
        verbose_name = "lesson learned"
        verbose_name_plural = "lessons learned"
        indexes = [search_index("lesson")]


class Recommendation(Finding):
    class Status(models.TextChoices):
        """How far the recommendation's actions have got, kept in step by the action plan.

        Red, amber or green is never stored: it is computed from each action's dates.
        """

        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETE = "complete", "Complete"
        NOT_IMPLEMENTED = "not_implemented", "Not implemented"

    owner_group = models.ForeignKey(
        OwnerGroup,
        on_delete=models.PROTECT,
        related_name="recommendations",
        verbose_name="owner",
        help_text="Who must act on it: all agencies, one agency or a board sub-group.",
    )
    target_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        "progress",
        max_length=20,
        choices=Status,
        default=Status.NOT_STARTED,
        help_text="Follows its actions: complete once every action is signed off or accepted as not "
        "implemented.",
    )
    outcome = models.TextField(
        blank=True,
        max_length=FINDING,
        help_text="What changed as a result. Required before the recommendation is complete.",
    )
    not_implemented_reason = models.TextField(
        blank=True,
        max_length=FINDING,
        help_text="Why the board accepted that it is not implemented; shown publicly when the review "
        "shows its progress.",
    )

    history = HistoricalRecords(excluded_fields=["search_vector"])

    class Meta(Finding.Meta):
        verbose_name = "recommendation / key action"
        verbose_name_plural = "recommendations / key actions"
        indexes = [search_index("recommend")]
        constraints = [
            *Finding.Meta.constraints,
            length_at_most("outcome", FINDING, name="recommendation_outcome_length", label="The outcome"),
            length_at_most(
                "not_implemented_reason",
                FINDING,
                name="recommendation_not_implemented_reason_length",
                label="The reason",
            ),
            models.CheckConstraint(
                condition=~Q(status="complete") | ~Q(outcome=""),
                name="recommendation_complete_has_outcome",
                violation_error_message="Record the outcome before marking a recommendation complete.",
            ),
            models.CheckConstraint(
                condition=~Q(status="not_implemented") | ~Q(not_implemented_reason=""),
                name="recommendation_not_implemented_has_reason",
                violation_error_message="Record why the recommendation is not implemented.",
            ),
        ]


# The kinds of finding by their keys in the library (reviews/library.py KINDS): what the kept
# counts (reviews/caching.py) and the search index (reviews/search_index.py) count them by.
FINDING_MODELS = {
    "key_issue": KeyIssue,
    "good_practice": PositiveFactor,
    "lesson": Lesson,
    "recommendation": Recommendation,
}
