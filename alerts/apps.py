from django.apps import AppConfig


class AlertsConfig(AppConfig):
    """Atom feeds and e-mail alerts of newly published learning."""

    name = "alerts"
