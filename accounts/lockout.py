"""How django-axes tells sign-in attempts apart: by account, and by the real client address.

An account is locked after ``AXES_FAILURE_LIMIT`` failures against it, from anywhere, and
only its own successful sign-in clears them. An address is never locked by failures
against made-up usernames: behind a proxy, or in an office that shares one public address,
that would lock out everyone. An address that tries many real accounts (a password spray)
is held back once its failures against real accounts reach ``SIGN_IN_ADDRESS_FAILURE_LIMIT``.
"""

import ipaddress

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt, AccessLog
from axes.signals import user_locked_out
from django.conf import settings
from django.db.models import Exists, OuterRef, Sum
from django.utils import timezone


def client_address(request) -> str | None:
    """The address of the person at the browser (``AXES_CLIENT_IP_CALLABLE``).

    Behind the site's own proxies (``BEHIND_PROXY``), each appends the address it saw to
    ``X-Forwarded-For``; counting ``PROXY_COUNT`` entries from the right gives the address
    the outermost proxy saw. Entries further left were written by the client and can be made up.
    """
    remote = request.META.get("REMOTE_ADDR")
    if not settings.BEHIND_PROXY:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < settings.PROXY_COUNT:
        return remote
    candidate = forwarded[-settings.PROXY_COUNT]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def username(request, credentials) -> str | None:
    """The e-mail address tried (``AXES_USERNAME_CALLABLE``), in one case, as sign-in compares it."""
    field = settings.AXES_USERNAME_FORM_FIELD
    value = credentials.get(field) if credentials else getattr(request, "POST", {}).get(field)
    return value.strip().lower() if isinstance(value, str) else value


def _address_failures(request) -> int:
    from accounts.models import User

    address = getattr(request, "axes_ip_address", None)
    if not address:
        return 0
    real_account = User.objects.filter(email__iexact=OuterRef("username"))
    attempts = AccessAttempt.objects.filter(
        Exists(real_account), ip_address=address, attempt_time__gte=get_cool_off_threshold(request)
    )
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class SignInHandler(AxesDatabaseHandler):
    """django-axes' database handler, plus a limit per client address on failures against real
    accounts and a bounded life for the log of successful sign-ins."""

    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or self._address_over_limit(request)

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and not request.axes_locked_out and self._address_over_limit(request):
            request.axes_locked_out = True
            request.axes_credentials = credentials
            user_locked_out.send(
                "axes",
                request=request,
                username=username(request, credentials),
                ip_address=request.axes_ip_address,
            )

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)
        # Addresses and browsers of sign-ins are personal data: keep them only ACCESS_LOG_DAYS.
        AccessLog.objects.filter(
            attempt_time__lt=timezone.now() - timezone.timedelta(days=settings.ACCESS_LOG_DAYS)
        ).delete()

    @staticmethod
    def _address_over_limit(request) -> bool:
        return _address_failures(request) >= settings.SIGN_IN_ADDRESS_FAILURE_LIMIT
