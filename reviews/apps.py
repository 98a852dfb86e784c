from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Case reviews"

    def ready(self):
        # Keeps lessons' search vectors current when a lesson or its review is saved.
        from reviews import search  # noqa: F401
