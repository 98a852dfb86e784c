from django.core.management.base import BaseCommand

from reviews.search import finding_search_vectors_update, search_is_ranked


class Command(BaseCommand):
    help = (
        "Fill the full-text search vectors of findings (key issues, good practice, lessons, "
        "recommendations) left empty by bulk inserts or a restore (PostgreSQL). Saving a finding "
        "or a review keeps them current; this is for data loaded without saving."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Recompute every finding, not only empty ones."
        )

    def handle(self, *args, all, **options):
        if not search_is_ranked():
            self.stdout.write("Nothing to do: search vectors are used on PostgreSQL only.")
            return
        written = finding_search_vectors_update(missing_only=not all)
        self.stdout.write(f"Search vectors written for {written} findings.")
