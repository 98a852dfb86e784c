from django.core.management.base import BaseCommand

from alerts.digest import digests_send


class Command(BaseCommand):
    help = (
        "Send this week's e-mail of new public lessons to every confirmed subscription. Run it weekly "
        "(e.g. cron: 0 7 * * MON); running it again in the same week sends nothing."
    )

    def handle(self, *args, **options):
        run = digests_send()
        self.stdout.write(
            f"{run.sent} sent, {run.nothing_new} with nothing new, {run.done_already} already sent this week."
        )
