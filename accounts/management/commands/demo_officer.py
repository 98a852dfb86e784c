from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand, CommandError

from accounts.models import User

EMAIL = "officer@example.org"
PASSWORD = "demo-officer-2026"


class Command(BaseCommand):
    help = "Create (or reset) the demo board-officer account and print how to sign in. Development only."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "The demo account is for development only; it is never created with DEBUG=false."
            )
        user, _ = User.objects.get_or_create(
            email=EMAIL, defaults={"first_name": "Demo", "last_name": "Officer"}
        )
        user.is_staff = True
        user.is_active = True
        user.set_password(PASSWORD)
        user.save()
        user.user_permissions.set(
            Permission.objects.filter(content_type__app_label__in=["reviews", "briefings"])
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"\nSign in at http://127.0.0.1:8000/admin/ as {EMAIL} with the password {PASSWORD}\n"
            )
        )
