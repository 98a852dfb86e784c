"""Server time of the board's action plan and of its XLSX export, on the database configured.

Run it on a PostgreSQL database filled by ``generate_reviews`` (about three actions per
recommendation): it asks for /actions/ many times through Django's full request handler (every
middleware, the real templates, DEBUG off) as a board officer, and reports the median and 95th
percentile, then times the XLSX export of the first ``--export-rows`` rows of the plan.
"""

import statistics
import time

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.test import Client, override_settings

from accounts import roles
from accounts.models import User
from actions.exports import plan_xlsx
from actions.models import Action
from actions.views import plan_actions
from demo.floor_urls import FLOOR_URL

PAGES = [
    FLOOR_URL,  # the base template alone, asked by the same officer: what any page costs
    "/actions/",
    "/actions/?due=overdue",
    "/actions/?state=in_progress&due=30",
    "/actions/?page=5",
    "/actions/?review=child+1",
]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Time /actions/ (median, 95th percentile) and the XLSX export of the plan."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=40, help="Requests per page.")
        parser.add_argument("--export-rows", type=int, default=5000)

    @override_settings(
        DEBUG=False,
        STAFF_TWO_FACTOR_REQUIRED=False,
        ALLOWED_HOSTS=["testserver"],
        ROOT_URLCONF="demo.floor_urls",
    )
    def handle(self, *args, repeat, export_rows, **options):
        total = Action.objects.count()
        if total < export_rows:
            raise CommandError(f"Only {total} actions: run `manage.py generate_reviews` first.")
        officer, _ = User.objects.get_or_create(
            email="bench.officer@example.org", defaults={"is_staff": True}
        )
        officer.groups.add(Group.objects.get(name=roles.OFFICER))
        client = Client()
        client.force_login(officer)
        self.stdout.write(f"{total:,} actions. Server time per request, {repeat} requests per page:")
        for url in PAGES:
            client.get(url)  # warm up
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise CommandError(f"{url} answered {response.status_code}.")
            self.stdout.write(
                f"  {url:<40} median {statistics.median(times):6.1f} ms"
                f"   p95 {percentile(times, 0.95):6.1f} ms"
            )
        rows = plan_actions({"state": ""}).values_list("pk", flat=True)[:export_rows]
        actions = plan_actions({"state": ""}).filter(pk__in=list(rows))
        started = time.perf_counter()
        content = plan_xlsx(actions)
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"  XLSX export of {len(rows):,} rows: {seconds:.2f} s, {len(content) / 1024:.0f} KB"
        )
