"""The publication check of a review or a newsletter, and recording why its findings are safe.

``publication_check`` reads; ``disclosure_accept`` is the only writer. ``publication_refusal``
is what the workflow consults before anything becomes public (registered in ``apps.py``).
"""

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from disclosure.checks import Finding, Vocabulary, text_check
from disclosure.content import checked, pseudonyms_of, public_texts
from disclosure.models import DisclosureAcceptance, Term
from reviews.workflow import refusal, workflow_of


@dataclass
class Passage:
    where: str
    text: str
    findings: list[Finding]

    @property
    def highlighted(self) -> SafeString:
        return highlighted(self.text, self.findings)


@dataclass
class Report:
    passages: list[Passage] = field(default_factory=list)
    acceptance: DisclosureAcceptance | None = None

    @property
    def findings(self) -> list[Finding]:
        return [finding for passage in self.passages for finding in passage.findings]

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.findings)

    @property
    def resolved(self) -> bool:
        """Nothing found, or everything found accepted by a manager with a reason."""
        return not self.findings or self.acceptance is not None


def fingerprint(findings: list[Finding]) -> str:
    """The same for the same findings, wherever the text around them moved."""
    keys = sorted({(f.kind, f.text.lower(), f.where) for f in findings})
    return hashlib.sha256(json.dumps(keys).encode()).hexdigest()


def highlighted(text: str, findings: list[Finding]) -> SafeString:
    """``text`` escaped, each finding in a ``<mark>`` with its kind as the title."""
    parts, position = [], 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.start < position:
            continue
        parts.append(escape(text[position : finding.start]))
        parts.append(f'<mark title="{escape(finding.kind_label)}">{escape(finding.text)}</mark>')
        position = finding.end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part escaped above; only our own <mark> added


def board_terms() -> list[tuple[str, str]]:
    return list(Term.objects.values_list("kind", "text"))


def board_vocabulary(*, pseudonyms=(), safe=(), terms=None) -> Vocabulary:
    """The check's words: the pseudonyms given, and the board's safe and sensitive lists
    (``terms``, when read once for many checks)."""
    terms = board_terms() if terms is None else terms
    return Vocabulary(
        pseudonyms=tuple(pseudonyms),
        safe=(*safe, *(text for kind, text in terms if kind == Term.Kind.SAFE)),
        sensitive=tuple(text for kind, text in terms if kind == Term.Kind.SENSITIVE),
    )


def acceptances_by_target() -> dict:
    """Every acceptance, by (model, pk), newest first: read once for a page that checks many."""
    found = defaultdict(list)
    for acceptance in DisclosureAcceptance.objects.select_related("accepted_by", "content_type"):
        found[(acceptance.content_type.model_class(), acceptance.object_id)].append(acceptance)
    return found


def publication_check(obj, *, terms=None, acceptances=None) -> Report:
    """What in the public texts of ``obj`` (a review or newsletter) could identify a child.

    ``terms`` and ``acceptances`` (``board_terms()``, ``acceptances_by_target()``) when read
    once for many checks.
    """
    reference = getattr(obj, "reference", "")
    safe = (reference,) if reference else ()
    vocabulary = board_vocabulary(pseudonyms=pseudonyms_of(obj), safe=safe, terms=terms)
    passages = []
    for where, text in public_texts(obj):
        findings = text_check(text, vocabulary, where=where)
        if findings:
            passages.append(Passage(where, text, findings))
    report = Report(passages)
    if report.findings and acceptances is not None:
        matching = (
            a for a in acceptances.get((type(obj), obj.pk), []) if a.fingerprint == report.fingerprint
        )
        report.acceptance = next(matching, None)
    elif report.findings:
        report.acceptance = (
            DisclosureAcceptance.objects.of(obj)
            .filter(fingerprint=report.fingerprint)
            .select_related("accepted_by")
            .first()
        )
    return report


def _approval(obj):
    workflow = workflow_of(type(obj))
    return workflow, next(t for t in workflow.transitions if t.four_eyes)


def acceptance_refusal(*, obj, user) -> str | None:
    """Why ``user`` may not accept the findings now: only whoever may approve the publication may.

    Before publication that is a manager who did not submit or change it (four eyes); once it is
    published (an older review checked again), any manager.
    """
    workflow, approval = _approval(obj)
    if getattr(obj, workflow.state_field) in workflow.locked_states:
        if user is not None and user.has_perm(approval.permission):
            return None
        return "Only a board manager can record that what the check found is safe."
    return refusal(workflow=workflow, obj=obj, transition=approval, user=user)


def disclosure_accept(*, obj, fingerprint: str, reason: str, by) -> DisclosureAcceptance:
    """Record, for the findings ``by`` was shown (``fingerprint``), why they are safe to publish.

    Refused to anyone who may not approve publishing ``obj`` (four eyes included), when the
    findings changed since they were shown, and without a reason.
    """
    with transaction.atomic():
        obj = type(obj).objects.select_for_update().get(pk=obj.pk)
        message = acceptance_refusal(obj=obj, user=by)
        if message:
            raise PermissionDenied(message)
        report = publication_check(obj)
        if not report.findings:
            raise ValidationError("The check finds nothing any more: there is nothing to accept.")
        if not reason.strip():
            raise ValidationError("Say why what the check found is safe to publish, or change the text.")
        if report.fingerprint != fingerprint:
            raise ValidationError(
                "The text changed since you opened this page and the check now finds something else. "
                "Read the findings again before accepting them."
            )
        acceptance = DisclosureAcceptance(
            target=obj,
            fingerprint=fingerprint,
            findings=[{"kind": f.kind, "text": f.text, "where": f.where} for f in report.findings],
            reason=reason.strip(),
            accepted_by=by,
        )
        acceptance.full_clean()
        acceptance._history_user = by
        acceptance.save()
    return acceptance


def publication_refusal(obj) -> list[str]:
    """What stops ``obj`` becoming public: findings nobody fixed or accepted (a workflow check)."""
    if not checked(obj):
        return []
    report = publication_check(obj)
    if report.resolved:
        return []
    shown = "; ".join(f"“{f.text}” ({f.kind_label.lower()}, {f.where})" for f in report.findings[:5])
    more = len(report.findings) - 5
    workflow = workflow_of(type(obj))
    if getattr(obj, workflow.state_field) in workflow.locked_states:
        # Already public: this is a correction, checked with its changes applied.
        what_next = (
            "Reject the correction and propose it again without them, or, if they were published "
            "before, record why they are safe under Publication check first."
        )
    else:
        what_next = "Change the text, or record on the approval page why it is safe to publish."
    count = len(report.findings)
    return [
        f"The publication check found {count} detail{'s' if count > 1 else ''} that could identify a "
        f"child or family: {shown}{f' and {more} more' if more > 0 else ''}. {what_next}"
    ]
