"""Writes of the cases app other than the decision (``cases.workflow``) and the admin's edits."""

from django.db import transaction

from cases.deadlines import deadlines_fill
from cases.models import CalendarToken, Case, CaseSettings
from cases.models.staff import new_token


def calendar_token_renew(*, user) -> CalendarToken:
    """Give ``user`` a new private calendar address; the old one stops working at once."""
    token, created = CalendarToken.objects.get_or_create(user=user)
    if not created:
        token.token = new_token()
        token._history_user = user
        token.save()
    return token


def calendar_token_revoke(*, user) -> None:
    """End ``user``'s private calendar address: it then answers “not found”."""
    CalendarToken.objects.filter(user=user).delete()


def case_settings_save(*, settings: CaseSettings, by) -> CaseSettings:
    """Save the board's clock settings and work out again every open case's deadlines with them."""
    settings.full_clean()
    with transaction.atomic():
        settings._history_user = by
        settings.save()
        for case in Case.objects.open().iterator():
            deadlines_fill(case, lead_days=settings.panel_copy_lead_days)
            case._history_user = by
            case._change_reason = "Deadlines worked out again after a change to the clock settings"
            case.save()
    return settings
