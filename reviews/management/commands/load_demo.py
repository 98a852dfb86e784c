from django.core.management.base import BaseCommand

from briefings.services import newsletters_demo_ensure
from reviews.demo_data import BOARD, REVIEWS
from reviews.services import board_profile_ensure, review_import


class Command(BaseCommand):
    help = "Load the demo board and its case reviews. Running it again changes nothing."

    def handle(self, *args, **options):
        board_profile_ensure(data=BOARD)
        created = sum(review_import(data=data)[1] for data in REVIEWS)
        self.stdout.write(f"Demo data: {created} reviews added, {len(REVIEWS) - created} already present.")
        self.stdout.write(f"Demo newsletters: {newsletters_demo_ensure()} added.")
