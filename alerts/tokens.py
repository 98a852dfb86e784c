"""The signed links of e-mail alerts: confirming a request, and unsubscribing.

A request to subscribe is not stored: the address and its choices travel in the confirmation
link, signed and dated, so an address that never confirms leaves nothing behind. The
unsubscribe link names the subscription; it never expires, because an old e-mail must still
let its reader leave, and it stops working once that subscription is gone.
"""

from dataclasses import dataclass

from django.core import signing

CONFIRM_SALT = "alerts.confirm"
UNSUBSCRIBE_SALT = "alerts.unsubscribe"
CONFIRM_SECONDS = 3 * 24 * 60 * 60  # as long as a practitioner's registration link


@dataclass(frozen=True)
class Request:
    """What an address asked for, as carried by its confirmation link."""

    email: str
    theme_ids: tuple[int, ...]
    service_ids: tuple[int, ...]


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def confirm_token(request: Request) -> str:
    payload = {"e": request.email, "t": list(request.theme_ids), "s": list(request.service_ids)}
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(payload, compress=True)


def confirm_request(token: str) -> Request:
    """The request a confirmation link carries; ``LinkExpired`` or ``LinkInvalid`` otherwise."""
    try:
        payload = signing.TimestampSigner(salt=CONFIRM_SALT).unsign_object(token, max_age=CONFIRM_SECONDS)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except (signing.BadSignature, ValueError) as error:
        raise LinkInvalid from error
    try:
        return Request(
            email=str(payload["e"]),
            theme_ids=tuple(int(i) for i in payload["t"]),
            service_ids=tuple(int(i) for i in payload["s"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise LinkInvalid from error


def unsubscribe_token(subscription_id: int) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(subscription_id))


def unsubscribe_subscription_id(token: str) -> int:
    """The subscription an unsubscribe link names; ``LinkInvalid`` if it was not made here."""
    try:
        return int(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))
    except (signing.BadSignature, ValueError) as error:
        raise LinkInvalid from error
