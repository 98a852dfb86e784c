"""Two-factor sign-in for staff with a time-based code (TOTP) from an authenticator app."""

import io
from base64 import b32encode

import qrcode
import qrcode.image.svg
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def enrolment_device(user) -> TOTPDevice:
    """The unconfirmed device being set up; the same one until it is confirmed, so the QR code stays put."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def secret(device: TOTPDevice) -> str:
    """The key in base32, for typing into an app when the QR code cannot be scanned."""
    return b32encode(device.bin_key).decode().rstrip("=")


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
    otp_login(request, device)
    return True
