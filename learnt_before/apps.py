from django.apps import AppConfig


class LearntBeforeConfig(AppConfig):
    """Earlier lessons like a new one: the same learning found again."""

    name = "learnt_before"
