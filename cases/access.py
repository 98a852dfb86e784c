"""Who may see cases: board staff holding the case permission, after the second factor where it
is required (``reviews.staff_pages``); everyone else is sent to sign in or told there is no such page."""

from reviews.querysets import previews_unpublished
from reviews.staff_pages import staff_only

VIEW_CASES = "cases.view_case"


def sees_cases(user) -> bool:
    return previews_unpublished(user, VIEW_CASES)


case_staff_only = staff_only(VIEW_CASES)
