"""Server time of /insight/ on the database it is pointed at, beside the floor of the same stack.

Run it on a copy of a large database (it signs a bench staff member in, which writes a
session and a user): for example a copy of the library bench's 10,000 reviews,

    createdb -T lscb_bench lscb_bench_insight
    DATABASE_URL=postgres://…/lscb_bench_insight manage.py migrate
    DATABASE_URL=postgres://…/lscb_bench_insight manage.py bench_insight

"warm" is the everyday case (the figures for this audience, years and content version are
in the cache); "cold" empties the cache before every request, which is what the first reader
after any change to a review pays.
"""

import statistics
import time

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings

from accounts import roles
from accounts.models import User
from demo.floor_urls import FLOOR_URL
from demo.management.commands.bench_pages import percentile
from reviews.models import Lesson, Review

BENCH_STAFF = "bench.insight@example.org"


class Command(BaseCommand):
    help = "Measure /insight/ (warm and cold) on this PostgreSQL database; run it on a copy."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=100, help="Timed requests per page (warm).")
        parser.add_argument("--cold-requests", type=int, default=20, help="Timed requests per page (cold).")

    def handle(self, *args, requests, cold_requests, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The bench runs on PostgreSQL: DATABASE_URL=postgres://user@host:5432/<copy>")
        self.stdout.write(
            f"{Review.objects.count():,} reviews ({Review.objects.public().count():,} public), "
            f"{Lesson.objects.count():,} lessons, PostgreSQL {connection.pg_version // 10000}. "
            "Server time in ms (Django handler, DEBUG off)."
        )
        self._measure(requests, cold_requests)

    def _staff_client(self):
        staff = User.objects.filter(email=BENCH_STAFF).first()
        if staff is None:
            staff = User.objects.create_user(email=BENCH_STAFF, password="bench-" * 4, is_staff=True)
            staff.groups.add(Group.objects.get(name=roles.MANAGER))
        client = Client()
        client.force_login(staff)
        return client

    @override_settings(DEBUG=False, ROOT_URLCONF="demo.floor_urls", STAFF_TWO_FACTOR_REQUIRED=False)
    def _measure(self, requests, cold_requests):
        everyone, staff = Client(), self._staff_client()
        years = sorted(d.year for d in Review.objects.public().dates("published_on", "year"))
        middle = years[len(years) // 2] if years else 2020
        pages = [
            ("floor: base template, same middleware", everyone, FLOOR_URL),
            ("/insight/ (everyone)", everyone, "/insight/"),
            (
                f"/insight/?from={middle - 2}&to={middle} (everyone)",
                everyone,
                f"/insight/?from={middle - 2}&to={middle}",
            ),
            ("floor, signed in as board staff", staff, FLOOR_URL),
            ("/insight/ (board staff: every review)", staff, "/insight/"),
            ("/insight/themes.csv (everyone)", everyone, "/insight/themes.csv"),
        ]
        lines = [
            "| page | warm median | warm p95 | cold median | cold p95 |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for label, client, url in pages:
            response = client.get(url)
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}")
            for _ in range(5):
                client.get(url)
            warm = self._times(client, url, requests, clear=False)
            cold = self._times(client, url, cold_requests, clear=True)
            times = " | ".join(f"{t:.1f}" for t in (warm["median"], warm["p95"], cold["median"], cold["p95"]))
            lines.append(f"| {label} | {times} |")
            self.stdout.write(f"  {label}: warm {warm['median']:.1f} ms, cold {cold['median']:.1f} ms")
        self.stdout.write("\n" + "\n".join(lines))

    def _times(self, client, url, n, *, clear):
        times = []
        for _ in range(n):
            if clear:
                cache.clear()
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        return {"median": statistics.median(times), "p95": percentile(times, 0.95)}
