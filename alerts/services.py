"""Writes for e-mail alerts: asking, confirming and leaving. The weekly digest is in digest.py."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from alerts import tokens
from alerts.models import Subscription
from reviews.models import BoardProfile, Service, Theme

logger = logging.getLogger(__name__)


def absolute(path: str) -> str:
    """An address on this site for an e-mail, which is read far from any request."""
    return settings.SITE_URL + path


def subscription_request(*, email: str, themes, services) -> None:
    """E-mail ``email`` a link that confirms these choices (double opt-in).

    Nothing is read or written here: whether or not the address is subscribed already, it
    gets the same e-mail, and confirming replaces its choices. So the answer, and the time it
    takes, tell nobody whether an address is subscribed.
    """
    request = tokens.Request(
        email=email,
        theme_ids=tuple(sorted(theme.pk for theme in themes)),
        service_ids=tuple(sorted(service.pk for service in services)),
    )
    link = absolute(reverse("alerts:confirm", kwargs={"token": tokens.confirm_token(request)}))
    context = {
        "board": BoardProfile.current(),
        "themes": themes,
        "services": services,
        "link": link,
        "days": tokens.CONFIRM_SECONDS // (24 * 60 * 60),
    }
    send_mail(
        "Confirm your e-mail alerts of new lessons",
        render_to_string("alerts/email/confirm.txt", context),
        None,
        [email],
    )


def request_choices(request: tokens.Request) -> tuple[list[Theme], list[Service]]:
    """The themes and services a request names that still exist."""
    return (
        list(Theme.objects.filter(pk__in=request.theme_ids)),
        list(Service.objects.filter(pk__in=request.service_ids)),
    )


@transaction.atomic
def subscription_confirm(*, request: tokens.Request) -> Subscription | None:
    """Subscribe the address with the request's choices, replacing any it had.

    ``None`` when none of the chosen themes or services exists any more.
    """
    themes, services = request_choices(request)
    if not themes and not services:
        return None
    subscription, created = Subscription.objects.select_for_update().get_or_create(
        email=request.email, defaults={"confirmed_at": timezone.now()}
    )
    if not created:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    subscription.themes.set(themes)
    subscription.services.set(services)
    logger.info("e-mail alerts confirmed for subscription %s", subscription.pk)
    return subscription


def subscription_cancel(*, subscription_id: int) -> None:
    """Forget the subscription: its address, choices and dates. Doing it twice is harmless."""
    Subscription.objects.filter(pk=subscription_id).delete()


def unsubscribe_url(subscription: Subscription) -> str:
    token = tokens.unsubscribe_token(subscription.pk)
    return absolute(reverse("alerts:unsubscribe", kwargs={"token": token}))
