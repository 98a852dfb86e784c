"""Server time of the Atom feeds in the current database, warm (kept in the cache) and cold.

Run it on a copy of a large database, e.g. the pages bench's 10,000 reviews:
``createdb -T lscb_bench lscb_bench_alerts``, migrate it, then
``DATABASE_URL=postgres://…/lscb_bench_alerts python manage.py bench_feeds``.
Each request goes through Django's full request handler (every middleware, DEBUG off).
"""

import statistics
import time

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.test import Client, override_settings
from django.urls import reverse

from reviews.models import Lesson, Review


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Measure the Atom feeds, warm and cold, in the current database."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=50, help="Timed requests per feed (warm).")
        parser.add_argument("--cold-requests", type=int, default=10, help="Timed requests per feed (cold).")
        parser.add_argument("--theme", default="neglect")
        parser.add_argument("--service", default="police")

    @override_settings(DEBUG=False)
    def handle(self, *args, **options):
        feeds = [
            reverse("alerts:reviews_feed"),
            reverse("alerts:lessons_feed"),
            reverse("alerts:theme_lessons_feed", kwargs={"theme": options["theme"]}),
            reverse("alerts:service_lessons_feed", kwargs={"service": options["service"]}),
        ]
        reviews, lessons = Review.objects.public().count(), Lesson.objects.public().count()
        self.stdout.write(f"{reviews} public reviews, {lessons} public lessons.")
        self.stdout.write("| feed | entries | warm median | warm p95 | cold median | cold p95 |")
        self.stdout.write("| --- | ---: | ---: | ---: | ---: | ---: |")
        client = Client()
        for url in feeds:
            response = client.get(url)
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}")
            entries = response.content.count(b"<entry>")
            warm = self._times(client, url, options["requests"], clear=False)
            cold = self._times(client, url, options["cold_requests"], clear=True)
            self.stdout.write(
                f"| `{url}` | {entries} | {statistics.median(warm):.1f} | {percentile(warm, 0.95):.1f} "
                f"| {statistics.median(cold):.1f} | {percentile(cold, 0.95):.1f} |"
            )
        self.stdout.write("Milliseconds of server time through the full request handler, DEBUG off.")

    def _times(self, client, url, n, *, clear):
        times = []
        for _ in range(n):
            if clear:
                cache.clear()
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        return times
