import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from learnt_before.services import learnt_again_update, lesson_matches_update
from reviews.models import Lesson


class Rollback(Exception):
    pass


def summary(name, times):
    times = sorted(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    median = statistics.median(times)
    return f"  {name:<32} median {median:7.1f} ms   p95 {p95:7.1f} ms   max {times[-1]:7.1f} ms"


class Command(BaseCommand):
    help = (
        'Time the "learnt before" matching of lessons spread over the database, as if each were '
        "just saved. Everything it writes is rolled back. Run it on a copy of a large database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--lessons", type=int, default=50)

    def handle(self, *args, lessons, **options):
        total = Lesson.objects.count()
        step = max(total // lessons, 1)
        ids = list(Lesson.objects.order_by("pk").values_list("pk", flat=True)[::step][:lessons])
        own, again, found = [], [], []
        try:
            with transaction.atomic():
                for lesson in Lesson.objects.filter(pk__in=ids).select_related("review"):
                    start = time.perf_counter()
                    found.append(len(lesson_matches_update(lesson=lesson)))
                    middle = time.perf_counter()
                    learnt_again_update(lesson=lesson)
                    own.append((middle - start) * 1000)
                    again.append((time.perf_counter() - middle) * 1000)
                raise Rollback
        except Rollback:
            pass
        self.stdout.write(f"{len(own)} lessons of {total:,} on {connection.vendor}")
        self.stdout.write(summary("its own earlier matches", own))
        self.stdout.write(summary("offered to later lessons", again))
        self.stdout.write(
            summary("both (what a save costs)", [a + b for a, b in zip(own, again, strict=True)])
        )
        self.stdout.write(f"  suggestions per lesson: {statistics.mean(found):.1f} on average")
