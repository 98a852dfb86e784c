from django.core.management.base import BaseCommand
from django.utils import timezone

from actions.reminders import overdue_summary_send, reminders_send


class Command(BaseCommand):
    help = (
        "E-mail each action's lead one digest of their actions due within 14 days or overdue, never "
        "twice for the same action and due state. With --weekly, also e-mail board managers a summary "
        "of overdue actions by owner (run it so once a week, e.g. on Mondays)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print what would be sent; send nothing.")
        parser.add_argument("--weekly", action="store_true", help="Also send the managers' weekly summary.")

    def handle(self, *args, dry_run=False, weekly=False, **options):
        today = timezone.localdate()
        lines = reminders_send(today=today, dry_run=dry_run)
        if weekly:
            lines += overdue_summary_send(today=today, dry_run=dry_run)
        prefix = "Would send" if dry_run else "Sent"
        for line in lines:
            self.stdout.write(f"{prefix}: {line}")
        self.stdout.write(
            f"{len(lines)} e-mail{'s' if len(lines) != 1 else ''} {'to send' if dry_run else 'sent'}."
        )
