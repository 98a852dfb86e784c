"""Demo cases, dated from today so that the demo always shows each state of the statutory clock:
a notification due this week, an overdue rapid review, a decision not to hold a review, a local
review whose 6-month date is near, and a case whose review is in the lessons library.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from cases.models import Case, CaseAgency, CaseChild, ProgressCheck
from cases.working_days import is_working_day, months_add, working_days_add
from reviews.models import Review, Service

PUBLISHED_REVIEW = "PR-2013-01"
AGREED = {"decision_state": Case.State.AGREED}


def _end_of_week(today):
    """The last working day of this week from today on; next week's when none is left."""
    day = today + datetime.timedelta(days=4 - today.weekday()) if today.weekday() < 5 else today
    while day < today or not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


def _cases(today):
    due_this_week = _end_of_week(today)
    notified_late = working_days_add(today, -17)
    lcspr_decision = months_add(today + datetime.timedelta(days=12), -6)
    lcspr_rapid = working_days_add(lcspr_decision, -2)
    quiet = today - datetime.timedelta(days=70)
    yield (
        {
            "reference": "SI-DEMO-01",
            "incident": Case.Incident.SERIOUS_HARM,
            "aware_on": working_days_add(due_this_week, -5),
            "outline": "Baby K, 4 months, admitted to hospital with unexplained fractures.",
        },
        [("Baby K", 0, "serious_harm")],
        [],
    )
    yield (
        {
            "reference": "SI-DEMO-02",
            "incident": Case.Incident.DIED,
            "aware_on": working_days_add(notified_late, -3),
            "notified_on": notified_late,
            "partners_told_on": notified_late,
            "outline": "Child P, 15, died; criminal exploitation suspected. Child Q seriously harmed.",
        },
        [("Child P", 15, "died"), ("Child Q", 12, "serious_harm")],
        ["police", "childrens-social-care", "schools-and-education"],
    )
    yield (
        {
            "reference": "SI-DEMO-03",
            "incident": Case.Incident.SERIOUS_HARM,
            "aware_on": quiet,
            "notified_on": working_days_add(quiet, 4),
            "rapid_review_on": working_days_add(quiet, 18),
            "key_practice_episodes": "The school's referral; the strategy discussion two days later.",
            "immediate_actions": "A multi-agency audit of referrals from schools.",
            "learning_so_far": "Agencies worked together promptly; no new learning for the partnership.",
            "decision": Case.Decision.NO_FURTHER,
            "decision_on": working_days_add(quiet, 18),
            "decision_reasons": "The rapid review found timely, coordinated practice and no learning "
            "beyond the audit already under way.",
            "decision_note": "Agreed: the rapid review's evidence supports no further review.",
            "panel_response_on": working_days_add(quiet, 30),
            "panel_agreed": Case.PanelAnswer.AGREED,
            "panel_response": "The panel agreed that a local review would be unlikely to add learning.",
            **AGREED,
        },
        [("Child S", 9, "serious_harm")],
        ["schools-and-education"],
    )
    yield (
        {
            "reference": "SI-DEMO-04",
            "incident": Case.Incident.DIED,
            "aware_on": working_days_add(lcspr_rapid, -20),
            "notified_on": working_days_add(lcspr_rapid, -14),
            "rapid_review_on": lcspr_rapid,
            "decision": Case.Decision.LCSPR,
            "decision_on": lcspr_decision,
            "decision_reasons": "Issues of neglect across several agencies over two years, "
            "with learning for the whole partnership.",
            "decision_note": "Agreed: the criteria for a local review are met.",
            "reviewer": "An independent reviewer",
            "method": "SCIE Learning Together",
            "terms_of_reference": "Information sharing between health visiting and children's social care; "
            "the voice of the child.",
            "commissioned_on": lcspr_decision + datetime.timedelta(days=21),
            "draft_received_on": today - datetime.timedelta(days=10),
            **AGREED,
        },
        [("Child T", 2, "died")],
        ["health-visiting", "childrens-social-care"],
    )


def _published_case(review):
    published = review.published_on
    decision = months_add(published, -5)
    rapid = working_days_add(decision, -1)
    return {
        "reference": "SI-DEMO-05",
        "incident": Case.Incident.SERIOUS_HARM,
        "aware_on": working_days_add(rapid, -19),
        "notified_on": working_days_add(rapid, -15),
        "rapid_review_on": rapid,
        "decision": Case.Decision.LCSPR,
        "decision_on": decision,
        "decision_reasons": "Learning about professional curiosity for every agency.",
        "reviewer": "An independent reviewer",
        "method": "Facilitated practitioner discussion",
        "commissioned_on": decision,
        "draft_received_on": working_days_add(published, -30),
        "final_received_on": working_days_add(published, -15),
        "sent_to_panel_on": working_days_add(published, -10),
        "published_on": published,
        "review": review,
        **AGREED,
    }


def cases_demo_ensure(today=None) -> str:
    """Add the demo cases that are missing; return one line for ``load_demo``'s output."""
    today = today or timezone.localdate()
    entries = list(_cases(today))
    review = Review.objects.filter(reference=PUBLISHED_REVIEW, published_on__isnull=False).first()
    if review is not None and not Case.objects.filter(review=review).exists():
        entries.append((_published_case(review), [("Child B", 7, "serious_harm")], []))
    added = 0
    with transaction.atomic():
        for fields, children, agencies in entries:
            if Case.objects.filter(reference=fields["reference"]).exists():
                continue
            case = Case(**fields)
            case.full_clean()
            case._change_reason = "Demo data"
            case.save()
            for pseudonym, age, outcome in children:
                CaseChild.objects.create(case=case, pseudonym=pseudonym, age_years=age, outcome=outcome)
            for n, service in enumerate(Service.objects.filter(slug__in=agencies).order_by("slug")):
                asked = case.notified_on or case.aware_on
                replied = (
                    working_days_add(asked, 5) if n == 0 and working_days_add(asked, 5) <= today else None
                )
                CaseAgency.objects.create(case=case, service=service, asked_on=asked, replied_on=replied)
            if case.draft_received_on and not case.published_on:
                ProgressCheck.objects.create(
                    case=case,
                    checked_on=case.draft_received_on,
                    note="Draft received; practitioners' event held.",
                )
            added += 1
    return f"Demo cases: {added} added."
