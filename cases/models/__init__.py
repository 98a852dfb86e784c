from cases.models.case import Case, CaseState, Decision, Incident
from cases.models.people import CaseAgency, CaseChild, ProgressCheck
from cases.models.staff import CalendarToken, CaseSettings, ReminderSent

__all__ = [
    "CalendarToken",
    "Case",
    "CaseAgency",
    "CaseChild",
    "CaseSettings",
    "CaseState",
    "Decision",
    "Incident",
    "ProgressCheck",
    "ReminderSent",
]
