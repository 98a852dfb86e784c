"""Approval workflows, written once: states, transitions, who may, four eyes, reasons, history.

A workflow is data: a table of ``Transition`` rows on a ``Workflow``. Reviews and a theme's
guidance declare theirs in ``reviews/publication.py``, newsletters in
``briefings/publication.py``; every rule below applies to all of them:

- a transition starts only from its source states, and only for holders of its permission;
- four eyes: an approval is refused to the person who submitted, and to anyone who changed
  the content after it was submitted (read from the history);
- a reason is required where the table says so, and kept with the history;
- who and when are recorded, the history row carries the person and the reason, and the
  ``lscb.audit`` log gets one line.

``transition_run`` is the only writer of a workflow's state. Refusals are plain sentences
that say what to do next.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

audit = logging.getLogger("lscb.audit")

TEXTS = {
    "wrong_state": "A {noun} that is {state} cannot be {done}.",
    "permission": "Your role does not allow you to do this.",
    "own_submission": (
        "You submitted this {noun} yourself, so another board manager must approve it. "
        "Nothing is published by one person alone."
    ),
    "changed_since_submission": (
        "You changed this {noun} after it was submitted, so another board manager must approve it. "
        "Nothing is published by one person alone."
    ),
    "reason": "Give a reason: it is kept with the {noun}'s history.",
    "locked": "This {noun} is {state}, so nobody can change it directly.",
    "editors_only": "This {noun} is {state}, so only a board manager can change it.",
}


@dataclass(frozen=True)
class Transition:
    """One step a person may take, as a row of data.

    ``check`` lists what stops the step (plain sentences, checked on the locked row);
    ``apply`` makes the step's own changes before validation (e.g. a publication date);
    ``after_commit`` runs once the step is committed (e.g. keeping a PDF);
    ``form_fields`` returns, for an object, extra form fields asked for on the confirmation
    page (e.g. the publication date): what is entered is passed to ``apply`` by name.
    """

    name: str
    label: str
    sources: tuple
    target: str
    permission: str | Callable  # or a function of the object that names it
    done: str  # "published": completes "was …" and "cannot be …"
    needs_reason: bool = False
    four_eyes: bool = False
    submits: bool = False  # records who submitted; every other step records who decided
    explain: str = ""
    check: Callable | None = None
    apply: Callable | None = None
    after_commit: Callable | None = None
    form_fields: Callable | None = None


_WORKFLOWS = {}

# What other apps check before anything becomes public (a transition into a locked state), added
# at start-up so that reviews imports none of them. Each takes the object and returns what stops
# it, in plain words; an empty list lets it through.
PUBLICATION_CHECKS = []


def publication_problems(workflow: "Workflow", obj, transition: Transition) -> list[str]:
    """What the transition's own check and, when it publishes, every publication check find."""
    problems = list(transition.check(obj)) if transition.check is not None else []
    if transition.target in workflow.locked_states:
        problems += [problem for check in PUBLICATION_CHECKS for problem in check(obj)]
    return problems


def workflow_of(model) -> "Workflow":
    """The workflow declared for ``model`` (each model has one)."""
    return _WORKFLOWS[model]


@dataclass(frozen=True)
class Workflow:
    """A model's states and transitions, and the words used when refusing.

    ``locked_states``: nobody changes the object directly; a change to it is kept as a correction
    that a second person approves (``reviews.revisions``). ``open_states``: anyone with the
    model's change permission may edit. In any other state only holders of ``editor_permission``
    may. ``changes`` returns the history querysets (the object's own, and its children's) that
    count as "changed".
    """

    model: type[models.Model]
    noun: str
    transitions: tuple
    open_states: tuple = ()
    locked_states: tuple = ()
    editor_permission: str = ""
    texts: dict = field(default_factory=dict)
    permission_texts: dict = field(default_factory=dict)
    changes: Callable | None = None
    written_fields: tuple = ()  # other fields its transitions write, e.g. a publication date
    state_field: str = "state"
    submitted_by_field: str = "submitted_by"
    submitted_at_field: str = "submitted_at"
    decided_by_field: str = "decided_by"
    decided_at_field: str = "decided_at"
    decision_note_field: str = "decision_note"

    def __post_init__(self):
        _WORKFLOWS.setdefault(self.model, self)

    def __getitem__(self, name) -> Transition:
        for transition in self.transitions:
            if transition.name == name:
                return transition
        raise KeyError(name)

    @property
    def fields(self) -> list[str]:
        """The fields only this workflow writes: never typed in a form, never restored from history.

        ``written_fields`` are also never restored from history, but may be typed in a form
        (a review's publication date can be entered for a review published on paper).
        """
        return [
            self.state_field,
            self.submitted_by_field,
            self.submitted_at_field,
            self.decided_by_field,
            self.decided_at_field,
            self.decision_note_field,
        ]

    def text(self, key, obj, **extra) -> str:
        template = self.texts.get(key, TEXTS[key])
        return template.format(noun=self.noun, state=state_label(self, obj), **extra)


def state_label(workflow: Workflow, obj) -> str:
    return getattr(obj, f"get_{workflow.state_field}_display")().lower()


def changed_since_submission(workflow: Workflow, obj, user) -> bool:
    """Whether ``user`` changed the object (or anything inside it) after it was submitted."""
    submitted_at = getattr(obj, workflow.submitted_at_field)
    if workflow.changes is None or submitted_at is None or user is None:
        return False
    return any(
        history.filter(history_date__gt=submitted_at, history_user_id=user.pk).exists()
        for history in workflow.changes(obj)
    )


def refusal(*, workflow: Workflow, obj, transition: Transition, user) -> str | None:
    """Why ``user`` may not make this transition now, in plain words; ``None`` when they may."""
    if getattr(obj, workflow.state_field) not in transition.sources:
        return workflow.text("wrong_state", obj, done=transition.done)
    permission = transition.permission
    if callable(permission):
        permission = permission(obj)
    if user is None or not user.has_perm(permission):
        return workflow.permission_texts.get(permission, TEXTS["permission"])
    if transition.four_eyes:
        if getattr(obj, f"{workflow.submitted_by_field}_id") == user.pk:
            return workflow.text("own_submission", obj)
        if changed_since_submission(workflow, obj, user):
            return workflow.text("changed_since_submission", obj)
    return None


def transitions_allowed(*, workflow: Workflow, obj, user) -> list[Transition]:
    """The transitions to offer this person on this object: exactly those they may make."""
    return [
        t
        for t in workflow.transitions
        if refusal(workflow=workflow, obj=obj, transition=t, user=user) is None
    ]


def edit_refusal(*, workflow: Workflow, obj, user) -> str | None:
    """Why ``user`` may not edit the object directly in its state; ``None`` when they may."""
    if obj is None or obj.pk is None:
        return None
    state = getattr(obj, workflow.state_field)
    if state in workflow.locked_states:
        return workflow.text("locked", obj)
    if state in workflow.open_states or user.has_perm(workflow.editor_permission):
        return None
    return workflow.text("editors_only", obj)


def transition_run(*, workflow: Workflow, obj, name: str, by, reason: str = "", data: dict | None = None):
    """Move ``obj`` through the named transition on behalf of ``by``, and return it.

    ``data``: what was entered in the transition's ``form_fields``, passed to its ``apply``.

    The row is locked for the whole check-and-write. Raises ``PermissionDenied`` (role, four
    eyes) or ``ValidationError`` (state, what the transition's check finds, a missing reason)
    with a message for the person; nothing is saved then.
    """
    try:
        transition = workflow[name]
    except KeyError:
        raise ValidationError("That action does not exist.") from None
    with transaction.atomic():
        obj = workflow.model.objects.select_for_update().get(pk=obj.pk)
        message = refusal(workflow=workflow, obj=obj, transition=transition, user=by)
        if message:
            in_state = getattr(obj, workflow.state_field) in transition.sources
            raise (PermissionDenied if in_state else ValidationError)(message)
        problems = publication_problems(workflow, obj, transition)
        if problems:
            raise ValidationError(problems)
        reason = reason.strip()
        if transition.needs_reason and not reason:
            raise ValidationError(workflow.text("reason", obj))

        previous = getattr(obj, workflow.state_field)
        now = timezone.now()
        if transition.submits:
            setattr(obj, workflow.submitted_by_field, by)
            setattr(obj, workflow.submitted_at_field, now)
        else:
            setattr(obj, workflow.decided_by_field, by)
            setattr(obj, workflow.decided_at_field, now)
            setattr(obj, workflow.decision_note_field, reason)
        if transition.apply is not None:
            transition.apply(obj, by=by, reason=reason, **(data or {}))
        setattr(obj, workflow.state_field, transition.target)
        obj._change_reason = transition.label + (f": {reason}" if reason else "")
        obj._history_user = by  # services also run outside a request, e.g. from a command
        obj.full_clean()
        obj.save()
        audit.info(
            "%s %s: %s by %s (%s -> %s)",
            workflow.noun,
            obj.pk,
            transition.name,
            by.email,
            previous,
            transition.target,
        )
        if transition.after_commit is not None:
            transaction.on_commit(lambda: transition.after_commit(obj))
    return obj
