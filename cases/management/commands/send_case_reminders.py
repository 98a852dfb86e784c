from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from cases.reminders import reminders_send


class Command(BaseCommand):
    help = (
        "E-mail board staff the statutory deadlines due within 3 working days or overdue, "
        "once for each deadline in each state."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Print what would be sent; send and record nothing."
        )

    def handle(self, *args, dry_run, **options):
        lines = reminders_send(
            today=timezone.localdate(), dry_run=dry_run, site_url=getattr(settings, "SITE_URL", "")
        )
        if not lines:
            self.stdout.write("No reminder to send.")
            return
        self.stdout.write(("Would send:" if dry_run else "Sent:") + "\n" + "\n".join(lines))
