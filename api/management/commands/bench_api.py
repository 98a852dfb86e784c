"""Server time of the open-data API at national scale, next to the floor of the same stack.

Run it against a copy of the bench database (10,000 reviews, ~100,000 lessons), never the
bench database itself::

    createdb -h 127.0.0.1 -U postgres -T lscb_bench lscb_bench_api
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lscb_bench_api manage.py bench_api

Each address is asked for many times through Django's full request handler (every
middleware, DEBUG off) with the test client. The floor is a bare API view through the same
middleware and DRF machinery: what any answer costs before it does any work of its own.
"Warm" is the everyday case (the answer already kept for the content version); "cold" empties
the cache before every request, which is what the first client after a change pays. "Paging"
asks for a page not asked for before on each request (pages 1, 2, 3…): the count is kept,
the page is read from the database.
"""

import statistics
import time

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.urls import include, path
from rest_framework.response import Response

from api.base import ApiViewSet, ClientThrottle
from reviews.models import Lesson, Review

TARGET_MEDIAN_MS, TARGET_P95_MS = 40, 80


class Floor(ApiViewSet):
    """The same base class as every endpoint, answering a constant."""

    def list(self, request, *args, **kwargs):
        return Response({"floor": True})


# While measuring, this module is the URLconf: the project's URLs plus the floor view.
urlpatterns = [path("bench/api-floor/", Floor.as_view({"get": "list"})), path("", include("lscb.urls"))]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Time /api/v1/lessons/ (a search and a theme) on the bench data, median and p95 beside a floor."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=100, help="Timed requests per address (warm).")
        parser.add_argument(
            "--cold-requests", type=int, default=20, help="Timed requests per address (cold)."
        )
        parser.add_argument("--theme", default="neglect", help="The theme's slug for the theme filter.")

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "The bench runs on PostgreSQL: set DATABASE_URL to a copy of the bench database."
            )
        lessons = Lesson.objects.count()
        if lessons < 10_000:
            self.stdout.write(self.style.WARNING(f"Only {lessons:,} lessons: the target is for ~100,000."))
        review = Review.objects.public().order_by("-published_on", "-id").first()
        urls = [
            ("floor: bare API view, same middleware", "/bench/api-floor/"),
            ("/api/v1/lessons/?q=need", "/api/v1/lessons/?q=need"),
            (f"/api/v1/lessons/?theme={options['theme']}", f"/api/v1/lessons/?theme={options['theme']}"),
            ("/api/v1/lessons/?q=need&page=50", "/api/v1/lessons/?q=need&page=50"),
            ("/api/v1/reviews/<slug>/", f"/api/v1/reviews/{review.slug}/" if review else None),
        ]
        # Every request of the bench comes from one address: lift the throttle while measuring.
        rate, ClientThrottle.rate = ClientThrottle.rate, "1000000/minute"
        try:
            results = self._measure([(label, url) for label, url in urls if url], options)
        finally:
            ClientThrottle.rate = rate
        self._report(results, lessons)

    @override_settings(DEBUG=False, ROOT_URLCONF=__name__)
    def _measure(self, urls, options):
        client = Client()
        results = []
        for label, url in urls:
            response = client.get(url)
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}: {response.content[:200]!r}")
            count = response.json().get("count")
            for _ in range(5):
                client.get(url)
            warm = self._times(client, url, options["requests"], clear=False)
            cold = self._times(client, url, options["cold_requests"], clear=True)
            conditional = self._times(
                client, url, options["requests"], clear=False, etag=response.get("ETag")
            )
            paging = None
            if count and "page=" not in url:
                pages = [
                    f"{url}{'&' if '?' in url else '?'}page={n}" for n in range(2, options["requests"] + 2)
                ]
                paging = self._times(client, pages, len(pages), clear=False)
            results.append(
                {
                    "label": label,
                    "count": count,
                    "warm": warm,
                    "cold": cold,
                    "304": conditional,
                    "paging": paging,
                }
            )
            self.stdout.write(f"  {label}: median {warm['median']:.1f} ms, p95 {warm['p95']:.1f} ms")
        return results

    def _times(self, client, urls, n, *, clear, etag=None):
        headers = {"if-none-match": etag} if etag else {}
        urls = [urls] * n if isinstance(urls, str) else urls
        times = []
        for url in urls[:n]:
            if clear:
                cache.clear()
            start = time.perf_counter()
            response = client.get(url, headers=headers)
            times.append((time.perf_counter() - start) * 1000)
            if etag and response.status_code != 304:
                raise CommandError(f"{url} with its ETag answered {response.status_code}, not 304")
        return {"median": statistics.median(times), "p95": percentile(times, 0.95), "n": n}

    def _report(self, results, lessons):
        lines = [
            f"{Review.objects.count():,} reviews, {lessons:,} lessons, PostgreSQL "
            f"{connection.pg_version // 10000}. Server time in ms (Django handler, DEBUG off). "
            f"Target: median under {TARGET_MEDIAN_MS}, p95 under {TARGET_P95_MS}.",
            "",
            "| address | results | warm median | warm p95 | cold median | cold p95 | 304 median "
            "| paging median | paging p95 |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in results:
            w, c, n = r["warm"], r["cold"], r["304"]
            shown = f"{r['count']:,}" if r["count"] is not None else ""
            times = " | ".join(
                f"{t:.1f}" for t in (w["median"], w["p95"], c["median"], c["p95"], n["median"])
            )
            p = r["paging"]
            paging = f"{p['median']:.1f} | {p['p95']:.1f}" if p else " | "
            lines.append(f"| {r['label']} | {shown} | {times} | {paging} |")
        self.stdout.write("\n" + "\n".join(lines))
        missed = [
            r["label"]
            for r in results[1:]
            if r["warm"]["median"] >= TARGET_MEDIAN_MS or r["warm"]["p95"] >= TARGET_P95_MS
        ]
        if missed:
            self.stdout.write(self.style.WARNING("Target missed (warm): " + "; ".join(missed)))
        else:
            self.stdout.write(self.style.SUCCESS("Target met (warm) for every address."))
