from django.apps import AppConfig


class CasesConfig(AppConfig):
    """The statutory review process and its deadlines, for board staff only."""

    name = "cases"
    verbose_name = "Cases and statutory deadlines"
