"""The audit log of sign-ins: who signed in, who failed, who was locked out.

Connected once, in ``AccountsConfig.ready``.
"""

import logging

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from accounts.lockout import client_address

audit = logging.getLogger("lscb.audit")


def _address(request):
    # The same client address the lock-out uses (the proxy's view of it when BEHIND_PROXY).
    return (client_address(request) or "?") if request is not None else "?"


def signed_in(sender, request, user, **kwargs):
    audit.info("sign-in: %s from %s", user.email, _address(request))


def signed_out(sender, request, user, **kwargs):
    if user is not None:
        audit.info("sign-out: %s", user.email)


def sign_in_failed(sender, credentials, request=None, **kwargs):
    # The password is never logged; django already masks it in ``credentials``.
    audit.warning(
        "failed sign-in: %s from %s",
        credentials.get("username") or credentials.get("email"),
        _address(request),
    )


def locked_out(sender, request, username, ip_address, **kwargs):
    audit.warning("lock-out: %s from %s", username, ip_address)


def connect():
    user_logged_in.connect(signed_in, dispatch_uid="accounts-audit-sign-in")
    user_logged_out.connect(signed_out, dispatch_uid="accounts-audit-sign-out")
    user_login_failed.connect(sign_in_failed, dispatch_uid="accounts-audit-failed")
    user_locked_out.connect(locked_out, dispatch_uid="accounts-audit-locked-out")
