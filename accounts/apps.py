from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and roles"
    default = True

    def ready(self):
        from accounts import signals

        signals.connect()


class BoardAdminConfig(admin_apps.AdminConfig):
    """The Django admin, on a site that asks staff for their second factor when the setting says so."""

    default = False
    default_site = "accounts.admin_site.BoardAdminSite"
