from django.apps import AppConfig


class InsightConfig(AppConfig):
    """Statistics over published reviews, with charts and their data."""

    name = "insight"
