"""Every statutory deadline as an iCalendar feed, for a staff member's own calendar.

The feed leaves the system, so it names a case only by its reference: no pseudonym, no
outline, nothing about the children.
"""

import datetime

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from cases.deadlines import case_deadlines


def calendar_for(cases, *, base_url: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Case reviews//Statutory deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Statutory deadlines")
    stamp = timezone.now()
    for case in cases.only(*_FIELDS).order_by("reference"):
        for deadline in case_deadlines(case):
            event = Event()
            done = " (done)" if deadline.done_on else ""
            event.add("uid", f"case-{case.pk}-{deadline.key}@statutory-deadlines")
            event.add("dtstamp", stamp)
            event.add("dtstart", deadline.due_on)
            event.add("dtend", deadline.due_on + datetime.timedelta(days=1))
            event.add("summary", f"{case.reference}: {deadline.label}{done}")
            event.add("description", f"Due {deadline.basis.split(' (')[0]}.")
            event.add("url", base_url.rstrip("/") + reverse("cases:case_detail", args=[case.pk]))
            calendar.add_component(event)
    return calendar.to_ical()


_FIELDS = (
    "reference",
    "aware_on",
    "notified_on",
    "rapid_review_on",
    "decision_on",
    "sent_to_panel_on",
    "published_on",
    "publication_withheld",
    "improvements_published_on",
    "notification_due_on",
    "rapid_review_due_on",
    "panel_copy_due_on",
    "publication_due_on",
)
