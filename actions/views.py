"""The action plan's pages: the board's plan, an owner's actions, one action with its updates.

Every read asks ``Action.objects.visible_to(user)``: an action someone may not see is a 404,
and nobody who is signed out reaches any of these pages.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from actions.exports import plan_xlsx
from actions.forms import OPEN, PlanFilterForm, ProgressUpdateForm
from actions.models import Action, PlanSettings, ProgressUpdate
from actions.querysets import REPORT, is_board_staff, owner_group_ids
from actions.services import action_at_risk_set, progress_update_add
from actions.summary import plan_summary
from actions.validators import CONTENT_TYPES, extension
from actions.workflow import ACTION, action_transition
from briefings.pdf import PdfUnavailable, render_pdf
from reviews.models import BoardProfile, Review
from reviews.pagination import PageError, page_of
from reviews.workflow import refusal, transitions_allowed
from reviews.workflow_admin import messages_of, transition_form_class

ACTIONS_PER_PAGE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def board_staff_only(request):
    if not is_board_staff(request.user):
        raise Http404("There is no such page.")


def plan_filters(request) -> tuple[PlanFilterForm, dict]:
    data = request.GET.copy()
    data.setdefault("state", OPEN)
    form = PlanFilterForm(data)
    filters = dict(form.cleaned_data) if form.is_valid() else {"state": OPEN}
    return form, filters


def plan_actions(filters, amber_days=None):
    today = timezone.localdate()
    amber_days = PlanSettings.amber() if amber_days is None else amber_days
    return Action.objects.for_listing().plan(today=today, amber_days=amber_days, **filters)


@login_required
@require_safe
def plan(request):
    board_staff_only(request)
    form, filters = plan_filters(request)
    amber_days, version = PlanSettings.current()
    actions = plan_actions(filters, amber_days)
    summary = plan_summary(
        actions, filters=filters, today=timezone.localdate(), amber_days=amber_days, version=version
    )
    try:
        page = page_of(actions, request.GET.get("page"), per_page=ACTIONS_PER_PAGE, count=summary["total"])
    except PageError as error:
        context = {"form": form, "error": error.message}
        return render(request, "actions/plan.html", context, status=error.status)
    context = {
        "form": form,
        "page_obj": page,
        "by_owner": summary["by_owner"],
        "by_review": summary["by_review"],
        "query": request.GET.urlencode(),
        "amber_days": amber_days,
    }
    return render(request, "actions/plan.html", context)


@login_required
@require_safe
def mine(request):
    groups = owner_group_ids(request.user)
    if not groups and is_board_staff(request.user):
        return redirect("actions:plan")  # board staff follow every action there
    if not groups:
        raise Http404("There is no such page.")
    today = timezone.localdate()
    actions = (
        Action.objects.filter(owner_group_id__in=groups)
        .for_listing()
        .with_rag(today=today, amber_days=PlanSettings.amber())
        .order_by("rag_order", "target_date", "id")
    )
    return render(request, "actions/mine.html", {"actions": actions})


@login_required
@require_safe
def review_plan(request, slug):
    board_staff_only(request)
    review = get_object_or_404(Review, slug=slug)
    today = timezone.localdate()
    recommendations = review.recommendations.select_related("owner_group").prefetch_related("actions__lead")
    amber = PlanSettings.amber()
    rows = [
        (recommendation, [(action, action.rag(today, amber)) for action in recommendation.actions.all()])
        for recommendation in recommendations
    ]
    return render(request, "actions/review_plan.html", {"review": review, "rows": rows})


def _visible_action(request, pk):
    return get_object_or_404(
        Action.objects.visible_to(request.user).select_related(
            "recommendation__review", "owner_group", "lead"
        ),
        pk=pk,
    )


def may_report(user, action) -> bool:
    return user.has_perm(REPORT) and (is_board_staff(user) or action.owner_group_id in owner_group_ids(user))


@login_required
def action_detail(request, pk):
    action = _visible_action(request, pk)
    reporting = may_report(request.user, action) and action.is_open
    form = ProgressUpdateForm(request.POST or None, request.FILES or None) if reporting else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                progress_update_add(action=action, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Your progress update was saved.")
                return redirect(action)
    context = {
        "action": action,
        "rag": action.rag(timezone.localdate(), PlanSettings.amber()),
        "updates": action.updates.select_related("by"),
        "form": form,
        "transitions": transitions_allowed(workflow=ACTION, obj=action, user=request.user)
        if may_report(request.user, action) or is_board_staff(request.user)
        else [],
        "may_report": reporting,
    }
    return render(request, "actions/action_detail.html", context, status=400 if form and form.errors else 200)


@login_required
@require_POST
def action_at_risk(request, pk):
    action = _visible_action(request, pk)
    if not may_report(request.user, action) or not action.is_open:
        raise PermissionDenied
    at_risk = request.POST.get("at_risk") == "yes"
    action_at_risk_set(action=action, at_risk=at_risk, by=request.user)
    messages.success(
        request, "The action is marked at risk." if at_risk else "The action is no longer at risk."
    )
    return redirect(action)


@login_required
def action_step(request, pk, name):
    """A step of the action's workflow on the site: confirm, give a reason, an outcome for sign-off."""
    action = _visible_action(request, pk)
    try:
        transition = ACTION[name]
    except KeyError:
        raise Http404("There is no such step.") from None
    form = transition_form_class(transition, action)(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            action_transition(
                action=action,
                name=name,
                by=request.user,
                reason=form.cleaned_data["reason"],
                data=form.data_for_transition,
            )
        except (PermissionDenied, ValidationError) as refused:
            form.add_error(None, " ".join(messages_of(refused)))
        else:
            messages.success(request, f"The action was {transition.done}.")
            return redirect(action)
    context = {
        "action": action,
        "transition": transition,
        "form": form,
        "refused": refusal(workflow=ACTION, obj=action, transition=transition, user=request.user),
    }
    return render(request, "actions/action_step.html", context, status=400 if form.errors else 200)


@login_required
@require_safe
def evidence(request, pk):
    """An evidence file, for board staff and the owning agency only; never at a public address."""
    update = get_object_or_404(ProgressUpdate.objects.select_related("action"), pk=pk)
    if (
        not Action.objects.visible_to(request.user).filter(pk=update.action_id).exists()
        or not update.evidence
    ):
        raise Http404("There is no such file.")
    try:
        file = update.evidence.open("rb")
    except (OSError, ValueError):
        raise Http404("The file is missing from storage.") from None
    name = update.evidence.name.rsplit("/", 1)[-1]
    response = FileResponse(file, as_attachment=True, filename=name)
    response["Content-Type"] = CONTENT_TYPES.get(extension(name), "application/octet-stream")
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _filters_described(filters) -> str:
    parts = []
    if filters.get("review"):
        parts.append(f"review: {filters['review'].title}")
    if filters.get("owner"):
        parts.append(f"owner: {filters['owner'].name}")
    state = dict(PlanFilterForm.base_fields["state"].choices).get(filters.get("state", ""), "")
    parts.append(state.lower())
    due = dict(PlanFilterForm.base_fields["due"].choices).get(filters.get("due") or "", "")
    if filters.get("due"):
        parts.append(due.lower())
    return "; ".join(parts)


@login_required
@require_safe
def plan_export_xlsx(request):
    board_staff_only(request)
    _, filters = plan_filters(request)
    content = plan_xlsx(plan_actions(filters))
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="action-plan-{timezone.localdate():%Y-%m-%d}.xlsx"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_safe
def plan_report_pdf(request):
    board_staff_only(request)
    _, filters = plan_filters(request)
    actions = plan_actions(filters)
    context = {
        "board": BoardProfile.current(),
        "today": timezone.localdate(),
        "filters": _filters_described(filters),
        "actions": actions,
        "by_owner": actions.counts_by("owner_group__name", today=timezone.localdate()),
    }
    try:
        pdf = render_pdf("actions/pdf/plan.html", context)
    except PdfUnavailable:
        context = {"web_version_url": reverse("actions:plan")}
        return render(request, "briefings/pdf_unavailable.html", context, status=503)
    response = HttpResponse(pdf.content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="action-plan-{timezone.localdate():%Y-%m-%d}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
