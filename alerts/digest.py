"""The weekly digest: new public lessons that match each subscription, at most once a week.

A lesson is new on the day its review went on the public site: the day it was approved for
publication, or its publication date if that is later. (A review entered years after it was
published on paper still reaches subscribers, on the day it appears.) Each digest covers the
days from the previous one (or from confirming) up to yesterday, so every day belongs to
exactly one digest; the week of the last digest is recorded, so running the command again in
the same week sends nothing.
"""

import datetime
import logging
from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce, Greatest, TruncDate
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from alerts.models import Subscription
from alerts.services import absolute, unsubscribe_url
from reviews.markdown import markdown_to_text
from reviews.models import BoardProfile, Lesson

logger = logging.getLogger(__name__)

LESSONS_PER_DIGEST = 30  # beyond these the e-mail points to the lessons page


def lessons_on_site_between(start: datetime.date, end: datetime.date):
    """Public lessons whose review appeared on the public site on a day in [start, end)."""
    on_site = Greatest(
        F("review__published_on"),
        Coalesce(TruncDate("review__decided_at"), F("review__published_on")),
    )
    return (
        Lesson.objects.public()
        .alias(on_site=on_site)
        .filter(on_site__gte=start, on_site__lt=end)
        .order_by("-review__published_on", "-review_id", "order", "id")
    )


def lessons_for(subscription: Subscription, start: datetime.date, end: datetime.date):
    lessons = lessons_on_site_between(start, end)
    themes = [theme.pk for theme in subscription.themes.all()]
    services = [service.pk for service in subscription.services.all()]
    # Both chosen: lessons on one of the themes for one of the services, as the lessons page filters.
    if themes:
        lessons = lessons.filter(
            pk__in=Lesson.themes.through.objects.filter(theme__in=themes).values("lesson")
        )
    if services:
        lessons = lessons.filter(
            pk__in=Lesson.services.through.objects.filter(service__in=services).values("lesson")
        )
    return lessons


def same_week(a: datetime.date, b: datetime.date) -> bool:
    return a.isocalendar()[:2] == b.isocalendar()[:2]


@dataclass
class DigestRun:
    sent: int = 0
    nothing_new: int = 0
    done_already: int = 0


def digests_send(*, today: datetime.date | None = None) -> DigestRun:
    """Send this week's digest to every subscription that has not had it; idempotent per week."""
    today = today or timezone.localdate()
    run = DigestRun()
    board = BoardProfile.current()
    for subscription_id in Subscription.objects.values_list("pk", flat=True):
        outcome = _digest_send(subscription_id=subscription_id, today=today, board=board)
        setattr(run, outcome, getattr(run, outcome) + 1)
    return run


def _digest_send(*, subscription_id: int, today: datetime.date, board) -> str:
    # One transaction per subscription, the row locked: two runs at once send one digest, and
    # an e-mail that fails to send leaves the week unrecorded, for the next run.
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update()
            .filter(pk=subscription_id)
            .prefetch_related("themes", "services")
            .first()
        )
        if subscription is None:  # unsubscribed meanwhile
            return "done_already"
        if subscription.last_digest_on and same_week(subscription.last_digest_on, today):
            return "done_already"
        start = subscription.last_digest_on or timezone.localdate(subscription.confirmed_at)
        lessons = list(
            lessons_for(subscription, start, today)
            .select_related("review")
            .prefetch_related("themes")
            .defer("search_vector", "review__summary", "review__why_it_matters")[: LESSONS_PER_DIGEST + 1]
        )
        if lessons:
            _digest_email(subscription, lessons, board).send()
        subscription.last_digest_on = today
        subscription.save(update_fields=["last_digest_on"])
    return "sent" if lessons else "nothing_new"


def _digest_email(subscription: Subscription, lessons: list, board) -> EmailMessage:
    unsubscribe = unsubscribe_url(subscription)
    context = {
        "board": board,
        "subscription": subscription,
        "lessons": [
            {
                "lesson": lesson,
                "text": markdown_to_text(lesson.text),
                "link": absolute(lesson.review.get_absolute_url()) + f"#lesson-{lesson.pk}",
            }
            for lesson in lessons[:LESSONS_PER_DIGEST]
        ],
        "more": len(lessons) > LESSONS_PER_DIGEST,
        "lessons_url": absolute(reverse("reviews:lesson_list")),
        "change_url": absolute(reverse("alerts:subscribe")),
        "unsubscribe_url": unsubscribe,
    }
    count = min(len(lessons), LESSONS_PER_DIGEST)
    return EmailMessage(
        subject=f"{'More than ' if context['more'] else ''}{count} new lesson{'s' if count != 1 else ''} "
        f"from {board.short_name or board.name}",
        body=render_to_string("alerts/email/digest.txt", context),
        to=[subscription.email],
        # RFC 8058: mail programs show an "Unsubscribe" button that posts to this address.
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
