import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.db.models.functions import ExtractYear
from simple_history.admin import SimpleHistoryAdmin

from reviews.caching import library_changes_together
from reviews.data_entry import (
    DataEntryAdminMixin,
    FindingForm,
    NextOrderForm,
    PracticeAreaFormSet,
    finding_form_for,
    reference_suggest,
)
from reviews.models import (
    BoardProfile,
    Child,
    KeyIssue,
    Lesson,
    OwnerGroup,
    PositiveFactor,
    PracticeArea,
    Recommendation,
    Review,
    Service,
    Theme,
)
from reviews.paste import findings_append, pasted_items
from reviews.publication import PUBLISH, REVIEW, THEME_GUIDANCE
from reviews.revisions import may_correct
from reviews.revisions_admin import CorrectionAdminMixin
from reviews.workflow import edit_refusal
from reviews.workflow_admin import StaleSaveFormMixin, WorkflowAdminMixin


def review_editable(user, review) -> bool:
    # A published review's rows are edited too: the save is kept as a correction to approve.
    return edit_refusal(workflow=REVIEW, obj=review, user=user) is None or may_correct(obj=review, user=user)


def own_unsubmitted_draft(user, review) -> bool:
    if review.state != Review.State.DRAFT or review.submitted_at is not None:
        return False
    first = review.history.order_by("history_date", "history_id").values_list("history_user_id", flat=True)
    return first.first() == user.pk


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


# Compact rows: a finding's text box is three lines high and fits a 1280-pixel screen.
COMPACT_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 60})}}


class ReviewChildInline(LockedWithReviewMixin):
    """A finding: its child named by pseudonym and its practice area by name (also one added in
    the same save), new rows numbered after the existing ones (``reviews.data_entry.FindingForm``)."""

    form = FindingForm
    extra = 0
    classes = ["collapse"]
    formfield_overrides = COMPACT_TEXT

    def get_formset(self, request, obj=None, **kwargs):
        data = request.POST if request.method == "POST" else None
        kwargs["form"] = finding_form_for(
            self.form, review=obj, data=data, help_once=isinstance(self, admin.StackedInline)
        )
        return super().get_formset(request, obj, **kwargs)


class ChildInline(LockedWithReviewMixin, admin.StackedInline):
    model = Child
    extra = 0
    classes = ["collapse"]
    fields = [
        ("pseudonym", "order"),
        ("age_years", "age_band", "sex"),
        ("outcome", "outcome_detail"),
        ("known_to_social_care", "child_in_need", "child_protection_plan", "looked_after"),
    ]


class PracticeAreaInline(LockedWithReviewMixin, admin.TabularInline):
    """The rows of the good practice / learning points table, chosen on each finding below."""

    model = PracticeArea
    form = NextOrderForm
    formset = PracticeAreaFormSet
    extra = 0
    classes = ["collapse"]
    fields = ["name", "order"]


class KeyIssueInline(ReviewChildInline, admin.TabularInline):
    model = KeyIssue
    fields = ["order", "text", "child"]


class PositiveFactorInline(ReviewChildInline, admin.TabularInline):
    model = PositiveFactor
    fields = ["order", "text", "child", "practice_area"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 50})}}


# Lessons and recommendations have too many parts for one row at 1280 pixels: each is a short
# block of lines instead, headed by its first words.
class LessonInline(ReviewChildInline, admin.StackedInline):
    model = Lesson
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 100})}}
    fields = [("order", "child", "practice_area"), "text", ("themes", "services")]
    autocomplete_fields = ["themes", "services"]


class RecommendationInline(ReviewChildInline, admin.StackedInline):
    model = Recommendation
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 100})}}
    fields = [("order", "owner_group", "child"), "text", ("target_date", "status"), "outcome"]
    # Progress follows the recommendation's actions (the action plan), never typed here.
    readonly_fields = ["status"]


# Each "Paste a list" box: the form field, the kind of finding it adds, and its name in messages.
PASTED = [
    ("paste_keyissues", KeyIssue, "key issues"),
    ("paste_positivefactors", PositiveFactor, "positive factors"),
    ("paste_lessons", Lesson, "lessons"),
    ("paste_recommendations", Recommendation, "recommendations"),
]
PASTE_HELP = "Paste a bulleted list from Word or a PDF: each bullet becomes one {}, after the existing ones."


def paste_box(noun):
    return forms.CharField(
        required=False,
        label=f"Paste a list of {noun}",
        widget=forms.Textarea(attrs={"rows": 3, "cols": 50}),
        help_text=PASTE_HELP.format(noun.rstrip("s")),
    )


class ReviewAdminForm(StaleSaveFormMixin, forms.ModelForm):
    paste_keyissues = paste_box("key issues")
    paste_positivefactors = paste_box("positive factors")
    paste_lessons = paste_box("lessons")
    paste_recommendations = paste_box("recommendations")
    paste_owner_group = forms.ModelChoiceField(
        OwnerGroup.objects.all(),
        required=False,
        label="Owner of the pasted recommendations",
        help_text="Who must act on them; each can be changed afterwards.",
    )

    class Meta:
        model = Review
        fields = "__all__"
        widgets = {"version": forms.HiddenInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "reference" in self.fields:
            self.fields["reference"].required = False
            self.fields["reference"].help_text = (
                "The board's own reference. Leave empty for the next free one of the kind and year "
                "the review was completed, e.g. LCSPR-2026-03."
            )

    def clean(self):
        cleaned = super().clean()
        if "reference" in self.fields and not cleaned.get("reference") and cleaned.get("kind"):
            when = cleaned.get("completed_on") or cleaned.get("commissioned_on") or datetime.date.today()
            cleaned["reference"] = reference_suggest(kind=cleaned["kind"], year=when.year)
        self.pasted = {}
        for name, model, _ in PASTED:
            items = pasted_items(cleaned.get(name, ""))
            for item in items:
                try:
                    model._meta.get_field("text").clean(item, None)
                except ValidationError as error:
                    self.add_error(name, f"“{item[:60]}…”: {' '.join(error.messages)}")
            self.pasted[name] = items
        if self.pasted.get("paste_recommendations") and not cleaned.get("paste_owner_group"):
            self.add_error("paste_owner_group", "Choose who must act on the pasted recommendations.")
        return cleaned


@admin.register(Review)
class ReviewAdmin(DataEntryAdminMixin, CorrectionAdminMixin, WorkflowAdminMixin, SimpleHistoryAdmin):
    workflow = REVIEW
    form = ReviewAdminForm
    # Fits 1280 px beside the navigation and the filters; who may read it is a filter.
    list_display = ["reference", "title", "kind", "state", "published_on", "child_count"]
    list_filter = ["kind", "state", "visibility", PublishedYearFilter, "themes"]
    search_fields = ["reference", "title", "summary", "children__pseudonym"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["themes", "services"]
    date_hierarchy = "commissioned_on"
    list_per_page = 50
    save_on_top = True
    inlines = [
        ChildInline,
        PracticeAreaInline,
        KeyIssueInline,
        PositiveFactorInline,
        LessonInline,
        RecommendationInline,
    ]
    fieldsets = [
        (None, {"fields": ["title", "reference", "slug", "kind", "method"]}),
        (
            "Dates",
            {
                "fields": [
                    ("commissioned_on", "commissioned_precision"),
                    ("completed_on", "completed_precision"),
                    ("published_on", "published_precision"),
                    ("period_start", "period_end"),
                ]
            },
        ),
        ("What happened", {"fields": ["summary", "why_it_matters", "what_to_do", "questions_contact"]}),
        ("Full report", {"fields": ["report_url", "report_file"]}),
        ("Who may read it", {"fields": ["visibility", "show_progress_publicly", "version"]}),
        ("Finding it", {"fields": ["themes", "services"]}),
        ("If the board decides not to publish it", {"fields": ["public_note"]}),
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

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if request.user.has_perm(PUBLISH):
            return allowed  # a board manager: any review the workflow lets go
        # An officer: one review at a time, and only a draft they started that was never submitted.
        return allowed and obj is not None and own_unsubmitted_draft(request.user, obj)

    def get_queryset(self, request):
        # Distinct because searching by a child's pseudonym joins the children.
        return super().get_queryset(request).annotate(_child_count=Count("children", distinct=True))

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self.has_change_permission(request, obj):
            return fieldsets
        pasting = [
            [name for name, _, _ in PASTED[:2]],
            [name for name, _, _ in PASTED[2:]],
            "paste_owner_group",
        ]
        # Last, just above the lists of findings it adds to.
        return [*fieldsets, ("Paste a list", {"fields": pasting})]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if initial.get("kind") in Review.Kind.values and not initial.get("reference"):
            initial["reference"] = reference_suggest(kind=initial["kind"], year=datetime.date.today().year)
        return initial

    def save_related(self, request, form, formsets, change):
        with library_changes_together():  # every finding saved, then the review counted once
            self._save_related(request, form, formsets, change)

    def _save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for name, model, noun in PASTED:
            texts = getattr(form, "pasted", {}).get(name)
            if not texts:
                continue
            extra = {"owner_group": form.cleaned_data["paste_owner_group"]} if model is Recommendation else {}
            findings_append(review=form.instance, model=model, texts=texts, **extra)
            messages.info(
                request, f"{len(texts)} {noun if len(texts) != 1 else noun[:-1]} added from the pasted list."
            )

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
