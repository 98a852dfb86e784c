from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
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
from reviews.publication import TRANSITIONS, refusal, review_editable, review_transition, transitions_allowed


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


class ReviewAdminForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = "__all__"
        widgets = {"version": forms.HiddenInput}

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            # Locked until the save commits, so two saves cannot both pass this check.
            current = (
                Review.objects.select_for_update()
                .filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if current is not None and cleaned.get("version") != current:
                raise ValidationError(
                    "Someone else changed this review while you were editing it, so your changes were "
                    "not saved. Your changes are still in the form below: copy what you need, open the "
                    "review again to see the other changes, and make yours there."
                )
        return cleaned


class TransitionForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Kept with the review's history.",
    )


@admin.register(Review)
class ReviewAdmin(SimpleHistoryAdmin):
    form = ReviewAdminForm
    change_form_template = "admin/reviews/review/change_form.html"
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
    readonly_fields = [
        "state",
        "not_for_publication_reason",
        "submitted_by",
        "submitted_at",
        "decided_by",
        "decided_at",
        "decision_note",
    ]

    def has_change_permission(self, request, obj=None):
        return review_editable(request.user, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return review_editable(request.user, obj) and super().has_delete_permission(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["transitions"] = transitions_allowed(review=obj, user=request.user)
            if not review_editable(request.user, obj):
                context["locked_message"] = (
                    f"This review is {obj.get_state_display().lower()}, "
                    "so only a board manager can change it."
                )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/transition/<str:name>/",
                self.admin_site.admin_view(self.transition_view),
                name="reviews_review_transition",
            ),
            *super().get_urls(),
        ]

    def transition_view(self, request, object_id, name):
        review = get_object_or_404(Review, pk=object_id)
        if not self.has_view_permission(request, review):
            raise PermissionDenied
        transition = TRANSITIONS.get(name)
        if transition is None:
            messages.error(request, "That action does not exist.")
            return redirect("admin:reviews_review_change", review.pk)
        form = TransitionForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                review_transition(
                    review=review, name=name, by=request.user, reason=form.cleaned_data["reason"]
                )
            except (PermissionDenied, ValidationError) as refused:
                messages.error(request, " ".join(getattr(refused, "messages", [str(refused)])))
            else:
                messages.success(request, f"Done: “{transition.label}” for {review.reference}.")
                return redirect("admin:reviews_review_change", review.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"{transition.label}: {review}",
            "review": review,
            "transition": transition,
            "form": form,
            "refused": refusal(transition, review, request.user),
            "change_url": reverse("admin:reviews_review_change", args=[review.pk]),
        }
        return TemplateResponse(request, "admin/reviews/review/transition.html", context)

    def get_queryset(self, request):
        # Distinct because searching by a child's pseudonym joins the children.
        return super().get_queryset(request).annotate(_child_count=Count("children", distinct=True))

    @admin.display(description="children", ordering="_child_count")
    def child_count(self, review):
        return review._child_count


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
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
