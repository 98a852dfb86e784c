from contextlib import nullcontext
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from briefings.kept_pdfs import renderings_deferred
from demo import content
from demo.actions import actions_demo_ensure
from demo.cases import cases_demo_ensure
from demo.content import DemoDataError
from demo.services import board_demo_ensure, newsletters_demo_ensure, reviews_demo_ensure

# Later parts of the demo (action plans, cases): each a function that adds what is missing
# and returns one line for the output. Listed here so that the order is explicit.
DEMO_EXTRAS = [cases_demo_ensure, actions_demo_ensure]


class Command(BaseCommand):
    help = "Load the demo board and its case reviews from demo/data/. Running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--folder",
            type=Path,
            default=content.DATA,
            help="A folder laid out like demo/data/: board.toml, reviews/*.toml, newsletters/*.toml.",
        )
        parser.add_argument(
            "--no-pdfs",
            action="store_false",
            dest="pdfs",
            help="Leave every PDF to be made at its first download (a quicker load).",
        )

    def handle(self, *args, folder, pdfs=True, **options):
        # Without PDFs, nothing is rendered ahead: each is made at its first download.
        with nullcontext() if pdfs else renderings_deferred():
            self._load(folder)

    def _load(self, folder):
        try:
            board_demo_ensure(folder=folder)
            added, files = reviews_demo_ensure(folder=folder)
            self.stdout.write(f"Demo data: {added} reviews added, {files - added} already present.")
            self.stdout.write(f"Demo newsletters: {newsletters_demo_ensure(folder=folder)} added.")
            for ensure in DEMO_EXTRAS:
                self.stdout.write(ensure())
        except DemoDataError as error:
            raise CommandError(str(error)) from error
