from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The read-only open-data API of published, public learning."""

    name = "api"
