"""Corrections to published content: proposed by one person, applied when a second approves.

An edit to a published review or newsletter is validated by the admin's own form and
formsets, then kept as a ``Revision``: the form's fields and each list's changed, added and
removed rows, as plain data. The live rows stay as approved, so the public pages read exactly
what they read before. A board manager who did not propose it approves it (the ``REVISION``
table in ``reviews.publication``); approving applies it to the live rows in one transaction,
validating each row, and their history names the approver and the proposer.
"""

import json

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import formats, timezone

from reviews.models import Revision
from reviews.workflow import publication_problems, transition_run, workflow_of

EXTRA_REFUSED = (
    "A correction keeps only the fields and the rows of the lists on this page: enter these in the "
    "lists instead."
)


def _plain(value):
    """A value as a revision stores it, and as it is compared with the live one."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def live_value(obj, name):
    field = obj._meta.get_field(name)
    if isinstance(field, models.FileField):
        return getattr(obj, name).name or ""
    if field.many_to_many:
        return sorted(getattr(obj, name).values_list("pk", flat=True)) if obj.pk else []
    return _plain(getattr(obj, field.attname))


def correction_refusals(form) -> dict:
    """The changed fields of an admin form that a correction cannot carry, and why."""
    refused = {}
    for name in form.changed_data:
        try:
            form._meta.model._meta.get_field(name)
        except FieldDoesNotExist:
            refused[name] = EXTRA_REFUSED  # e.g. a box that adds rows when saved
    return refused


def _file_kept(form, field) -> str | None:
    """A file uploaded (or cleared) with a correction: stored now under a name of its own, which
    nothing public points to until the correction is approved; None when it is unchanged."""
    if field.name not in form.changed_data:
        # A second edit opens with the first's proposal: a file it kept is still proposed.
        proposed = form.initial.get(field.name)
        return proposed if isinstance(proposed, str) else None
    upload = form.cleaned_data.get(field.name)
    if not upload:
        return ""  # cleared
    return field.storage.save(field.generate_filename(form.instance, upload.name), upload)


def _form_fields(form, *, skip=()) -> dict:
    """The model's own fields of a validated form; a file only when one was uploaded or cleared.

    Values are read from the form's instance, which holds what a save would write (including
    what the admin sets on it, e.g. the number of a new row left without one).
    """
    opts = form._meta.model._meta
    data = {}
    for name, value in form.cleaned_data.items():
        try:
            field = opts.get_field(name)
        except FieldDoesNotExist:
            continue
        if name in skip or field.primary_key:
            continue
        if isinstance(field, models.FileField):
            kept = _file_kept(form, field)
            if kept is not None:
                data[name] = kept
            continue
        if field.many_to_many:
            data[name] = sorted(item.pk for item in value or [])
        else:
            data[name] = _plain(field.value_from_object(form.instance))
    return data


def _child_named(row) -> dict:
    # A finding may name a child or a practice area added in the same save
    # (reviews.data_entry.FindingForm): it is linked by name once the corrected lists are written.
    named = {}
    if getattr(row, "child_pending", ""):
        named["child_named"] = row.child_pending
    if getattr(row, "practice_area_pending", ""):
        named["practice_area_named"] = row.practice_area_pending
    return named


def revision_data(*, form, formsets) -> dict:
    """What an admin save of a published item proposes, from its validated form and formsets."""
    lists = []
    for formset in formsets:
        fk = formset.fk.name
        removed = [row.instance.pk for row in formset.deleted_forms if row.instance.pk]
        rows = [
            {"id": row.instance.pk, "fields": _form_fields(row, skip=(fk,)), **_child_named(row)}
            for row in formset.forms
            if row.has_changed() and row not in formset.deleted_forms
        ]
        if rows or removed:
            lists.append(
                {"model": formset.model._meta.label_lower, "fk": fk, "rows": rows, "removed": removed}
            )
    return {"fields": _form_fields(form, skip=("version",)), "lists": lists}


# --- reading --------------------------------------------------------------------------------------


def revision_waiting(obj) -> Revision | None:
    """The correction to ``obj`` waiting for approval, if there is one."""
    if obj is None or obj.pk is None:
        return None
    return Revision.objects.of(obj).waiting().select_related("submitted_by").first()


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "j F Y, H:i")


def revision_refusal(*, obj, by, waiting=None) -> str | None:
    """Why ``by`` may not propose a correction to ``obj`` now: someone else's is waiting."""
    waiting = waiting or revision_waiting(obj)
    if waiting is None or waiting.submitted_by_id == by.pk:
        return None
    return (
        f"{waiting.submitted_by} proposed a correction to this {obj._meta.verbose_name} on "
        f"{_when(waiting.submitted_at)} and it is waiting for approval. There can be only one at a "
        "time: ask a board manager to approve or reject it first, or ask "
        f"{waiting.submitted_by} to include your change."
    )


def may_correct(*, obj, user) -> bool:
    """Whether ``user`` may propose a correction to ``obj``: it is published and theirs to edit."""
    if obj is None or obj.pk is None:
        return False
    workflow = workflow_of(type(obj))
    opts = obj._meta
    return getattr(obj, workflow.state_field) in workflow.locked_states and user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    )


# --- writing --------------------------------------------------------------------------------------


def revision_propose(*, obj, data: dict, note: str, by) -> Revision:
    """Keep ``data`` as a correction to the published ``obj`` by ``by``, waiting for approval.

    A second edit by the same person while it waits replaces it: the page it was made on opened
    with the waiting correction (``revisions_admin.proposal_prefill``), so it holds all of it.
    Anyone else is refused until it is approved or rejected. The live rows are not touched.
    """
    workflow = workflow_of(type(obj))
    with transaction.atomic():
        live = type(obj).objects.select_for_update().get(pk=obj.pk)
        if getattr(live, workflow.state_field) not in workflow.locked_states:
            raise ValidationError(f"This {live._meta.verbose_name} is no longer published: open it again.")
        waiting = Revision.objects.of(live).waiting().select_for_update().first()
        message = revision_refusal(obj=live, by=by, waiting=waiting)
        if message:
            raise ValidationError(message)
        if waiting is not None:
            waiting.data, waiting.note = data, note
            waiting.full_clean()
            waiting.save()
            return waiting
        revision = Revision(target=live, data=data, note=note, base_version=live.version)
        revision.full_clean()
        revision.save()
        return transition_run(workflow=workflow_of(Revision), obj=revision, name="submit", by=by)


def revision_check(revision) -> list[str]:
    """What stops a correction from being applied: the item left publication, or changed."""
    live = revision.target
    if live is None:
        return ["What this correction was for no longer exists: reject it."]
    workflow, noun = workflow_of(type(live)), live._meta.verbose_name
    if getattr(live, workflow.state_field) not in workflow.locked_states:
        return [f"The {noun} is no longer published, so this correction cannot be applied: reject it."]
    if live.version != revision.base_version:
        return [
            f"The {noun} changed after this correction was proposed, so approving it would undo that "
            "change. Reject it with this reason, and the correction can be proposed again."
        ]
    return []


def _write(row, values, *, by, reason):
    later = {}
    for name, value in values.items():
        field = row._meta.get_field(name)
        if field.many_to_many:
            later[name] = value
        elif field.is_relation:
            setattr(row, field.attname, value)
        else:
            setattr(row, name, field.to_python(value))
    try:
        row.full_clean()
    except ValidationError as error:
        label = row._meta.verbose_name
        raise ValidationError([f"{label.capitalize()} “{row}”: {m}" for m in error.messages]) from None
    row._history_user, row._change_reason = by, reason
    row.save()
    for name, pks in later.items():
        getattr(row, name).set(pks)


def revision_apply(revision, *, by, **_):
    """Write an approved correction to the live rows (the approval step of ``REVISION``).

    Runs inside the approval's transaction: one invalid row and nothing is written. The
    history of each row names the approver, and its reason the note and the proposer.
    """
    model = revision.content_type.model_class()
    live = model.objects.select_for_update().get(pk=revision.object_id)
    reason = f"Correction approved: {revision.note} (proposed by {revision.submitted_by})"
    _write(live, revision.data["fields"], by=by, reason=reason)
    for item in revision.data["lists"]:
        rows = apps.get_model(item["model"])
        inside = rows.objects.filter(**{item["fk"]: live})
        for row in inside.filter(pk__in=item["removed"]):
            row._history_user, row._change_reason = by, reason
            row.delete()
        for values in item["rows"]:
            row = inside.filter(pk=values["id"]).first() if values["id"] else rows(**{item["fk"]: live})
            if row is None:
                raise ValidationError(
                    revision_check(revision) or ["A row this correction changes was removed."]
                )
            fields = values["fields"]
            if values.get("child_named"):
                child = live.children.filter(pseudonym__iexact=values["child_named"]).first()
                fields = {**fields, "child": child.pk if child else None}
            if values.get("practice_area_named"):
                area = live.practice_areas.filter(name__iexact=values["practice_area_named"]).first()
                fields = {**fields, "practice_area": area.pk if area else None}
            _write(row, fields, by=by, reason=reason)
    # The corrected item must still pass what publishing it checked (e.g. a newsletter's reviews).
    workflow = workflow_of(model)
    publishing = [t for t in workflow.transitions if t.target in workflow.locked_states]
    problems = list(dict.fromkeys(p for t in publishing for p in publication_problems(workflow, live, t)))
    if problems:
        raise ValidationError(problems)


# --- showing the differences ------------------------------------------------------------------------


def _shown(field, value) -> str:
    if value in (None, "", []):
        return "–"
    if field.many_to_many or field.is_relation:
        pks = value if field.many_to_many else [value]
        return ", ".join(str(o) for o in field.related_model.objects.filter(pk__in=pks)) or "–"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def _changes(row, values) -> list[dict]:
    changes = []
    for name, value in values.items():
        field = row._meta.get_field(name)
        before = live_value(row, name) if row.pk else None
        if before != value and (row.pk or value not in (None, "", [])):
            changes.append(
                {
                    "field": str(field.verbose_name).capitalize(),
                    "before": _shown(field, before),
                    "after": _shown(field, value),
                }
            )
    return changes


def revision_differences(revision) -> list[dict]:
    """What the correction changes, field by field and row by row, against the live version."""
    live = revision.target
    sections = []
    changes = _changes(live, revision.data["fields"])
    if changes:
        sections.append({"title": f"The {live._meta.verbose_name}", "action": "changed", "changes": changes})
    for item in revision.data["lists"]:
        rows = apps.get_model(item["model"])
        label = str(rows._meta.verbose_name).capitalize()
        inside = {row.pk: row for row in rows.objects.filter(**{item["fk"]: live})}
        for values in item["rows"]:
            row = inside.get(values["id"]) or rows()
            action = "changed" if row.pk else "added"
            changes = _changes(row, values["fields"])
            if values.get("child_named"):
                changes = [c for c in changes if c["field"] != "Child"]
                changes.append({"field": "Child", "before": "–", "after": values["child_named"]})
            if values.get("practice_area_named"):
                changes = [c for c in changes if c["field"] != "Practice area"]
                named = values["practice_area_named"]
                changes.append({"field": "Practice area", "before": "–", "after": named})
            if changes:
                sections.append(
                    {"title": f"{label} “{row}”" if row.pk else label, "action": action, "changes": changes}
                )
        for pk in item["removed"]:
            if pk in inside:
                sections.append({"title": f"{label} “{inside[pk]}”", "action": "removed", "changes": []})
    return sections
