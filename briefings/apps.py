from django.apps import AppConfig


class BriefingsConfig(AppConfig):
    name = "briefings"
    verbose_name = "Newsletters and briefings"

    def ready(self):
        from briefings import signals

        signals.connect()
