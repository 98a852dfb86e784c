from django.apps import AppConfig


class PagesConfig(AppConfig):
    """The site's own pages: home, accessibility statement, privacy notice and the health check."""

    name = "pages"
    verbose_name = "Site pages"
