"""Writes for accounts: practitioner registration and confirmation, invitations, roles."""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts import two_factor
from accounts.models import User
from accounts.roles import PRACTITIONER, STAFF_ROLES

audit = logging.getLogger("lscb.audit")


def email_domain_allowed(email: str) -> bool:
    domain = email.rsplit("@", 1)[-1].lower()
    allowed = [d.lower().lstrip("@") for d in settings.PRACTITIONER_EMAIL_DOMAINS]
    # A sub-domain of a listed domain (e.g. a trust's address under nhs.net) is also accepted.
    return any(domain == d or domain.endswith("." + d) for d in allowed)


@transaction.atomic
def practitioner_register(
    *, email: str, password: str, first_name: str, last_name: str, organisation: str, request
) -> None:
    """Create an inactive practitioner account and e-mail a confirmation link.

    The account can sign in only after the link proves the person reads that mailbox,
    because the e-mail domain is what shows they work for a partner agency.

    An address that already has an account (active, deactivated or waiting for its
    confirmation) is never changed: its owner gets an e-mail saying someone tried. The
    page answers alike, after the same work, so it reveals nothing about the address.
    A registration that was never confirmed lapses when its link expires; then the
    address may be registered again.
    """
    email = User.objects.normalize_email(email).lower()
    if not email_domain_allowed(email):
        raise ValidationError(
            "Registration is open to staff of the board's partner agencies. Use your work e-mail address "
            "(for example an nhs.net, police.uk or council address), or ask the board's business unit."
        )
    hashed = make_password(password)  # on every path, so that timing tells nothing
    existing = User.objects.select_for_update().filter(email__iexact=email).first()
    if existing is not None and not _registration_lapsed(existing):
        _registration_attempt_notify(user=existing, request=request)
        return
    user = existing or User(email=email)
    user.first_name, user.last_name, user.organisation = first_name, last_name, organisation
    user.is_active = False
    user.password = hashed
    user.date_joined = timezone.now()
    user.full_clean(exclude=["password"])
    user.save()
    user.groups.add(Group.objects.get(name=PRACTITIONER))
    link = _token_link(request, "accounts:register_confirm", user)
    send_mail(
        "Confirm your e-mail address",
        render_to_string("accounts/email/confirm_registration.txt", {"user": user, "link": link}),
        None,
        [user.email],
    )
    audit.info("registration requested for %s", user.email)


def _sign_up_pending(user: User) -> bool:
    """A practitioner's own sign-up, not yet confirmed (never signed in, no other role)."""
    never_used = (
        not user.is_active and user.last_login is None and not user.is_staff and not user.is_superuser
    )
    return never_used and not user.groups.exclude(name=PRACTITIONER).exists()


def _registration_lapsed(user: User) -> bool:
    expired = timezone.now() - user.date_joined > timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
    return expired and _sign_up_pending(user)


def _registration_attempt_notify(*, user: User, request) -> None:
    context = {
        "user": user,
        "pending": _sign_up_pending(user),
        "reset_link": request.build_absolute_uri(reverse("accounts:password_reset")),
    }
    send_mail(
        "Someone tried to register with your e-mail address",
        render_to_string("accounts/email/registration_attempt.txt", context),
        None,
        [user.email],
    )
    audit.warning("registration attempted for the existing account %s", user.email)


def practitioner_confirm(*, user: User | None, token: str) -> bool:
    if user is None or user.is_active or not default_token_generator.check_token(user, token):
        return False
    user.is_active = True
    user.save(update_fields=["is_active"])
    audit.info("registration confirmed for %s", user.email)
    return True


def staff_flag_sync(*, user: User) -> None:
    """Board officers and managers use the admin, so their role makes them staff; others are not."""
    is_staff = user.is_superuser or user.groups.filter(name__in=STAFF_ROLES).exists()
    if user.is_staff != is_staff:
        user.is_staff = is_staff
        user.save(update_fields=["is_staff"])


def _token_link(request, url_name: str, user: User) -> str:
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return request.build_absolute_uri(reverse(url_name, kwargs={"uidb64": uidb64, "token": token}))


def user_invite(*, user: User, request) -> None:
    """E-mail a new colleague a link to choose their own password (nobody else ever knows it)."""
    link = _token_link(request, "accounts:password_reset_confirm", user)
    send_mail(
        "You have been invited to the case review system",
        render_to_string("accounts/email/invitation.txt", {"user": user, "link": link, "by": request.user}),
        None,
        [user.email],
    )
    audit.info("invitation sent to %s by %s", user.email, request.user.email)


def two_factor_enrolment_send(*, user: User, request) -> None:
    """E-mail a staff member the single-use link that lets them set up their authenticator app.

    Needing the mailbox as well as the password stops someone who has only the password
    from attaching their own phone to the account.
    """
    path = reverse("accounts:two_factor_enrol", kwargs={"token": two_factor.enrolment_token(user)})
    send_mail(
        "Set up two-factor sign-in",
        render_to_string(
            "accounts/email/two_factor_enrolment.txt",
            {
                "user": user,
                "link": request.build_absolute_uri(path),
                "minutes": settings.TWO_FACTOR_ENROLMENT_SECONDS // 60,
            },
        ),
        None,
        [user.email],
    )
    audit.info("two-factor set-up link sent to %s", user.email)
