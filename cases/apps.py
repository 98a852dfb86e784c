from django.apps import AppConfig


class CasesConfig(AppConfig):
    """The statutory review process and its deadlines, for board staff only."""

    name = "cases"
    verbose_name = "Cases and statutory deadlines"

    def ready(self):
        from cases.rules import review_online_until
        from reviews.publication import ONLINE_UNTIL_RULES

        if review_online_until not in ONLINE_UNTIL_RULES:
            ONLINE_UNTIL_RULES.append(review_online_until)
