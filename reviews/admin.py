from django import forms
from django.contrib import admin
from django.db.models import Count
from django.db.models.functions import ExtractYear
from simple_history.admin import SimpleHistoryAdmin

from reviews.models import (
    BoardProfile,
    Child,
    KeyIssue,
    Lesson,
    OwnerGroup,
    PositiveFactor,
    Recommendation,
    Review,
    Service,
    Theme,
)
from reviews.publication import REVIEW, THEME_GUIDANCE
from reviews.workflow import edit_refusal
from reviews.workflow_admin import StaleSaveFormMixin, WorkflowAdminMixin


def review_editable(user, review) -> bool:
    return edit_refusal(workflow=REVIEW, obj=review, user=user) is None


class PublishedYearFilter(admin.SimpleListFilter):
    title = "year published"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = (
            Review.objects.exclude(published_on=None)
            .annotate(y=ExtractYear("published_on"))
            .values_list("y", flat=True)
            .distinct()
            .order_by("-y")
        )
        return [(str(y), str(y)) for y in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(published_on__year=int(self.value()))
        return queryset


class LockedWithReviewMixin:
    """What is inside a review can be changed only while the review itself can be."""

    def has_add_permission(self, request, obj=None):
        return review_editable(request.user, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return review_editable(request.user, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return review_editable(request.user, obj) and super().has_delete_permission(request, obj)


class ReviewChildInline(LockedWithReviewMixin):
    """Offers only the children of the review being edited when a finding is about one child."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "child":
            object_id = request.resolver_match.kwargs.get("object_id")
            queryset = Child.objects.filter(review_id=object_id) if object_id else Child.objects.none()
            kwargs["queryset"] = queryset
            kwargs["help_text"] = (
                "Leave empty when it applies to the whole review. "
                "A child added on this page can be chosen after saving once."
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ChildInline(LockedWithReviewMixin, admin.StackedInline):
    model = Child
    extra = 0
    fields = [
        ("pseudonym", "order"),
        ("age_years", "age_band", "sex"),
        ("outcome", "outcome_detail"),
        ("known_to_social_care", "child_in_need", "child_protection_plan", "looked_after"),
    ]


class KeyIssueInline(ReviewChildInline, admin.TabularInline):
    model = KeyIssue
    extra = 0
    fields = ["order", "text", "child"]


class PositiveFactorInline(ReviewChildInline, admin.TabularInline):
    model = PositiveFactor
    extra = 0
    fields = ["order", "text", "child", "practice_area"]


class LessonInline(ReviewChildInline, admin.StackedInline):
    model = Lesson
    extra = 0
    fields = [("order", "child", "practice_area"), "text", ("themes", "services")]
    filter_horizontal = []


class RecommendationInline(ReviewChildInline, admin.StackedInline):
    model = Recommendation
    extra = 0
    fields = [("order", "owner_group", "child"), "text", ("target_date", "status"), "outcome"]


class ReviewAdminForm(StaleSaveFormMixin, forms.ModelForm):
    class Meta:
        model = Review
        fields = "__all__"
        widgets = {"version": forms.HiddenInput}


@admin.register(Review)
class ReviewAdmin(WorkflowAdminMixin, SimpleHistoryAdmin):
    workflow = REVIEW
    form = ReviewAdminForm
    list_display = ["reference", "title", "kind", "state", "visibility", "published_on", "child_count"]
    list_filter = ["kind", "state", "visibility", PublishedYearFilter, "themes"]
    search_fields = ["reference", "title", "summary", "children__pseudonym"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["themes", "services"]
    date_hierarchy = "commissioned_on"
    list_per_page = 50
    save_on_top = True
    inlines = [ChildInline, KeyIssueInline, PositiveFactorInline, LessonInline, RecommendationInline]
    fieldsets = [
        (None, {"fields": ["title", "reference", "slug", "kind", "method"]}),
        (
            "Dates",
            {"fields": [("commissioned_on", "completed_on", "published_on"), ("period_start", "period_end")]},
        ),
        ("What happened", {"fields": ["summary", "why_it_matters"]}),
        ("Full report", {"fields": ["report_url", "report_file"]}),
        ("Who may read it", {"fields": ["visibility", "version"]}),
        ("Finding it", {"fields": ["themes", "services"]}),
        (
            "Publication (changed only with the buttons at the top)",
            {
                "fields": [
                    "state",
                    "not_for_publication_reason",
                    ("submitted_by", "submitted_at"),
                    ("decided_by", "decided_at"),
                    "decision_note",
                ]
            },
        ),
    ]
    readonly_fields = ["not_for_publication_reason"]  # and the workflow's own fields

    def get_queryset(self, request):
        # Distinct because searching by a child's pseudonym joins the children.
        return super().get_queryset(request).annotate(_child_count=Count("children", distinct=True))

    @admin.display(description="children", ordering="_child_count")
    def child_count(self, review):
        return review._child_count


class InUseAdminMixin:
    """A list entry that reviews or lessons use cannot be deleted; the delete page says where."""

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        refused = []
        for obj in objs:
            reviews, lessons = obj.reviews.count(), obj.lessons.count()
            if reviews or lessons:
                refused.append(
                    f"“{obj}” is used by {reviews} review{'s' * (reviews != 1)} and {lessons} "
                    f"lesson{'s' * (lessons != 1)}, so it cannot be deleted. Take it off them first, "
                    "or rename it."
                )
        return deleted, counts, perms_needed, [*refused, *protected]


@admin.register(Theme)
class ThemeAdmin(InUseAdminMixin, WorkflowAdminMixin, SimpleHistoryAdmin):
    workflow = THEME_GUIDANCE
    list_display = ["name", "slug", "guidance_state"]
    list_filter = ["guidance_state"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug"]}),
        (
            "Guidance (changed only by approving proposed guidance)",
            {
                "fields": [
                    "guidance",
                    "proposed_guidance",
                    "guidance_state",
                    ("guidance_proposed_by", "guidance_proposed_at"),
                    ("guidance_decided_by", "guidance_decided_at"),
                    "guidance_decision_note",
                ]
            },
        ),
    ]
    readonly_fields = ["guidance"]


@admin.register(Service)
class ServiceAdmin(InUseAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(OwnerGroup)
class OwnerGroupAdmin(SimpleHistoryAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


@admin.register(BoardProfile)
class BoardProfileAdmin(SimpleHistoryAdmin):
    list_display = ["name", "telephone", "email", "chair"]

    def has_add_permission(self, request):
        # One board, one profile: the database refuses a second row, so the admin does not offer one.
        return not BoardProfile.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False
