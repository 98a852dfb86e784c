"""The action plan in the admin: officers enter actions; managers sign them off with the shared
workflow's buttons and confirmation page (``reviews.workflow_admin``)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from actions.models import (
    Action,
    BoardResponse,
    Dissemination,
    OwnerMembership,
    PlanSettings,
    ProgressUpdate,
    Reminder,
)
from actions.services import board_response_publish, board_response_words_changed
from actions.workflow import ACTION
from reviews.workflow_admin import WorkflowAdminMixin


class ProgressUpdateInline(admin.StackedInline):
    model = ProgressUpdate
    extra = 0
    fields = [("written_on", "by"), "note", ("link", "evidence")]
    readonly_fields = ["by"]

    def has_change_permission(self, request, obj=None):
        return False  # an owner's report is theirs: it is kept as written

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Action)
class ActionAdmin(WorkflowAdminMixin, SimpleHistoryAdmin):
    workflow = ACTION
    list_display = ["__str__", "review", "owner_group", "lead", "target_date", "rag", "state"]
    list_filter = ["state", "at_risk", "owner_group", "recommendation__review"]
    list_select_related = ["recommendation__review", "owner_group", "lead"]
    search_fields = ["text", "recommendation__text", "recommendation__review__title"]
    autocomplete_fields = ["lead"]
    raw_id_fields = ["recommendation"]
    date_hierarchy = "target_date"
    inlines = [ProgressUpdateInline]
    fieldsets = [
        (None, {"fields": ["recommendation", "text", ("owner_group", "lead"), ("target_date", "at_risk")]}),
        (
            "Sign-off",
            {
                "fields": [
                    "outcome",
                    "submitted_by",
                    "submitted_at",
                    "decided_by",
                    "decided_at",
                    "decision_note",
                ]
            },
        ),
    ]

    @admin.display(description="review", ordering="recommendation__review__title")
    def review(self, action):
        return action.recommendation.review

    @admin.display(description="RAG")
    def rag(self, action):
        rag = action.rag(timezone.localdate(), PlanSettings.amber())
        return format_html('<span class="rag rag-{}">{}</span>', rag, rag.upper() if rag != "done" else "—")

    def get_readonly_fields(self, request, obj=None):
        # The outcome is recorded by signing off, not typed beforehand.
        return [*super().get_readonly_fields(request, obj), "outcome"]

    def save_formset(self, request, form, formset, change):
        for update in formset.save(commit=False):
            update.by_id = update.by_id or request.user.pk
            update.full_clean()
            update.save()


@admin.register(OwnerMembership)
class OwnerMembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "owner_group"]
    list_filter = ["owner_group"]
    autocomplete_fields = ["user"]
    search_fields = ["user__email", "user__last_name", "owner_group__name"]


@admin.register(PlanSettings)
class PlanSettingsAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request):
        return super().has_add_permission(request) and not PlanSettings.objects.exists()


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["action", "due", "target_date", "sent_to", "sent_at"]
    list_filter = ["due"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def _words(response):
    fields = BoardResponse._meta.concrete_fields
    return [getattr(response, f.attname) for f in fields if not f.name.startswith("publish")]


@admin.register(BoardResponse)
class BoardResponseAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "responded_on", "published"]
    list_filter = ["kind", "published"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["reviews", "themes"]
    readonly_fields = ["published", "published_by"]
    actions = ["publish_selected", "unpublish_selected"]

    @admin.action(description="Publish on the review and theme pages", permissions=["publish"])
    def publish_selected(self, request, queryset):
        published = 0
        for response in queryset:
            try:
                board_response_publish(response=response, by=request.user)
            except PermissionDenied as refusal:
                messages.error(request, f"“{response.title}”: {refusal}")
            else:
                published += 1
        if published:
            messages.success(request, f"{published} response(s) published.")

    @admin.action(description="Take off the public pages", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        for response in queryset:
            board_response_publish(response=response, by=request.user, published=False)
        messages.success(request, f"{len(queryset)} response(s) taken off the public pages.")

    def has_publish_permission(self, request):
        return request.user.has_perm("actions.publish_boardresponse")

    def save_model(self, request, obj, form, change):
        if change:
            current = BoardResponse.objects.get(pk=obj.pk)
            # Only the publishing service shows a response: reverting to a version that was
            # published never brings that back, and new words (typed or reverted) take it off.
            obj.published, obj.published_by = current.published, current.published_by
            changed = form.has_changed() or _words(obj) != _words(current)
            if changed and board_response_words_changed(obj):
                messages.warning(
                    request,
                    "This response was on the public pages. Changed, it is taken off them until another "
                    "board manager publishes it again.",
                )
        super().save_model(request, obj, form, change)


@admin.register(Dissemination)
class DisseminationAdmin(SimpleHistoryAdmin):
    list_display = ["review", "agency", "team", "discussed_on", "staff_count"]
    list_filter = ["agency"]
    search_fields = ["team", "agency", "review__title"]
    list_select_related = ["review"]
