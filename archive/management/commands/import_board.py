from django.core.management.base import BaseCommand, CommandError

from archive.restore import ArchiveRefused, board_import


class Command(BaseCommand):
    help = (
        "Restore a board from an archive written by export_board into an empty, migrated database. "
        "Refuses a database that holds reviews or user accounts unless --replace is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The archive to restore.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete everything this database holds (reviews, users, lists, history) and restore "
            "the archive in its place.",
        )
        parser.add_argument("--database", default="default", help="The database to restore into.")

    def handle(self, *args, file, replace, database, **options):
        try:
            counts = board_import(source=file, using=database, replace=replace)
        except ArchiveRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        files = counts.pop("files")
        self.stdout.write(f"Restored {sum(counts.values())} rows of {len(counts)} models and {files} files.")
