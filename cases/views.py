from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from cases.access import case_staff_only
from cases.calendar import calendar_for
from cases.figures import case_figures_cached
from cases.models import CalendarToken, Case
from cases.services import calendar_token_renew, calendar_token_revoke
from cases.timeline import case_timeline

PER_PAGE = 25  # a screenful: the overdue and the nearest first
LIST_FIELDS = ("reference", "decision_state", "next_due_on", "next_deadline")


@case_staff_only
def case_list(request):
    """What's due: every open case by its next statutory date, overdue first; the board's figures."""
    paginator = Paginator(Case.objects.whats_due().only(*LIST_FIELDS), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    context = {"page": page, "open_count": paginator.count, "figures": case_figures_cached()}
    return render(request, "cases/case_list.html", context)


@case_staff_only
def case_detail(request, pk):
    case = get_object_or_404(
        Case.objects.select_related("review", "decision_proposed_by", "decision_decided_by").prefetch_related(
            "children", "agencies__service", "progress_checks"
        ),
        pk=pk,
    )
    return render(request, "cases/case_detail.html", {"case": case, "timeline": case_timeline(case)})


@case_staff_only
@require_http_methods(["GET", "POST"])
def calendar_page(request):
    """The staff member's private calendar address: shown, renewed or revoked."""
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            calendar_token_revoke(user=request.user)
        else:
            calendar_token_renew(user=request.user)
        return redirect("cases:calendar")
    token = CalendarToken.objects.filter(user=request.user).first()
    address = request.build_absolute_uri(reverse("cases:calendar_feed", args=[token.token])) if token else ""
    return render(request, "cases/calendar.html", {"address": address})


def calendar_feed(request, token):
    """A calendar app fetches this without signing in: the secret address is the key."""
    found = CalendarToken.objects.select_related("user").filter(token=token).first()
    # Two-factor cannot be asked of a calendar app: the holder must still be staff allowed to see cases.
    user = found.user if found else None
    if user is None or not (user.is_active and user.is_staff and user.has_perm("cases.view_case")):
        raise Http404("There is no such calendar.")
    response = HttpResponse(
        calendar_for(Case.objects.all(), base_url=request.build_absolute_uri("/")),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="statutory-deadlines.ics"'
    return response
