from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from accounts.forms import UserAdminChangeForm, UserAdminCreationForm
from accounts.models import User
from accounts.services import staff_flag_sync, user_invite


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, BaseUserAdmin):
    form = UserAdminChangeForm
    add_form = UserAdminCreationForm
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "organisation", "role_names", "is_active"]
    list_filter = ["groups", "is_staff", "is_active"]
    search_fields = ["email", "first_name", "last_name", "organisation"]
    actions = ["invite"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Personal details", {"fields": ["first_name", "last_name", "organisation"]}),
        (
            "Role",
            {
                "fields": ["is_active", "groups"],
                "description": "Board officers and board managers can use this administration; "
                "practitioners read partner-only content on the site.",
            },
        ),
        ("Administrator only", {"classes": ["collapse"], "fields": ["is_superuser", "user_permissions"]}),
        ("Important dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "usable_password", "password1", "password2"],
                "description": "To invite a colleague, choose “Password-based authentication: Disabled”, "
                "save, give them a role, then use the “Send an invitation” action: "
                "they choose their own password.",
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description="role")
    def role_names(self, user):
        return ", ".join(group.name for group in user.groups.all()) or "–"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        staff_flag_sync(user=form.instance)

    @admin.action(description="Send an invitation to choose a password")
    def invite(self, request, queryset):
        for user in queryset.filter(is_active=True):
            user_invite(user=user, request=request)
        self.message_user(
            request, f"Invitations sent: {queryset.filter(is_active=True).count()}.", messages.SUCCESS
        )
