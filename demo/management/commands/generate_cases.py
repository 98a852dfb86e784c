"""Synthetic cases at every stage of the statutory process, for measuring pages at scale."""

import datetime
import random

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from cases.deadlines import deadlines_fill
from cases.models import Case, CaseSettings
from cases.working_days import working_days_add


def synthetic_case(n: int, rng: random.Random, today: datetime.date, lead_days: int) -> Case:
    aware = today - datetime.timedelta(days=rng.randrange(1, 3 * 365))
    case = Case(reference=f"GEN-{n:06d}", incident=rng.choice(Case.Incident.values), aware_on=aware)
    stage = rng.random()
    if stage > 0.1:
        case.notified_on = min(working_days_add(aware, rng.choice([3, 4, 5, 5, 6])), today)
    if stage > 0.25 and case.notified_on:
        rapid = working_days_add(case.notified_on, rng.choice([12, 14, 15, 15, 17]))
        if rapid <= today:
            case.rapid_review_on = rapid
    if stage > 0.4 and case.rapid_review_on:
        case.decision = rng.choice(Case.Decision.values)
        case.decision_on = case.rapid_review_on
        case.decision_reasons = "Synthetic decision."
        case.decision_state = Case.State.AGREED
    if case.decision == Case.Decision.LCSPR and stage > 0.7:
        published = case.decision_on + datetime.timedelta(days=rng.randrange(120, 220))
        if published <= today:
            case.sent_to_panel_on = working_days_add(published, -rng.choice([5, 7, 9]))
            case.published_on = published
    deadlines_fill(case, lead_days=lead_days)
    return case


class Command(BaseCommand):
    help = "Create N synthetic cases (references GEN-…) spread over three years and every stage."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=2018)

    def handle(self, *args, cases, seed, **options):
        rng = random.Random(seed)
        today = timezone.localdate()
        lead_days = CaseSettings.current().panel_copy_lead_days
        start = Case.objects.filter(reference__startswith="GEN-").count()
        made = [synthetic_case(start + i, rng, today, lead_days) for i in range(cases)]
        with transaction.atomic():
            Case.objects.bulk_create(made, batch_size=500)
        self.stdout.write(f"{cases} synthetic cases added ({Case.objects.count()} in all).")
