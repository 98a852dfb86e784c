"""What an import would do, as the preview shows it: a plan per review (created, updated or
unchanged, and what changes), the rows of its findings, and the problems found on the way.

Made by ``workbooks.plan`` from the file, read by ``workbooks.writing`` to write it."""

import hashlib
from dataclasses import dataclass, field

from reviews.models import Lesson, OwnerGroup, Review


@dataclass
class FindingRow:
    row: int
    text: str = ""
    child: str = ""
    practice_area: str = ""
    themes: list = field(default_factory=list)
    services: list = field(default_factory=list)
    owner: OwnerGroup | None = None
    target_date: object = None

    def key(self):
        return (
            self.text,
            self.child.casefold(),
            self.practice_area.casefold(),
            frozenset(t.pk for t in self.themes),
            frozenset(s.pk for s in self.services),
            self.owner.pk if self.owner else None,
            self.target_date,
        )


def saved_key(finding) -> tuple:
    """The same key for a finding in the database (its relations prefetched)."""
    area = getattr(finding, "practice_area", None)
    is_lesson = isinstance(finding, Lesson)
    return (
        finding.text,
        finding.child.pseudonym.casefold() if finding.child else "",
        area.name.casefold() if area else "",
        frozenset(t.pk for t in finding.themes.all()) if is_lesson else frozenset(),
        frozenset(s.pk for s in finding.services.all()) if is_lesson else frozenset(),
        getattr(finding, "owner_group_id", None),
        getattr(finding, "target_date", None),
    )


@dataclass
class ReviewPlan:
    reference: str
    row: int
    fields: dict  # the columns the sheet has; a blank cell is the field's empty value
    themes: list | None = None  # None: the column is not in the file, so left as it is
    services: list | None = None
    children: list | None = None  # (row, fields) per child; None: no Children sheet
    findings: dict = field(default_factory=dict)  # sheet key -> [FindingRow], only sheets in the file
    existing: Review | None = None
    changes: list = field(default_factory=list)

    @property
    def action(self) -> str:
        if self.existing is None:
            return "create"
        return "update" if self.changes else "unchanged"


@dataclass
class Preview:
    plans: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    rows: dict = field(default_factory=dict)  # sheet title -> rows read

    def count(self, action) -> int:
        return sum(plan.action == action for plan in self.plans)

    @property
    def counts(self) -> dict:
        return {action: self.count(action) for action in ("create", "update", "unchanged")}

    @property
    def fingerprint(self) -> str:
        """What would be done, in short: compared when the officer confirms."""
        parts = [f"{p.reference}|{p.action}|{';'.join(p.changes)}" for p in self.plans]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
