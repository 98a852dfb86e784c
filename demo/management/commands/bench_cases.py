"""Server time of the what's-due page with thousands of cases, beside the floor of the same stack.

Builds its own PostgreSQL database (``<name>_bench_cases``), fills it with synthetic cases, and
asks for /cases/ as a signed-in officer through Django's full request handler (DEBUG off),
reporting the median and 95th percentile next to a bare page rendering the base template.
"""

import statistics
import time

from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings

from accounts import roles
from demo.management.commands.bench_pages import percentile


class Command(BaseCommand):
    help = "Measure /cases/ with N synthetic cases on PostgreSQL, beside the floor of a plain page."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=2000)
        parser.add_argument("--requests", type=int, default=20)

    def handle(self, *args, cases, requests, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The bench runs on PostgreSQL: DATABASE_URL=postgres://user@host:5432/lscb")
        settings_dict = connection.settings_dict
        original = settings_dict["NAME"]
        settings_dict.setdefault("TEST", {})["NAME"] = f"{original}_bench_cases"
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            call_command("generate_cases", cases=cases, verbosity=0, stdout=self.stdout)
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
            self._measure(requests)
        finally:
            connection.creation.destroy_test_db(original, verbosity=0)

    @override_settings(DEBUG=False, ROOT_URLCONF="demo.management.commands.bench_pages")
    def _measure(self, requests):
        from django.contrib.auth.models import Group

        from accounts.models import User

        officer = User.objects.create_user(email="bench@example.org", password="x" * 20, is_staff=True)
        officer.groups.add(Group.objects.get(name=roles.OFFICER))
        client = Client()
        client.force_login(officer)
        self.stdout.write(f"{requests} requests each, server time in ms (median / p95):")
        pages = [
            ("floor: base template, same middleware", "/bench/floor/", False),
            ("/cases/", "/cases/", False),
            ("/cases/, figures not cached", "/cases/", True),
        ]
        for label, url, cold in pages:
            if client.get(url).status_code != 200:
                raise CommandError(f"{url} did not answer 200")
            for _ in range(3):
                client.get(url)
            times = []
            for _ in range(requests):
                if cold:
                    cache.clear()
                start = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            self.stdout.write(f"  {label}: {statistics.median(times):.1f} / {percentile(times, 0.95):.1f}")
