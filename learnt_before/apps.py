from django.apps import AppConfig


class LearntBeforeConfig(AppConfig):
    """Earlier lessons like a new one: the same learning found again."""

    name = "learnt_before"
    verbose_name = "Learnt before"

    def ready(self):
        from learnt_before import signals

        signals.connect()
