from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from accounts import roles
from accounts.models import User
from accounts.services import staff_flag_sync

# Two people, because nothing is published by one person alone.
DEMO_ACCOUNTS = [
    ("officer@example.org", "Dana", "Officer", roles.OFFICER),
    ("manager@example.org", "Sam", "Manager", roles.MANAGER),
    # The Police lead of the demo action plans (demo/data/actions.toml): signs in on the site.
    ("owner@example.org", "Olu", "Owner", roles.ACTION_OWNER),
]
PASSWORD = "demo-password-2026"


class Command(BaseCommand):
    help = "Create (or reset) the demo board officer and board manager accounts. Development only."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Demo accounts are for development only; they are never created with DEBUG=false."
            )
        lines = []
        for email, first_name, last_name, role in DEMO_ACCOUNTS:
            user, _ = User.objects.get_or_create(email=email)
            user.first_name, user.last_name = first_name, last_name
            user.is_active = True
            user.set_password(PASSWORD)
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            staff_flag_sync(user=user)
            lines.append(f"  {role:<14} {email:<22} password: {PASSWORD}")
        self.stdout.write(
            self.style.SUCCESS("\nSign in at http://127.0.0.1:8000/admin/ as\n" + "\n".join(lines) + "\n")
        )
