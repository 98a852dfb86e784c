"""What the API prints of each thing: only what its public web page shows.

Field names are part of the API's promise (``/api/v1/``): add fields, never rename or remove
one within a version. Texts the board writes are Markdown, as typed. ``url`` is always the
absolute address of the public web page, ``api_url`` that of the API's own detail.

A review prints what /reviews/<slug>/ prints: never the reasons for not publishing, decision
notes, who entered or approved it, a recommendation's target date or outcome, or a child's
sex (the page shows a child's pseudonym, age, outcome and involvement with services only).
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from reviews.library import KINDS_BY_KEY
from reviews.models import (
    Recommendation,
    Review,
)
from reviews.templatetags.review_tags import as_entered, machine_date


def absolute(request, path):
    return request.build_absolute_uri(path) if path else None


@extend_schema_field(OpenApiTypes.URI)
class AbsoluteUrlField(serializers.Field):
    """The absolute address of the object's public web page (``get_absolute_url``)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        return absolute(self.context["request"], instance.get_absolute_url())


@extend_schema_field(OpenApiTypes.URI)
class ApiUrlField(serializers.Field):
    """The absolute address of the object in this API."""

    def __init__(self, view_name, lookup="slug", **kwargs):
        self.view_name, self.lookup = view_name, lookup
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        request = self.context["request"]
        return reverse(self.view_name, kwargs={self.lookup: getattr(instance, self.lookup)}, request=request)


@extend_schema_field(
    {
        "type": "object",
        "nullable": True,
        "properties": {
            "date": {"type": "string", "example": "2017-01"},
            "precision": {"type": "string", "enum": ["day", "month", "year", "financial_year"]},
            "text": {"type": "string", "example": "January 2017"},
        },
    }
)
class EnteredDateField(serializers.Field):
    """A date only as precise as it was entered.

    {"date": "2017-01", "precision": "month", "text": "January 2017"}; "date" is as in HTML's <time>.
    """

    def __init__(self, name, **kwargs):
        self.date_name = name
        super().__init__(source="*", read_only=True, allow_null=True, **kwargs)

    def to_representation(self, review):
        date = getattr(review, f"{self.date_name}_on")
        if date is None:
            return None
        precision = getattr(review, f"{self.date_name}_precision") or Review.Precision.DAY
        return {
            "date": machine_date(date, precision),
            "precision": precision,
            "text": as_entered(date, precision),
        }


# --- Controlled lists -------------------------------------------------------------------------------


class TagSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)


class ThemeSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)
    guidance = serializers.CharField(read_only=True, help_text="The board's approved guidance (Markdown).")
    lesson_count = serializers.SerializerMethodField(help_text="Published public lessons on it.")
    url = AbsoluteUrlField()
    api_url = ApiUrlField("api:theme-detail")

    def get_lesson_count(self, theme) -> int:
        return self.context["lesson_counts"].get(theme.pk, 0)


class ServiceSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)
    api_url = ApiUrlField("api:service-detail")
    lessons_api_url = serializers.SerializerMethodField()

    def get_lessons_api_url(self, service) -> str:
        return reverse("api:lesson-list", request=self.context["request"]) + f"?service={service.slug}"


class OwnerGroupSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    api_url = ApiUrlField("api:owner-group-detail", lookup="pk")


# --- Children and findings ------------------------------------------------------------------------


class ChildSerializer(serializers.Serializer):
    pseudonym = serializers.CharField(read_only=True)
    label = serializers.CharField(
        read_only=True, help_text="As the page names the child: “Child M, 6: died”."
    )
    age = serializers.CharField(source="age_display", read_only=True)
    outcome = serializers.CharField(source="outcome_words", read_only=True)
    known_to_social_care = serializers.BooleanField(read_only=True)
    child_in_need = serializers.SerializerMethodField()
    child_protection_plan = serializers.SerializerMethodField()
    looked_after = serializers.SerializerMethodField()

    # The page names these only for a child known to children's social care.
    def get_child_in_need(self, child) -> bool:
        return child.known_to_social_care and child.child_in_need

    def get_child_protection_plan(self, child) -> bool:
        return child.known_to_social_care and child.child_protection_plan

    def get_looked_after(self, child) -> bool:
        return child.known_to_social_care and child.looked_after


class ReviewLinkSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    reference = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    url = AbsoluteUrlField()
    api_url = ApiUrlField("api:review-detail")


class FindingSerializer(serializers.Serializer):
    """A key issue, good practice, lesson or recommendation; ``review`` only in lists of findings."""

    kind_key = ""
    id = serializers.IntegerField(read_only=True)
    text = serializers.CharField(read_only=True, help_text="Markdown, as the board wrote it.")
    child = serializers.CharField(
        source="child.pseudonym",
        read_only=True,
        allow_null=True,
        help_text="Pseudonym, if about one child.",
    )
    url = serializers.SerializerMethodField(help_text="Its place on the review's public page.")
    api_url = serializers.SerializerMethodField()
    review = ReviewLinkSerializer(read_only=True)

    def __init__(self, *args, in_review=False, **kwargs):
        super().__init__(*args, **kwargs)
        if in_review:
            self.fields.pop("review")

    def get_url(self, finding) -> str:
        anchor = f"lesson-{finding.pk}" if self.kind_key == "lesson" else KINDS_BY_KEY[self.kind_key].anchor
        path = Review(slug=finding.review.slug).get_absolute_url() if finding.review_id else None
        return absolute(self.context["request"], f"{path}#{anchor}")

    def get_api_url(self, finding) -> str:
        name = self.kind_key.replace("_", "-")
        return reverse(f"api:{name}-detail", kwargs={"pk": finding.pk}, request=self.context["request"])


class KeyIssueSerializer(FindingSerializer):
    kind_key = "key_issue"


class PositiveFactorSerializer(FindingSerializer):
    kind_key = "good_practice"
    practice_area = serializers.CharField(source="practice_area.name", read_only=True, allow_null=True)

    def get_api_url(self, finding) -> str:
        return reverse(
            "api:positive-factor-detail", kwargs={"pk": finding.pk}, request=self.context["request"]
        )


class LessonSerializer(FindingSerializer):
    kind_key = "lesson"
    practice_area = serializers.CharField(source="practice_area.name", read_only=True, allow_null=True)
    themes = TagSerializer(many=True, read_only=True)
    services = TagSerializer(many=True, read_only=True)


class RecommendationSerializer(FindingSerializer):
    kind_key = "recommendation"
    owner_group = OwnerGroupSerializer(read_only=True)
    progress = serializers.SerializerMethodField(
        help_text="Only where the board shows the review's progress publicly; otherwise null."
    )

    def get_progress(self, recommendation) -> dict | None:
        if not recommendation.review.show_progress_publicly:
            return None
        not_implemented = recommendation.status == Recommendation.Status.NOT_IMPLEMENTED
        return {
            "status": recommendation.status,
            "status_label": recommendation.get_status_display(),
            "not_implemented_reason": recommendation.not_implemented_reason if not_implemented else "",
        }


# --- Reviews ----------------------------------------------------------------------------------------


class ReviewSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    reference = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    kind = serializers.ChoiceField(choices=Review.Kind.choices, read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    method = serializers.CharField(read_only=True)
    commissioned = EnteredDateField("commissioned")
    completed = EnteredDateField("completed")
    published = EnteredDateField("published")
    period_covered = serializers.SerializerMethodField()
    themes = TagSerializer(many=True, read_only=True)
    services = TagSerializer(many=True, read_only=True)
    url = AbsoluteUrlField()
    api_url = ApiUrlField("api:review-detail")
    briefing_url = serializers.SerializerMethodField(help_text="The 7-minute briefing's web page.")
    report_url = serializers.SerializerMethodField(help_text="The full report, where there is one.")

    def get_period_covered(self, review) -> dict | None:
        # As the page shows it: months, and only when both ends are known.
        if not (review.period_start and review.period_end):
            return None
        return {"from": review.period_start.strftime("%Y-%m"), "to": review.period_end.strftime("%Y-%m")}

    def get_briefing_url(self, review) -> str:
        return absolute(
            self.context["request"], reverse("briefings:review_briefing", kwargs={"slug": review.slug})
        )

    def get_report_url(self, review) -> str | None:
        if review.report_file:
            return absolute(
                self.context["request"], reverse("reviews:review_report", kwargs={"slug": review.slug})
            )
        return review.report_url or None


class ReviewDetailSerializer(ReviewSerializer):
    background = serializers.CharField(source="summary", read_only=True, help_text="Markdown.")
    why_it_matters = serializers.CharField(read_only=True, help_text="Markdown.")
    children = ChildSerializer(many=True, read_only=True)
    key_issues = KeyIssueSerializer(source="keyissues", many=True, read_only=True, in_review=True)
    positive_factors = PositiveFactorSerializer(
        source="positivefactors", many=True, read_only=True, in_review=True
    )
    lessons = LessonSerializer(many=True, read_only=True, in_review=True)
    recommendations = RecommendationSerializer(many=True, read_only=True, in_review=True)
