"""Officers enter and edit cases in the admin, the project's data-entry idiom; the decision goes
through the four-eyes workflow's buttons (``cases.workflow``)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from cases.deadlines import case_deadlines
from cases.models import Case, CaseAgency, CaseChild, CaseSettings, ProgressCheck, ReminderSent
from cases.models.people import FIFTH_CHILD, MAX_CHILDREN
from cases.services import case_settings_save
from cases.workflow import DECISION
from reviews.workflow_admin import WorkflowAdminMixin

DECISION_FIELDS = ("decision", "decision_on", "decision_reasons")


class ChildrenFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [f for f in self.forms if f.has_changed() or f.instance.pk]
        kept = [f for f in kept if not (self.can_delete and self._should_delete_form(f))]
        if len(kept) > MAX_CHILDREN:
            raise ValidationError(FIFTH_CHILD)


class CaseChildInline(admin.TabularInline):
    model = CaseChild
    formset = ChildrenFormSet
    extra = 1
    max_num = MAX_CHILDREN
    fields = ["pseudonym", "age_years", "age_band", "sex", "outcome", "looked_after"]


class CaseAgencyInline(admin.TabularInline):
    model = CaseAgency
    extra = 1
    autocomplete_fields = ["service"]


class ProgressCheckInline(admin.TabularInline):
    model = ProgressCheck
    extra = 0


@admin.register(Case)
class CaseAdmin(WorkflowAdminMixin, SimpleHistoryAdmin):
    workflow = DECISION
    list_display = ["reference", "incident", "aware_on", "next_due_on", "decision_state", "is_open"]
    list_filter = ["is_open", "decision_state", "decision", "incident"]
    search_fields = ["reference"]
    autocomplete_fields = ["review"]
    inlines = [CaseChildInline, CaseAgencyInline, ProgressCheckInline]
    fieldsets = [
        (
            "Serious incident",
            {"fields": ["reference", "incident", "aware_on", "notified_on", "partners_told_on", "outline"]},
        ),
        (
            "Rapid review",
            {"fields": ["rapid_review_on", "key_practice_episodes", "immediate_actions", "learning_so_far"]},
        ),
        (
            "Decision",
            {
                "fields": [
                    *DECISION_FIELDS,
                    "decision_state",
                    "decision_proposed_by",
                    "decision_decided_by",
                    "decision_note",
                ],
                "description": "Record the decision and its reasons, then propose it with the button above: "
                "a board manager other than you agrees it.",
            },
        ),
        ("The panel's response", {"fields": ["panel_response_on", "panel_agreed", "panel_response"]}),
        (
            "Local review (LCSPR)",
            {
                "fields": [
                    "reviewer",
                    "method",
                    "terms_of_reference",
                    "commissioned_on",
                    "draft_received_on",
                    "final_received_on",
                    "sent_to_panel_on",
                    "published_on",
                    "publication_withheld",
                    "withheld_reasons",
                    "improvements_published_on",
                    "review",
                ]
            },
        ),
        ("Statutory deadlines (worked out from the dates above)", {"fields": ["deadlines"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "deadlines"]
        # A proposed or agreed decision changes only through the workflow (send back, reopen).
        if obj is not None and obj.decision_state != Case.State.RECORDING:
            readonly += [f for f in DECISION_FIELDS if f not in readonly]
        return readonly

    @admin.display(description="deadlines")
    def deadlines(self, case):
        rows = case_deadlines(case) if case.pk else []
        if not rows:
            return "Worked out once the dates are entered and saved."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}: due {} ({}). {}.</li>",
                ((d.label, f"{d.due_on:%d %B %Y}", d.basis, d.status()) for d in rows),
            ),
        )


@admin.register(CaseSettings)
class CaseSettingsAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request):
        return super().has_add_permission(request) and not CaseSettings.objects.exists()

    def save_model(self, request, obj, form, change):
        case_settings_save(settings=obj, by=request.user)


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ["case", "deadline", "status", "due_on", "recipients", "sent_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
