from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    """Everything the board holds, exported as one archive and restored from it."""

    name = "archive"
    verbose_name = "Board archive"
