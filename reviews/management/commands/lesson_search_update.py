from django.core.management.base import BaseCommand

from reviews.search import lesson_search_vectors_update, search_is_ranked


class Command(BaseCommand):
    help = (
        "Fill lessons' full-text search vectors left empty by bulk inserts or a restore (PostgreSQL). "
        "Saving a lesson or a review keeps them current; this is for data loaded without saving."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Recompute every lesson, not only empty ones.")

    def handle(self, *args, all, **options):
        if not search_is_ranked():
            self.stdout.write("Nothing to do: search vectors are used on PostgreSQL only.")
            return
        written = lesson_search_vectors_update(missing_only=not all)
        self.stdout.write(f"Search vectors written for {written} lessons.")
