"""What cases adds to the library's rules, registered from ``CasesConfig.ready``."""

from cases.timeline import ONLINE_MONTHS
from cases.working_days import months_add


def review_online_until(review):
    """A review published from a statutory case stays online for at least a year after publication."""
    from cases.models import Case

    if review.published_on is None or not Case.objects.filter(review_id=review.pk).exists():
        return None
    return months_add(review.published_on, ONLINE_MONTHS)
