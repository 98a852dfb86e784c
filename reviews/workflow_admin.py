"""One admin idiom for every approval workflow (see ``reviews.workflow``).

``WorkflowAdminMixin`` gives a ModelAdmin: buttons for exactly the transitions the person
may make, a confirmation page with a reason box, the same steps as bulk actions, a change
page that is read-only (with the reason why) where the workflow says so, deletion refused
for anything public, and a history "Revert" that is an ordinary edit: it needs the right to
change the object now, never restores a workflow field, and is validated like any save.

Where the workflow locks an object, ``CorrectionAdminMixin`` (``reviews.revisions_admin``) may
turn a save into a correction that another person approves.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats

from reviews.workflow import edit_refusal, refusal, state_label, transition_run, transitions_allowed

# What other apps show on a confirmation page above its form, added at start-up so that reviews
# imports none of them. Each takes the request, the workflow, the object and the transition, and
# returns HTML, or "" for nothing.
TRANSITION_PAGE_PARTS = []


def messages_of(error) -> list[str]:
    return list(getattr(error, "messages", [str(error)]))


class TransitionForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Kept with the history.",
    )

    @property
    def extra_fields(self):
        """The fields the transition asks for besides the reason, as bound fields to show."""
        return [field for field in self if field.name != "reason"]

    @property
    def data_for_transition(self) -> dict:
        return {field.name: self.cleaned_data[field.name] for field in self.extra_fields}


def transition_form_class(transition, obj) -> type[TransitionForm]:
    """The confirmation form: a reason, and whatever else the transition asks for."""
    if transition.form_fields is None:
        return TransitionForm
    return type("TransitionForm", (TransitionForm,), transition.form_fields(obj))


class StaleSaveFormMixin:
    """Refuses to save a copy that someone else changed since it was opened (a hidden ``version``).

    The form is re-shown with what the person typed. When the form runs inside the save's
    transaction (the admin's change view, the history revert) the row stays locked until the
    save commits, so two saves cannot both pass the check; outside one, a lock would be an error.
    """

    stale_message = (
        "Someone else changed this {noun} while you were editing it, so your changes were not saved. "
        "Your changes are still in the form below: copy what you need, open the {noun} again to see "
        "the other changes, and make yours there."
    )

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            current = type(self.instance).objects.filter(pk=self.instance.pk)
            if transaction.get_connection().in_atomic_block:
                current = current.select_for_update()
            version = current.values_list("version", flat=True).first()
            if version is not None and cleaned.get("version") != version:
                raise ValidationError(self.stale_message.format(noun=self._meta.model._meta.verbose_name))
        return cleaned


def _bulk_action(transition):
    def action(modeladmin, request, queryset):
        return modeladmin.transition_selected(request, queryset, transition)

    action.__name__ = f"{transition.name}_selected"
    action.short_description = f"{transition.label}: the selected %(verbose_name_plural)s"
    action.allowed_permissions = (f"{transition.name}_transition",)
    return action


class WorkflowAdminMixin:
    """Put before ``SimpleHistoryAdmin``/``ModelAdmin``; set ``workflow``."""

    workflow = None
    change_form_template = "admin/workflow/change_form.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions = [*(self.actions or []), *(_bulk_action(t) for t in self.workflow.transitions)]
        for t in self.workflow.transitions:
            setattr(self, f"has_{t.name}_transition_permission", self._may(t.permission))

    @staticmethod
    def _may(permission):
        return lambda request: request.user.has_perm(permission)

    # --- who may change and delete ------------------------------------------------------------

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly + [f for f in self.workflow.fields if f not in readonly]

    def has_change_permission(self, request, obj=None):
        return self._edits_directly(request, obj)

    def _edits_directly(self, request, obj):
        allowed = super().has_change_permission(request, obj)
        return allowed and edit_refusal(workflow=self.workflow, obj=obj, user=request.user) is None

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if obj is not None and self._is_public(obj):
            return allowed  # the delete page then says why it is refused
        return allowed and edit_refusal(workflow=self.workflow, obj=obj, user=request.user) is None

    def _is_public(self, obj):
        return getattr(obj, self.workflow.state_field) in self.workflow.locked_states

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        refused = [
            f"“{obj}” is {state_label(self.workflow, obj)}, so it cannot be deleted. Withdraw it with a "
            "reason instead: it leaves the site at once and stays in the history."
            for obj in objs
            if self._is_public(obj)
        ]
        return deleted, counts, perms_needed, [*refused, *protected]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            workflow, user = self.workflow, request.user
            context["transitions"] = transitions_allowed(workflow=workflow, obj=obj, user=user)
            context["transition_url_name"] = self._url_name("transition")
            if not context.get("corrects"):
                context["locked_message"] = edit_refusal(workflow=workflow, obj=obj, user=user)
            context["workflow_state"] = getattr(obj, f"get_{workflow.state_field}_display")()
            state = getattr(obj, workflow.state_field)
            # Why an approver is not offered an approval: they submitted it, or changed it since.
            approvals = [
                t
                for t in workflow.transitions
                if t.four_eyes and state in t.sources and user.has_perm(t.permission)
            ]
            notes = (refusal(workflow=workflow, obj=obj, transition=t, user=user) for t in approvals)
            context["workflow_notes"] = [note for note in notes if note]
        return super().render_change_form(request, context, add, change, form_url, obj)

    # --- transitions ---------------------------------------------------------------------------

    def _url_name(self, view):
        return f"admin:{self.opts.app_label}_{self.opts.model_name}_{view}"

    def get_urls(self):
        return [
            path(
                "<path:object_id>/transition/<str:name>/",
                self.admin_site.admin_view(self.transition_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_transition",
            ),
            *super().get_urls(),
        ]

    def _object_or_404(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(f"There is no {self.opts.verbose_name} with that number.")
        return obj

    def transition_view(self, request, object_id, name):
        obj = self._object_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        change_url = reverse(self._url_name("change"), args=[obj.pk])
        try:
            transition = self.workflow[name]
        except KeyError:
            messages.error(request, "That action does not exist.")
            return redirect(change_url)
        form_class = transition_form_class(transition, obj)
        form = form_class(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                transition_run(
                    workflow=self.workflow,
                    obj=obj,
                    name=name,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                    data=form.data_for_transition,
                )
            except (PermissionDenied, ValidationError) as refused:
                messages.error(request, " ".join(messages_of(refused)))
            else:
                messages.success(request, f"“{obj}” was {transition.done}.")
                return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"{transition.label}: {obj}",
            "object": obj,
            "state": getattr(obj, f"get_{self.workflow.state_field}_display")(),
            "transition": transition,
            "form": form,
            "refused": refusal(workflow=self.workflow, obj=obj, transition=transition, user=request.user),
            "change_url": change_url,
            "parts": [
                part(request=request, workflow=self.workflow, obj=obj, transition=transition)
                for part in TRANSITION_PAGE_PARTS
            ],
        }
        return TemplateResponse(request, "admin/workflow/transition.html", context)

    def transition_selected(self, request, queryset, transition):
        """A bulk action: each selected object goes through the same service, and is reported."""
        form = TransitionForm(request.POST if "confirmed" in request.POST else None)
        reason = form.cleaned_data["reason"].strip() if form.is_valid() else ""
        if transition.needs_reason and not reason:
            return TemplateResponse(
                request,
                "admin/workflow/transition_selected.html",
                {
                    **self.admin_site.each_context(request),
                    "opts": self.opts,
                    "title": f"{transition.label}: the selected {self.opts.verbose_name_plural}",
                    "transition": transition,
                    "objects": queryset,
                    "form": form,
                    "missing_reason": "confirmed" in request.POST,
                    "action": f"{transition.name}_selected",
                },
            )
        for obj in queryset:
            try:
                transition_run(
                    workflow=self.workflow, obj=obj, name=transition.name, by=request.user, reason=reason
                )
            except (ValidationError, PermissionDenied) as refused:
                for message in messages_of(refused):
                    messages.error(request, f"“{obj}” was not {transition.done}: {message}")
            else:
                messages.success(request, f"“{obj}” was {transition.done}.")
        return None

    # --- history: viewing always, reverting as an edit ------------------------------------------

    def revert_disabled(self, request, obj=None):
        current = self.model.objects.filter(pk=getattr(obj, "pk", None)).first()
        return (
            super().revert_disabled(request, obj)
            or current is None
            or not self._edits_directly(request, current)
        )

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, extra_context)
        current = self._object_or_404(request, object_id)
        if not self._edits_directly(request, current):
            raise PermissionDenied
        versions = self.model.history.filter(id=current.pk)
        record = versions.filter(history_id=version_id).first() if str(version_id).isdigit() else None
        if record is None:
            raise Http404("There is no such version.")
        workflow_fields = {*self.workflow.fields, *self.workflow.written_fields}
        readonly = set(self.get_readonly_fields(request, current))
        fields = [
            name
            for name in flatten_fieldsets(self.get_fieldsets(request, current))
            if name not in readonly and name not in workflow_fields
        ]
        with transaction.atomic():
            form_class = self.get_form(request, current, change=True, fields=fields)
            form = form_class(request.POST, request.FILES, instance=current)
            if form.is_valid():
                obj = self.save_form(request, form, change=True)
                when = formats.date_format(record.history_date, "j F Y, H:i")
                obj._change_reason = f"Reverted to the version of {when}"
                self.save_model(request, obj, form, change=True)
                form.save_m2m()
                self.log_change(request, obj, self.construct_change_message(request, form, []))
                messages.success(request, f"“{obj}” was reverted to the version of {when}.")
                return redirect(self._url_name("change"), obj.pk)
        problems = [message for errors in form.errors.values() for message in errors]
        messages.error(request, "The earlier version was not restored: " + " ".join(problems))
        return redirect(request.path)
