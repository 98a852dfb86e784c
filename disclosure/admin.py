from django.contrib import admin
from django.urls import path
from simple_history.admin import SimpleHistoryAdmin

from disclosure import pages
from disclosure.models import DisclosureAcceptance, Term


@admin.register(Term)
class TermAdmin(SimpleHistoryAdmin):
    list_display = ["text", "kind", "note"]
    list_filter = ["kind"]
    search_fields = ["text", "note"]


@admin.register(DisclosureAcceptance)
class DisclosureAcceptanceAdmin(SimpleHistoryAdmin):
    """Read only: an acceptance is recorded on the approval page, by the approver, with a reason."""

    list_display = ["target", "accepted_by", "accepted_at", "reason"]
    list_select_related = ["accepted_by", "content_type"]
    readonly_fields = ["content_type", "object_id", "findings", "reason", "accepted_by", "accepted_at"]
    exclude = ["fingerprint"]
    change_list_template = "disclosure/acceptance_change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        site = self.admin_site
        return [
            path("published/", lambda r: pages.published_view(r, site), name="disclosure_published"),
            path(
                "check/<int:content_type_id>/<int:object_id>/",
                lambda r, **kw: pages.check_view(r, site, **kw),
                name="disclosure_check",
            ),
            path(
                "accept/<int:content_type_id>/<int:object_id>/",
                lambda r, **kw: pages.accept_view(r, site, **kw),
                name="disclosure_accept",
            ),
            *super().get_urls(),
        ]
