"""Run the publication check over a stored review, or over text from standard input.

    manage.py publication_check LCSPR-2026-01
    manage.py publication_check - < draft.txt

One line a finding: kind, the text found, what to say instead. Exits 1 when something was found
(a review's findings count even when a manager accepted them), 0 when nothing was, 2 for an
unknown reference.
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from disclosure.checks import text_check
from disclosure.services import board_vocabulary, publication_check
from reviews.models import Review


class Command(BaseCommand):
    help = "Check a review (by reference), or text from standard input ('-'), for identifying details."

    def add_arguments(self, parser):
        parser.add_argument("reference", help="A review's reference, or - to read text from standard input.")
        parser.add_argument(
            "--pseudonym",
            action="append",
            default=[],
            help="A child's pseudonym the text may use (repeatable).",
        )

    def handle(self, *args, reference, pseudonym, **options):
        if reference == "-":
            findings = text_check(sys.stdin.read(), board_vocabulary(pseudonyms=pseudonym))
            accepted = None
        else:
            review = Review.objects.filter(reference__iexact=reference.strip()).first()
            if review is None:
                raise CommandError(f"There is no review with the reference {reference}.", returncode=2)
            report = publication_check(review)
            findings, accepted = report.findings, report.acceptance
        for finding in findings:
            where = f"{finding.where}: " if finding.where else ""
            self.stdout.write(f"{finding.kind_label}\t{where}{finding.text}\t{finding.message}")
        if accepted is not None:
            self.stdout.write(
                f"Accepted by {accepted.accepted_by} on {accepted.accepted_at:%d %B %Y}: {accepted.reason}"
            )
        if findings:
            self.stderr.write(f"{len(findings)} finding{'s' if len(findings) != 1 else ''}.")
            sys.exit(1)
        self.stdout.write("Nothing found.")
