"""Dissemination: teams record that they discussed a review's briefing; the board sees the counts.

A record is never public: it is taken only from signed-in readers, and shown only to board staff.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from actions.forms import DisseminationForm
from actions.models import Dissemination
from actions.views import board_staff_only
from reviews.models import Review


@transaction.atomic
def dissemination_record(*, review, by, **fields) -> Dissemination:
    """Record that a team discussed ``review``'s briefing."""
    record = Dissemination(review=review, by=by, **fields)
    record._history_user = by
    record.full_clean()
    record.save()
    return record


@login_required
def dissemination_add(request, slug):
    review = get_object_or_404(Review.objects.visible_to(request.user).filter(state="published"), slug=slug)
    initial = {"agency": request.user.organisation}
    form = DisseminationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        dissemination_record(review=review, by=request.user, **form.cleaned_data)
        messages.success(request, "Thank you: your team's discussion is recorded for the board.")
        return redirect(reverse("briefings:review_briefing", args=[review.slug]))
    status = 400 if form.errors else 200
    return render(request, "actions/dissemination_form.html", {"review": review, "form": form}, status=status)


@login_required
def dissemination_counts(request):
    board_staff_only(request)
    totals = {"teams": Count("id"), "staff": Sum("staff_count")}
    context = {
        "by_review": Dissemination.objects.values("review__title").annotate(**totals).order_by("-staff"),
        "by_agency": Dissemination.objects.values("agency").annotate(**totals).order_by("-staff"),
        "latest": Dissemination.objects.select_related("review")[:20],
    }
    return render(request, "actions/dissemination_counts.html", context)
