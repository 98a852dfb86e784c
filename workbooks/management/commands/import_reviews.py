from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from accounts.models import User
from workbooks.services import may_import, workbook_import, workbook_preview


class Command(BaseCommand):
    help = (
        "Import reviews from a workbook (.xlsx), a CSV file named after its sheet, or a .zip of CSVs: "
        "the same checks and writes as the admin's import. Nothing is written unless the whole file is valid."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Show what would be done; write nothing.")
        parser.add_argument(
            "--user",
            help="E-mail address of the board officer or manager the history records as having imported "
            "it (required unless --dry-run).",
        )

    def handle(self, *args, file, dry_run, user, **options):
        by = None
        if user:
            by = User.objects.filter(email__iexact=user).first()
            if by is None or not may_import(by):
                raise CommandError(f"{user} is not a board officer or manager who may import reviews.")
        elif not dry_run:
            raise CommandError("Say who is importing with --user EMAIL: the reviews' history records them.")
        if not file.is_file():
            raise CommandError(f"There is no file {file}.")
        with file.open("rb") as source:
            preview = workbook_preview(source=source, name=file.name, user=by)
        rows = ", ".join(f"{sheet} {count}" for sheet, count in preview.rows.items())
        if rows:
            self.stdout.write(f"Rows read: {rows}.")
        counts = preview.counts
        summary = (
            f"{counts['create']} review(s) to add as drafts, {counts['update']} to update, "
            f"{counts['unchanged']} unchanged."
        )
        for plan in preview.plans:
            if plan.action == "update" and options["verbosity"] > 1:
                self.stdout.write(f"  {plan.reference}: {'; '.join(plan.changes)}")
        if preview.problems:
            for problem in preview.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(preview.problems)} problem(s) to correct; nothing was imported. {summary}"
            )
        if dry_run:
            self.stdout.write(f"Dry run: {summary} Nothing was written.")
            return
        changing = counts["create"] + counts["update"]
        with tqdm(
            total=len(preview.plans), unit="review", disable=options["verbosity"] == 0 or not changing
        ) as bar:
            workbook_import(preview=preview, by=by, file_name=file.name, progress=bar.update)
        self.stdout.write(self.style.SUCCESS(f"Imported {file.name}: {summary}"))
