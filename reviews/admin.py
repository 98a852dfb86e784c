from django.contrib import admin
from django.db.models import Count
from django.db.models.functions import ExtractYear

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

admin.site.site_header = "Case review administration"
admin.site.site_title = "Case reviews"
admin.site.index_title = "Reviews, lessons and publications"


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


class ReviewChildInline:
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


class ChildInline(admin.StackedInline):
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


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
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
        ("Publication", {"fields": ["state", "not_for_publication_reason", "visibility"]}),
        ("Finding it", {"fields": ["themes", "services"]}),
    ]

    def get_queryset(self, request):
        # Distinct because searching by a child's pseudonym joins the children.
        return super().get_queryset(request).annotate(_child_count=Count("children", distinct=True))

    @admin.display(description="children", ordering="_child_count")
    def child_count(self, review):
        return review._child_count


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(OwnerGroup)
class OwnerGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


@admin.register(BoardProfile)
class BoardProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "telephone", "email", "chair"]

    def has_add_permission(self, request):
        # One board, one profile: the database refuses a second row, so the admin does not offer one.
        return not BoardProfile.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False
