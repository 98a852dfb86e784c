from django.core.management.base import BaseCommand
from tqdm import tqdm

from learnt_before.services import lesson_matches_update_all, word_counts_rebuild
from reviews.models import Lesson
from reviews.search import finding_search_vectors_update


class Command(BaseCommand):
    help = (
        'Count the words of every lesson and compute the "learnt before" suggestions of every lesson: '
        "after loading lessons in bulk (which sends no signals), after changing reviews' dates, or to "
        "fill them in the first time. Dismissed suggestions stay dismissed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500, help="Lessons per transaction.")

    def handle(self, *args, batch_size, **options):
        # Lessons loaded in bulk may have no search vector yet: without one they cannot be found.
        finding_search_vectors_update(models=[Lesson], missing_only=True)
        # How rare each word is weighs in every score: counted before any is computed.
        total = word_counts_rebuild(batch_size=max(batch_size, 1))
        with tqdm(total=total, unit="lesson", disable=options["verbosity"] < 1, file=self.stderr) as bar:
            done = lesson_matches_update_all(batch_size=max(batch_size, 1), progress=bar.update)
        self.stdout.write(f"Learnt before suggestions computed for {done} lessons.")
