"""Corrections in the admin: a published object's change page saves a correction to approve.

``CorrectionAdminMixin`` goes before ``WorkflowAdminMixin``. For those who may change the
model, the change page of a published object stays editable; saving it validates the same form
and formsets as any save, then keeps the result as a correction (``reviews.revisions``) instead
of writing it. The correction page shows the differences, with Approve and Reject for those who
may decide; the history page lists every correction with who proposed and who decided it.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from reviews.data_entry import NextOrderForm, next_order_assign
from reviews.models import Revision
from reviews.revisions import (
    correction_refusals,
    may_correct,
    revision_data,
    revision_differences,
    revision_propose,
    revision_refusal,
    revision_waiting,
)
from reviews.workflow import refusal, transition_run, transitions_allowed, workflow_of
from reviews.workflow_admin import TransitionForm, messages_of


class CorrectionFormMixin:
    """The admin form of a published object: what it saves is a correction waiting for approval.

    It opens with the person's own waiting correction, if any, and refuses before anything is
    kept: a new file, or a correction while someone else's waits.
    """

    proposes_correction = True
    proposer = None
    proposal = {}

    def __init__(self, *args, initial=None, **kwargs):
        super().__init__(*args, initial={**self.proposal, **(initial or {})}, **kwargs)
        self.fields["correction_note"] = forms.CharField(
            label="What this correction changes, and why",
            widget=forms.Textarea(attrs={"rows": 3}),
            max_length=4000,
            help_text="The board manager who approves it reads this; it is kept with the history.",
        )

    def clean(self):
        cleaned = super().clean()
        for name, message in correction_refusals(self).items():
            if name != "correction_note":
                self.add_error(name, message)
        refused = revision_refusal(obj=self.instance, by=self.proposer)
        if refused:
            raise ValidationError(refused)
        return cleaned


def _row_initial(formset, values: dict) -> dict:
    """A proposed row's values as its form shows them: a child or an area typed by name."""
    initial = dict(values["fields"])
    typed = getattr(formset.form, "typed_by_name", ())
    for name in typed:
        if initial.get(name) is not None:
            related = formset.model._meta.get_field(name).related_model
            initial[name] = str(related.objects.filter(pk=initial[name]).first() or "")
    for name in typed:
        if values.get(f"{name}_named"):
            initial[name] = values[f"{name}_named"]
    return initial


def proposal_prefill(formset, data: dict) -> None:
    """Show an unsaved list as the waiting correction left it: rows changed, added and removed.

    A second edit then starts from the first, and saving it proposes the whole list again.
    """
    item = next((i for i in data["lists"] if i["model"] == formset.model._meta.label_lower), None)
    if item is None:
        return
    added = [row for row in item["rows"] if not row["id"]]
    # Before the forms are built: the added rows are the formset's extra forms.
    formset.extra = len(added)
    formset.initial_extra = [_row_initial(formset, row) for row in added]
    changed = {row["id"]: row for row in item["rows"] if row["id"]}
    for form in formset.initial_forms:
        if form.instance.pk in changed:
            form.initial.update(_row_initial(formset, changed[form.instance.pk]))
        if form.instance.pk in item["removed"]:
            form.initial["DELETE"] = True


class CorrectionAdminMixin:
    """Put before ``WorkflowAdminMixin``: a save of a published object proposes a correction."""

    object_history_template = "admin/workflow/object_history.html"
    change_list_template = "admin/workflow/change_list.html"

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) or self._corrects(request, obj)

    def _corrects(self, request, obj):
        """Whether saving this change page proposes a correction instead of changing the object."""
        return may_correct(obj=obj, user=request.user)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/correction/",
                self.admin_site.admin_view(self.correction_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_correction",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            # Shown in any state: a correction left waiting when the item was withdrawn is rejected here.
            context["revision"] = revision_waiting(obj)
            context["revision_url"] = reverse(self._url_name("correction"), args=[obj.pk])
            context["corrects"] = self._corrects(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changelist_view(self, request, extra_context=None):
        # The managers who approve corrections find them here, above the list.
        waiting = (
            Revision.objects.waiting()
            .filter(content_type=ContentType.objects.get_for_model(self.model))
            .select_related("submitted_by")
            .prefetch_related("target")
        )
        corrections = [
            (revision, reverse(self._url_name("correction"), args=[revision.object_id]))
            for revision in waiting
        ]
        return super().changelist_view(request, {"corrections_waiting": corrections, **(extra_context or {})})

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        revisions = Revision.objects.of(obj).select_related("submitted_by", "decided_by") if obj else []
        return super().history_view(request, object_id, {"revisions": revisions, **(extra_context or {})})

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if not (change and self._corrects(request, obj)):
            return form
        waiting = revision_waiting(obj)
        proposal = waiting.data["fields"] if waiting and waiting.submitted_by_id == request.user.pk else {}
        return type(
            form.__name__, (CorrectionFormMixin, form), {"proposer": request.user, "proposal": proposal}
        )

    def _create_formsets(self, request, obj, change):
        formsets, inlines = super()._create_formsets(request, obj, change)
        if request.method != "POST" and change and self._corrects(request, obj):
            waiting = revision_waiting(obj)
            if waiting is not None and waiting.submitted_by_id == request.user.pk:
                for formset in formsets:
                    proposal_prefill(formset, waiting.data)
        return formsets, inlines

    def save_model(self, request, obj, form, change):
        if not getattr(form, "proposes_correction", False):
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if not getattr(form, "proposes_correction", False):
            return super().save_related(request, form, formsets, change)
        for formset in formsets:
            if issubclass(formset.form, NextOrderForm):
                next_order_assign(formset)  # what saving would number the new rows
        revision_propose(
            obj=form.instance,
            data=revision_data(form=form, formsets=formsets),
            note=form.cleaned_data["correction_note"],
            by=request.user,
        )
        form.instance._correction_proposed = True
        return None

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(form, "proposes_correction", False):
            return f"Proposed a correction: {form.cleaned_data['correction_note']}"
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request, obj):
        if not getattr(obj, "_correction_proposed", False):
            return super().response_change(request, obj)
        messages.success(
            request,
            f"Your correction to “{obj}” is waiting for another board manager's approval. Until then "
            "everyone keeps seeing the published version.",
        )
        return redirect(self._url_name("change"), obj.pk)

    def correction_view(self, request, object_id):
        """The waiting correction, field by field, with Approve and Reject for those who may."""
        obj = self._object_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        change_url = reverse(self._url_name("change"), args=[obj.pk])
        revision = revision_waiting(obj)
        if revision is None:
            messages.info(request, f"No correction to “{obj}” is waiting for approval.")
            return redirect(change_url)
        workflow = workflow_of(Revision)
        form = TransitionForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                transition_run(
                    workflow=workflow,
                    obj=revision,
                    name=request.POST.get("name", ""),
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except (PermissionDenied, ValidationError) as refused:
                messages.error(request, " ".join(messages_of(refused)))
            else:
                messages.success(
                    request, f"The correction to “{obj}” was {workflow[request.POST['name']].done}."
                )
                return redirect(change_url)
        decisions = [t for t in workflow.transitions if t.name != "submit"]
        notes = {refusal(workflow=workflow, obj=revision, transition=t, user=request.user) for t in decisions}
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Correction to {obj}",
            "object": obj,
            "revision": revision,
            "differences": revision_differences(revision),
            "transitions": transitions_allowed(workflow=workflow, obj=revision, user=request.user),
            "notes": sorted(note for note in notes if note),
            "form": form,
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/workflow/correction.html", context)
