"""The audit log of sign-ins: who signed in, who failed, who was locked out."""

import logging

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from accounts.lockout import client_address

audit = logging.getLogger("lscb.audit")


def _address(request):
    # The same client address the lock-out uses (the proxy's view of it when BEHIND_PROXY).
    return (client_address(request) or "?") if request is not None else "?"


@receiver(user_logged_in)
def signed_in(sender, request, user, **kwargs):
    audit.info("sign-in: %s from %s", user.email, _address(request))


@receiver(user_logged_out)
def signed_out(sender, request, user, **kwargs):
    if user is not None:
        audit.info("sign-out: %s", user.email)


@receiver(user_login_failed)
def sign_in_failed(sender, credentials, request=None, **kwargs):
    # The password is never logged; django already masks it in ``credentials``.
    audit.warning(
        "failed sign-in: %s from %s",
        credentials.get("username") or credentials.get("email"),
        _address(request),
    )


@receiver(user_locked_out)
def locked_out(sender, request, username, ip_address, **kwargs):
    audit.warning("lock-out: %s from %s", username, ip_address)
