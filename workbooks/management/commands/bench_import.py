"""Time the workbook import at scale: write a synthetic workbook, preview it, import it, and
preview it again (which must find nothing to change), with the peak memory of the process.

The import runs as in production: the "learnt before" matches of the new lessons are queued
for the background worker, which is then run (``db_worker --batch``) and timed on its own."""

import random
import resource
import tempfile
import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test import override_settings
from openpyxl import Workbook

from accounts.models import User
from demo import synthetic
from reviews.models import OwnerGroup, Review, Service, Theme
from workbooks.columns import CHILDREN, KEY_ISSUES, LESSONS, POSITIVE_FACTORS, RECOMMENDATIONS, REVIEWS
from workbooks.services import may_import, workbook_import, workbook_preview

# The import queues its background work, as in production, whatever this process's TASKS.
QUEUED = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def synthetic_workbook(path: Path, *, reviews: int, lessons: int, seed: int) -> None:
    """A workbook of ``reviews`` reviews and ``lessons`` lessons, written row by row (write-only)."""
    rng = random.Random(seed)
    themes = list(Theme.objects.values_list("name", flat=True))
    services = list(Service.objects.values_list("name", flat=True))
    owners = list(OwnerGroup.objects.values_list("name", flat=True))
    book = Workbook(write_only=True)
    out = {spec.key: book.create_sheet(spec.title) for spec in
           (REVIEWS, CHILDREN, KEY_ISSUES, POSITIVE_FACTORS, LESSONS, RECOMMENDATIONS)}  # fmt: skip
    out["reviews"].append([
        "Reference", "Title", "Kind", "Method", "Commissioned", "Completed", "Period covered from",
        "Period covered to", "Background", "Why it matters", "Themes", "Services",
    ])  # fmt: skip
    out["children"].append(
        ["Review reference", "Pseudonym", "Age (years)", "Outcome", "Known to social care"]
    )
    out["key_issues"].append(["Review reference", "Child", "Text"])
    out["positive_factors"].append(["Review reference", "Practice area", "Text"])
    out["lessons"].append(["Review reference", "Practice area", "Themes", "Services", "Text"])
    out["recommendations"].append(["Review reference", "Owner", "Target date", "Text"])
    per_review = [lessons // reviews + (1 if n < lessons % reviews else 0) for n in range(reviews)]
    for number in range(1, reviews + 1):
        fields = synthetic.review_fields(rng, number)
        reference = f"WB-{number:06d}"
        child = rng.choice(synthetic.PSEUDONYMS)
        out["reviews"].append([
            reference, fields["title"], fields["kind"], fields["method"], fields["commissioned_on"],
            fields["completed_on"].strftime("%d/%m/%Y"), fields["period_start"].isoformat(),
            fields["period_end"],
            fields["summary"], fields["why_it_matters"], "; ".join(rng.sample(themes, 3)),
            "; ".join(rng.sample(services, 3)),
        ])  # fmt: skip
        out["children"].append([reference, child, rng.randrange(0, 18), "serious_harm", "yes"])
        for _ in range(3):
            out["key_issues"].append([reference, rng.choice([child, ""]), synthetic.sentence(rng)])
        for _ in range(2):
            out["positive_factors"].append([reference, rng.choice(["Schools", ""]), synthetic.sentence(rng)])
        for _ in range(per_review[number - 1]):
            out["lessons"].append([
                reference, rng.choice(["Schools", ""]), "; ".join(rng.sample(themes, rng.choice([1, 2, 3]))),
                "; ".join(rng.sample(services, rng.choice([1, 2]))), synthetic.sentence(rng),
            ])  # fmt: skip
        for _ in range(3):
            out["recommendations"].append(
                [reference, rng.choice(owners), "2027-03-31", synthetic.sentence(rng)]
            )
    book.save(path)


class Command(BaseCommand):
    help = "Time previewing and importing a synthetic workbook (default 1,000 reviews, 10,000 lessons)."

    def add_arguments(self, parser):
        parser.add_argument("--reviews", type=int, default=1000)
        parser.add_argument("--lessons", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--user", help="E-mail of the officer recorded in the history (default: the first)."
        )
        parser.add_argument("--preview-only", action="store_true", help="Time the preview; import nothing.")
        parser.add_argument(
            "--no-worker", action="store_true", help="Leave the queued learnt-before work for a worker."
        )

    def handle(self, *args, reviews, lessons, seed, user, preview_only, no_worker, **options):
        if Review.objects.filter(reference__startswith="WB-").exists():
            raise CommandError("This database holds WB- reviews from an earlier run: use a fresh database.")
        users = User.objects.filter(email__iexact=user) if user else User.objects.filter(is_staff=True)
        by = next((u for u in users.order_by("pk") if may_import(u)), None)
        if by is None:
            raise CommandError("No board officer or manager to import as: run demo_officer, or pass --user.")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench.xlsx"
            start = time.perf_counter()
            synthetic_workbook(path, reviews=reviews, lessons=lessons, seed=seed)
            self.stdout.write(
                f"Wrote {path.stat().st_size / 1024 / 1024:.1f} MB in {time.perf_counter() - start:.1f} s"
            )
            timings = {}
            for step in ("preview",) if preview_only else ("preview", "import", "preview again"):
                start = time.perf_counter()
                with path.open("rb") as source:
                    preview = workbook_preview(source=source, name=path.name, user=by)
                if preview.problems:
                    raise CommandError("; ".join(str(p) for p in preview.problems[:5]))
                if step == "import":
                    with override_settings(TASKS=QUEUED):
                        workbook_import(preview=preview, by=by, file_name=path.name)
                timings[step] = time.perf_counter() - start
                self.stdout.write(
                    f"{step}: {timings[step]:.1f} s, {preview.counts}, peak memory {peak_mb():.0f} MB"
                )
        if preview_only:
            return
        if not no_worker:
            start = time.perf_counter()
            with override_settings(TASKS=QUEUED):
                call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
            timings["matches"] = time.perf_counter() - start
            self.stdout.write(f"learnt before, in the background: {timings['matches']:.1f} s")
        self.stdout.write(
            f"Reviews {reviews}, lessons {lessons}: preview {timings['preview']:.1f} s (target 30), import "
            f"(with its preview) {timings['import']:.1f} s (target 60), peak memory {peak_mb():.0f} MB "
            "(target 500)."
        )
