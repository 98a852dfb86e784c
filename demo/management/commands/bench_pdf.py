"""Measure the newsletter PDF: cold render time, peak memory, and the kept-PDF download time.

The measuring runs in a child process of its own, so that its peak memory (ru_maxrss) is
that of a process which has rendered one newsletter, not of whatever ran before. The child
first does what a web worker does once when it starts (import WeasyPrint and warm it up,
see BriefingsConfig.ready), then downloads a published newsletter whose PDF is not kept
yet: that is the cold render a reader waits for. The
child writes its data inside a transaction that is rolled back, and its files to a
temporary folder, so the database and media are left as they were.
"""

import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test import Client, override_settings

TARGETS = {"cold_render_s": 1.0, "peak_rss_mb": 200, "kept_download_ms": 20}


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time a newsletter of three reviews: cold render, peak memory, kept-PDF download."

    def add_arguments(self, parser):
        parser.add_argument("--downloads", type=int, default=50, help="Kept downloads to time (at least 20).")
        parser.add_argument("--worker", action="store_true", help="Internal: measure in this process.")

    def handle(self, *args, downloads, worker, **options):
        if downloads < 20:
            raise CommandError("--downloads must be at least 20.")
        if worker:
            self.stdout.write(json.dumps(measure(downloads)))
            return
        started = time.perf_counter()
        child = subprocess.run(  # noqa: S603 - this very command, with fixed arguments
            [
                sys.executable,
                str(settings.BASE_DIR / "manage.py"),
                "bench_pdf",
                "--worker",
                f"--downloads={downloads}",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if child.returncode:
            raise CommandError(f"The measuring process failed:\n{child.stderr[-3000:]}")
        result = json.loads(child.stdout.strip().splitlines()[-1])
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        self.report(result, time.perf_counter() - started)

    def report(self, result, elapsed):
        lines = [
            f"Newsletter PDF of 3 reviews: {result['pages']} pages, {result['size_kb']:.0f} KB",
            f"  cold render (first download of a PDF not kept yet): {result['cold_render_s']:.3f} s",
            f"  cold render again (median of 3 more renderings): {result['warm_render_s']:.3f} s",
            f"  peak memory of the rendering process: {result['peak_rss_mb']:.0f} MB "
            f"(before rendering: {result['rss_before_mb']:.0f} MB)",
            f"  kept-PDF download, median of {result['downloads']}: {result['kept_download_ms']:.2f} ms "
            f"(95th percentile {result['kept_download_p95_ms']:.2f} ms, {result['queries']} queries)",
            f"  (once per web worker, when it starts: WeasyPrint import {result['import_s']:.2f} s, "
            f"warm-up {result['warm_up_s']:.2f} s; whole benchmark {elapsed:.1f} s)",
        ]
        failed = [name for name, limit in TARGETS.items() if result[name] > limit]
        lines.append("Targets met." if not failed else f"Targets missed: {', '.join(failed)}.")
        self.stdout.write("\n".join(lines))


def _rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(downloads: int) -> dict:
    import logging

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    from briefings.kept_pdfs import newsletter_pdf_keep
    from briefings.models import Newsletter
    from briefings.pdf import warm_up
    from demo.typical_newsletter import typical_newsletter_create

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    result = {}
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        try:
            with transaction.atomic():
                newsletter = typical_newsletter_create(slug="bench-newsletter-pdf")
                # Published without rendering (newsletter_publish would render it), so that the
                # first download below is the cold render a reader waits for.
                Newsletter.objects.filter(pk=newsletter.pk).update(
                    state=Newsletter.State.PUBLISHED, published_at=timezone.now()
                )
                client = Client()
                url = Newsletter.objects.get(pk=newsletter.pk).get_pdf_url()
                client.get(reverse("briefings:newsletter_list"))  # a worker that has served a page
                result["rss_before_mb"] = _rss_mb()

                # What a gunicorn worker does once when it starts (BriefingsConfig.ready).
                started = time.perf_counter()
                import weasyprint  # noqa: F401

                result["import_s"] = time.perf_counter() - started
                started = time.perf_counter()
                warm_up()
                result["warm_up_s"] = time.perf_counter() - started

                started = time.perf_counter()
                body = b"".join(client.get(url).streaming_content)
                result["cold_render_s"] = time.perf_counter() - started
                assert body.startswith(b"%PDF")
                newsletter = Newsletter.objects.get(pk=newsletter.pk)
                result["pages"], result["size_kb"] = newsletter.pdf_pages, newsletter.pdf_size / 1024

                warm = []
                for _ in range(3):
                    started = time.perf_counter()
                    newsletter_pdf_keep(newsletter=newsletter, fingerprint=f"warm{len(warm)}")
                    warm.append(time.perf_counter() - started)
                result["warm_render_s"] = statistics.median(warm)
                newsletter_pdf_keep(newsletter=newsletter)  # back to the current rendering

                times = []
                for _ in range(downloads):
                    started = time.perf_counter()
                    response = client.get(url)
                    body = b"".join(response.streaming_content)
                    times.append((time.perf_counter() - started) * 1000)
                    assert response.status_code == 200 and body.startswith(b"%PDF")
                with CaptureQueriesContext(connection) as queries:
                    b"".join(client.get(url).streaming_content)
                times.sort()
                result["downloads"] = downloads
                result["kept_download_ms"] = statistics.median(times)
                result["kept_download_p95_ms"] = times[int(len(times) * 0.95) - 1]
                result["queries"] = len(queries)
                raise Rollback
        except Rollback:
            pass
    result["peak_rss_mb"] = _rss_mb()
    return result
