"""Two-factor sign-in for staff with a time-based code (TOTP) from an authenticator app.

Setting up an app is not trust-on-first-use: a password alone must not be enough to
attach an attacker's phone to a staff account. The person first opens a short-lived,
single-use link sent to their mailbox; only then is the QR code shown.
"""

import io
from functools import wraps
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.core import signing
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

ENROLMENT_SALT = "accounts.two_factor.enrolment"
# The session remembers which new device its owner proved their mailbox for.
ENROLMENT_SESSION_KEY = "two_factor_enrolment_device"


def needs_second_factor(request) -> bool:
    """Signed in as staff with the password only, where staff must also give a code."""
    user = request.user
    return (
        settings.STAFF_TWO_FACTOR_REQUIRED
        and user.is_authenticated
        and user.is_staff
        and not user.is_verified()
    )


def to_code_step(request):
    query = urlencode({"next": request.get_full_path()})
    return redirect(f"{reverse('accounts:two_factor')}?{query}")


def second_factor_required(view):
    """For pages that change the account itself: staff confirm their code first."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if needs_second_factor(request):
            return to_code_step(request)
        return view(request, *args, **kwargs)

    return guarded


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def _devices_fingerprint(user) -> str:
    # Changes as soon as a link is used (a new device is made) or an app is confirmed,
    # and when the password changes: that is what makes a link work once.
    devices = ",".join(
        str(pk) for pk in TOTPDevice.objects.filter(user=user).order_by("pk").values_list("pk")
    )
    return salted_hmac(ENROLMENT_SALT, f"{user.pk}|{user.password}|{devices}", algorithm="sha256").hexdigest()


def enrolment_token(user) -> str:
    return signing.dumps({"user": user.pk, "state": _devices_fingerprint(user)}, salt=ENROLMENT_SALT)


def enrolment_start(*, user, token: str, request) -> bool:
    """Use an e-mailed set-up link: give the session a new device to set up, or refuse the link.

    The link belongs to the person signed in, works for ``TWO_FACTOR_ENROLMENT_SECONDS``
    and only once, and never while the account already has a confirmed app.
    """
    try:
        data = signing.loads(token, salt=ENROLMENT_SALT, max_age=settings.TWO_FACTOR_ENROLMENT_SECONDS)
    except signing.BadSignature:  # includes an expired link
        return False
    if data.get("user") != user.pk or not constant_time_compare(
        data.get("state", ""), _devices_fingerprint(user)
    ):
        return False
    if confirmed_device(user) is not None:
        return False
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    request.session[ENROLMENT_SESSION_KEY] = device.pk
    return True


def enrolment_device(request) -> TOTPDevice | None:
    """The new device this session may set up, once its owner has opened the e-mailed link."""
    pk = request.session.get(ENROLMENT_SESSION_KEY)
    if pk is None:
        return None
    return TOTPDevice.objects.filter(pk=pk, user=request.user, confirmed=False).first()


def qr_code_svg(device: TOTPDevice) -> str:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def verify(request, device: TOTPDevice, token: str) -> bool:
    """Check a code; on success the session counts as verified (and a new device becomes confirmed)."""
    token = "".join(ch for ch in token if ch.isdigit())
    if not token or not device.verify_token(token):
        return False
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        request.session.pop(ENROLMENT_SESSION_KEY, None)
    otp_login(request, device)
    return True
