from django.apps import AppConfig


class ActionsConfig(AppConfig):
    """Action plans: from a review's recommendations to evidenced change, owned by the agencies."""

    name = "actions"
    verbose_name = "Action plans"

    def ready(self):
        from actions import signals  # noqa: F401
