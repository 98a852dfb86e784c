"""Reads of the action plan, and who may see which action (the rule lives here and only here).

Board officers and managers (staff who passed the second factor where it is required) see every
action; an action owner sees only the actions of the owner groups they report for; nobody else
sees any. Nothing of the action plan is public.
"""

import datetime

from django.db import models
from django.db.models import Case, Count, Q, Value, When

from reviews.querysets import previews_unpublished

VIEW = "actions.view_action"
REPORT = "actions.report_action"
SIGN_OFF = "actions.sign_off_action"


def is_board_staff(user) -> bool:
    """Board officers and managers, verified with their second factor where that is required."""
    return previews_unpublished(user, VIEW)


def owner_group_ids(user) -> list[int]:
    """The owner groups ``user`` reports for as an action owner (none for anyone else)."""
    if user is None or not user.is_authenticated or not user.is_active or not user.has_perm(REPORT):
        return []
    return list(user.owner_memberships.values_list("owner_group_id", flat=True))


def plan_version_raise():
    from actions.models import PlanSettings

    PlanSettings.version_raise()


class ActionQuerySet(models.QuerySet):
    # Writes that skip save() and its signals still change what the plan counts.
    def update(self, **kwargs):
        rows = super().update(**kwargs)
        if rows:
            plan_version_raise()
        return rows

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            plan_version_raise()
        return created

    def visible_to(self, user):
        if is_board_staff(user):
            return self
        return self.filter(owner_group_id__in=owner_group_ids(user))

    def open(self):
        return self.filter(state__in=["not_started", "in_progress"])

    def with_rag(self, *, today: datetime.date, amber_days: int):
        """Annotate ``rag``: red past the target date and not completed, amber when due within
        ``amber_days`` or marked at risk, green otherwise; "done" once completed or closed.
        ``Action.rag`` is the same rule for one action."""
        is_open = Q(state__in=["not_started", "in_progress"])
        return self.annotate(
            rag=Case(
                When(~is_open, then=Value("done")),
                When(target_date__lt=today, then=Value("red")),
                When(
                    Q(at_risk=True) | Q(target_date__lte=today + datetime.timedelta(days=amber_days)),
                    then=Value("amber"),
                ),
                default=Value("green"),
            ),
            rag_order=Case(
                When(~is_open, then=Value(3)),
                When(target_date__lt=today, then=Value(0)),
                When(
                    Q(at_risk=True) | Q(target_date__lte=today + datetime.timedelta(days=amber_days)),
                    then=Value(1),
                ),
                default=Value(2),
            ),
        )

    def for_listing(self):
        return self.select_related("recommendation__review", "owner_group", "lead")

    def due_between(self, start: datetime.date, end: datetime.date):
        return self.filter(target_date__gte=start, target_date__lte=end)

    def counts_by(self, field: str, *, today: datetime.date):
        """``[{field: …, "total": n, "red": n}, …]`` for the counts beside the plan.

        Red is "open and past its date" said directly (the same rule as ``with_rag``), so that
        the database counts it without working out every action's colour."""
        overdue = Q(state__in=["not_started", "in_progress"], target_date__lt=today)
        return (
            self.order_by()
            .values(field)
            .annotate(total=Count("id"), red=Count("id", filter=overdue))
            .order_by("-red", "-total", field)
        )

    def of_review(self, words: str):
        """The actions of the reviews with this reference or address, or these words in the title."""
        review = Q(recommendation__review__reference__iexact=words) | Q(recommendation__review__slug=words)
        return self.filter(review | Q(recommendation__review__title__icontains=words))

    def plan(self, *, today: datetime.date, amber_days: int, review="", owner=None, state="open", due=""):
        """The board's plan as filtered on its page and in its exports: overdue first, then by date."""
        actions = self.with_rag(today=today, amber_days=amber_days)
        if review:
            actions = actions.of_review(review)
        if owner is not None:
            actions = actions.filter(owner_group=owner)
        if state == "open":
            actions = actions.exclude(state__in=["signed_off", "not_implemented"])
        elif state:
            actions = actions.filter(state=state)
        if due == "overdue":  # red, said so that the database can use its index on the date
            actions = actions.open().filter(target_date__lt=today)
        elif due:
            actions = actions.open().due_between(today, today + datetime.timedelta(days=int(due)))
        if state in ("open", "not_started", "in_progress"):
            # Every open action past its date is red, so the earliest dates are the overdue ones:
            # an order the (target_date, id) index gives without sorting the whole plan.
            return actions.order_by("target_date", "id")
        return actions.order_by("rag_order", "target_date", "id")
