from django.core.management.base import BaseCommand, CommandError

from archive.export import SchemaProblem, board_export


class Command(BaseCommand):
    help = (
        "Write everything the board holds (data and uploaded files) to one ZIP archive that "
        "import_board restores. The archive holds personal data, password hashes and "
        "two-factor secrets: keep it as safe as the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the archive, e.g. board-2026-11-23.zip")
        parser.add_argument("--database", default="default", help="The database to read (default: default).")

    def handle(self, *args, file, database, **options):
        try:
            manifest = board_export(target=file, using=database)
        except SchemaProblem as problem:
            raise CommandError(str(problem)) from problem
        except OSError as error:
            raise CommandError(f"Could not write {file}: {error}") from error
        rows = sum(entry["count"] for entry in manifest["models"])
        files = manifest["files"]
        self.stdout.write(
            f"Wrote {file}: {rows} rows of {len(manifest['models'])} models, {files['count']} files "
            f"({files['bytes']} bytes)."
        )
        for name in files["missing"]:
            self.stderr.write(f"Not in the storage, so not in the archive: {name}")
