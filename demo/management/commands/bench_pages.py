"""Server time of the library's pages at national scale, next to the floor of the same stack.

Builds a separate PostgreSQL database (``<name>_bench``) with 10,000 synthetic reviews and
about 100,000 lessons, then asks for each page many times through Django's full request
handler (every middleware, the real templates, DEBUG off) and reports the median and 95th
percentile. The floor (demo/floor_urls.py) is a bare view rendering the base template through the same
middleware: what any page costs before it does any work of its own.

Two columns per page: "warm" is the everyday case, where the counts per facet value are
already in the cache; "cold" empties the cache before every request, which is what the first
reader after any change to the library pays.
"""

import json
import re
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings

from demo.floor_urls import FLOOR_URL
from reviews.caching import library_counts_rebuild
from reviews.models import Lesson, Review, ReviewTally, Service, Theme
from reviews.search import finding_search_vectors_update
from reviews.search_index import index_update

COMMON_WORD = "need"  # "There is a need for …" opens a third of all lessons
RARE_WORD = "neonatal"  # one context in twelve; with one theme, a few hundred lessons
THEME = "neglect"

SERVICE = "police"

RESULT_COUNT = re.compile(r'class="result-count"[^>]*>\s*([\d,]+)')


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Measure the library's pages on 10,000 reviews / 100,000 lessons (PostgreSQL, own database)."

    def add_arguments(self, parser):
        parser.add_argument("--reviews", type=int, default=10_000)
        parser.add_argument("--lessons", type=int, default=10, help="Lessons per review, on average.")
        parser.add_argument("--requests", type=int, default=200, help="Timed requests per page (warm).")
        parser.add_argument("--cold-requests", type=int, default=20, help="Timed requests per page (cold).")
        parser.add_argument("--keep", action="store_true", help="Keep the bench database to reuse next time.")
        parser.add_argument(
            "--pages-only",
            action="store_true",
            help="Only the library's pages, not the action plan after them.",
        )
        parser.add_argument(
            "--output", default="bench-results", help="Folder for the results (JSON, Markdown)."
        )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "The bench runs on PostgreSQL: DATABASE_URL=postgres://user@host:5432/lscb make bench"
            )
        settings_dict = connection.settings_dict
        settings_dict.setdefault("TEST", {})["NAME"] = f"{settings_dict['NAME']}_bench"
        original_name = settings_dict["NAME"]
        connection.creation.create_test_db(
            verbosity=0, autoclobber=True, keepdb=options["keep"], serialize=False
        )
        # The bench database's search index, beside the folder of the database it was made from.
        bench_index = settings.SEARCH_INDEX_DIR and str(
            Path(settings.SEARCH_INDEX_DIR).with_name("search-index-bench")
        )
        try:
            with override_settings(SEARCH_INDEX_DIR=bench_index):
                self._fill(options["reviews"], options["lessons"])
                results = self._measure(options["requests"], options["cold_requests"])
                self._report(results, Path(options["output"]))
                if not options["pages_only"]:
                    # On the same data: the board's action plan (about three actions a recommendation),
                    # the open data API, the figures, the feeds and "learnt before" for new lessons.
                    for command in (
                        "bench_actions",
                        "bench_api",
                        "bench_insight",
                        "bench_feeds",
                        "bench_learnt_before",
                    ):
                        self.stdout.write(f"\n== {command}")
                        call_command(command, stdout=self.stdout)
        finally:
            if not options["keep"]:
                connection.creation.destroy_test_db(original_name, verbosity=0)

    def _fill(self, reviews, lessons):
        have = Review.objects.filter(reference__startswith="GEN-").count()
        if have < reviews:
            self.stdout.write(f"Generating {reviews - have} reviews (about a minute per 10,000)…")
            call_command("generate_reviews", reviews=reviews - have, lessons=lessons, verbosity=0)
        finding_search_vectors_update(missing_only=True)
        if not ReviewTally.objects.exists():  # a database filled before the counts were kept
            library_counts_rebuild()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        started = time.perf_counter()
        read = index_update()  # what the background worker does after each change
        if read:
            self.stdout.write(f"Search index: {read} reviews read in {time.perf_counter() - started:.1f} s.")
        self.stdout.write(f"{Review.objects.count()} reviews, {Lesson.objects.count()} lessons.")

    def _pages(self):
        theme = Theme.objects.get(slug=THEME)
        service = Service.objects.get(slug=SERVICE)
        review = (
            Review.objects.public()
            .filter(reference__startswith="GEN-")
            .order_by("reference")[Review.objects.count() // 2 :]
            .first()
        )
        return [
            ("floor: base template, same middleware", FLOOR_URL),
            ("/lessons/", "/lessons/"),
            (f"/lessons/?q={COMMON_WORD}", f"/lessons/?q={COMMON_WORD}"),
            (f"/lessons/?q={RARE_WORD}&theme={THEME}", f"/lessons/?q={RARE_WORD}&theme={theme.slug}"),
            (
                f"/lessons/?theme={THEME}&service={SERVICE}",
                f"/lessons/?theme={theme.slug}&service={service.slug}",
            ),
            ("/reviews/<slug>/", review.get_absolute_url()),
            (f"/themes/{THEME}/", theme.get_absolute_url()),
        ]

    @override_settings(DEBUG=False, ROOT_URLCONF="demo.floor_urls", BACKGROUND_WORKER=False)
    def _measure(self, requests, cold_requests):
        client = Client()
        results = []
        for label, url in self._pages():
            response = client.get(url)
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}")
            found = RESULT_COUNT.search(response.content.decode())
            count = int(found.group(1).replace(",", "")) if found else None
            for _ in range(5):
                client.get(url)
            warm = self._times(client, url, requests, clear=False)
            cold = self._times(client, url, cold_requests, clear=True)
            results.append({"page": label, "url": url, "results": count, "warm": warm, "cold": cold})
            self.stdout.write(f"  {label}: median {warm['median']:.1f} ms, p95 {warm['p95']:.1f} ms")
        return results

    def _times(self, client, url, n, *, clear):
        times = []
        for _ in range(n):
            if clear:
                cache.clear()
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        return {"median": statistics.median(times), "p95": percentile(times, 0.95), "n": n}

    def _report(self, results, folder):
        lines = [
            f"{Review.objects.count():,} reviews, {Lesson.objects.count():,} lessons, PostgreSQL "
            f"{connection.pg_version // 10000}. Server time in ms (Django handler, DEBUG off).",
            "",
            "| page | results | warm median | warm p95 | cold median | cold p95 |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in results:
            w, c = r["warm"], r["cold"]
            shown = f"{r['results']:,}" if r["results"] is not None else ""
            times = " | ".join(f"{t:.1f}" for t in (w["median"], w["p95"], c["median"], c["p95"]))
            lines.append(f"| {r['page']} | {shown} | {times} |")
        table = "\n".join(lines)
        self.stdout.write("\n" + table)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "pages.md").write_text(table + "\n")
        (folder / "pages.json").write_text(json.dumps(results, indent=2))
        self.stdout.write(f"\nWritten to {folder}/pages.md and pages.json")
