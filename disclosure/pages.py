"""The check's pages in the administration: its part of a confirmation page, recording why what
it found is safe, and the list of published reviews and newsletters to check again."""

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from briefings.models import Newsletter
from disclosure.access import check_staff_only
from disclosure.content import checked
from disclosure.services import (
    acceptance_refusal,
    acceptances_by_target,
    board_terms,
    disclosure_accept,
    publication_check,
)
from reviews.models import Review


class AcceptanceForm(forms.Form):
    reason = forms.CharField(
        label="Why it is safe to publish as it is",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For every finding above, e.g. “The hospital is named in the national panel's "
        "published report”. Kept with your name in the history.",
        error_messages={"required": "Say why what the check found is safe to publish, or change the text."},
    )
    fingerprint = forms.CharField(widget=forms.HiddenInput)
    next = forms.CharField(widget=forms.HiddenInput, required=False)


def _admin_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def _context(request, obj, *, form=None, next_url=""):
    report = publication_check(obj)
    may_accept = report.findings and acceptance_refusal(obj=obj, user=request.user) is None
    content_type = ContentType.objects.get_for_model(obj)
    return {
        "object": obj,
        "report": report,
        "may_accept": may_accept and report.acceptance is None,
        "form": form or AcceptanceForm(initial={"fingerprint": report.fingerprint, "next": next_url}),
        "accept_url": reverse("admin:disclosure_accept", args=[content_type.pk, obj.pk]),
    }


def confirmation_part(*, request, workflow, obj, transition):
    """Shown when submitting and when approving: what the check found, highlighted in place."""
    if not checked(obj) or not (transition.submits or transition.target in workflow.locked_states):
        return ""
    context = _context(request, obj, next_url=request.get_full_path())
    context["approving"] = transition.four_eyes
    return render_to_string("disclosure/findings.html", context, request=request)


def _target(content_type_id, object_id):
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type else None
    obj = model.objects.filter(pk=object_id).first() if model in (Review, Newsletter) else None
    if obj is None:
        raise Http404("There is no such review or newsletter.")
    return obj


@require_POST
@check_staff_only
def accept_view(request, admin_site, content_type_id, object_id):
    obj = _target(content_type_id, object_id)
    form = AcceptanceForm(request.POST)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    if form.is_valid():
        try:
            disclosure_accept(
                obj=obj,
                fingerprint=form.cleaned_data["fingerprint"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except (PermissionDenied, ValidationError) as refused:
            form.add_error(None, list(getattr(refused, "messages", [str(refused)])))
        else:
            messages.success(request, f"Your reason was recorded: “{obj}” may be published as it is.")
            return redirect(next_url or _admin_url(obj))
    context = {
        **admin_site.each_context(request),
        **_context(request, obj, form=form, next_url=next_url),
        "title": f"Publication check: {obj}",
        "change_url": _admin_url(obj),
    }
    return TemplateResponse(request, "disclosure/check.html", context, status=400)


@check_staff_only
def check_view(request, admin_site, content_type_id, object_id):
    """One review or newsletter checked again, with the form to accept what was found."""
    obj = _target(content_type_id, object_id)
    context = {
        **admin_site.each_context(request),
        **_context(request, obj, next_url=request.get_full_path()),
        "title": f"Publication check: {obj}",
        "change_url": _admin_url(obj),
    }
    return TemplateResponse(request, "disclosure/check.html", context)


FINDINGS = ["keyissues", "positivefactors", "lessons", "recommendations"]


@check_staff_only
def published_view(request, admin_site):
    """Published reviews and newsletters whose text the check questions: not yet decided, or accepted."""
    reviews = Review.objects.filter(state=Review.State.PUBLISHED).prefetch_related("children", *FINDINGS)
    newsletters = Newsletter.objects.filter(state=Newsletter.State.PUBLISHED).prefetch_related("links")
    rows, checked_count, terms, acceptances = [], 0, board_terms(), acceptances_by_target()
    for obj in [*reviews, *newsletters]:
        checked_count += 1
        report = publication_check(obj, terms=terms, acceptances=acceptances)
        if report.findings:
            content_type = ContentType.objects.get_for_model(obj)
            rows.append(
                {
                    "object": obj,
                    "report": report,
                    "url": reverse("admin:disclosure_check", args=[content_type.pk, obj.pk]),
                }
            )
    rows.sort(key=lambda row: (row["report"].resolved, str(row["object"])))
    context = {
        **admin_site.each_context(request),
        "title": "Published reviews and newsletters to check again",
        "rows": rows,
        "checked_count": checked_count,
        "unresolved": sum(1 for row in rows if not row["report"].resolved),
    }
    return TemplateResponse(request, "disclosure/published.html", context)
