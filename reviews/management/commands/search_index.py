from django.core.management.base import BaseCommand

from reviews.search_index import folder, index_update


class Command(BaseCommand):
    help = (
        "Bring the search index (SEARCH_INDEX_DIR, PostgreSQL only) up to the library: the reviews "
        "changed since its last update, or every review with --rebuild. The background worker does "
        "this after each change; searches use PostgreSQL alone while the index is behind."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Read every review again.")

    def handle(self, *args, rebuild, **options):
        if folder() is None:
            self.stdout.write("Nothing to do: no SEARCH_INDEX_DIR, or not on PostgreSQL.")
            return
        read = index_update(rebuild=rebuild)
        if read is None:
            self.stdout.write("Another process is updating the index; it reads what changed meanwhile.")
        else:
            self.stdout.write(f"Search index up to date ({read} reviews read).")
