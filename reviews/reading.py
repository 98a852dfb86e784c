"""How a review is read: everything inside it fetched in a fixed number of queries,
and the groupings that pages, newsletters and briefings all show.

Callers pass a queryset that has already been through the visibility rule
(``Review.objects.visible_to(user)``); nothing here decides who may see what.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from reviews.models import Child, KeyIssue, Lesson, PositiveFactor, Recommendation


def with_findings(reviews):
    """Prefetch a review's children, findings, themes and services: the same queries for any number."""
    return reviews.prefetch_related(
        "themes",
        "services",
        Prefetch("children", queryset=Child.objects.order_by("order", "id")),
        Prefetch("keyissues", queryset=KeyIssue.objects.select_related("child")),
        Prefetch("positivefactors", queryset=PositiveFactor.objects.select_related("child", "practice_area")),
        Prefetch(
            "lessons",
            queryset=Lesson.objects.select_related("child", "practice_area").prefetch_related(
                "themes", "services"
            ),
        ),
        Prefetch(
            "recommendations",
            queryset=Recommendation.objects.select_related("owner_group", "child"),
        ),
    )


@dataclass
class OwnerRecommendations:
    owner: object
    recommendations: list = field(default_factory=list)


def recommendations_by_owner(recommendations) -> list[OwnerRecommendations]:
    """Recommendations grouped by owner group, in the board's order of groups."""
    groups: dict[int, OwnerRecommendations] = {}
    for recommendation in recommendations:
        owner = recommendation.owner_group
        groups.setdefault(owner.pk, OwnerRecommendations(owner)).recommendations.append(recommendation)
    return sorted(groups.values(), key=lambda g: (g.owner.order, g.owner.name))


@dataclass
class PracticeArea:
    name: str
    good_practice: list = field(default_factory=list)
    learning_points: list = field(default_factory=list)


def practice_table(*, positive_factors, lessons) -> list[PracticeArea]:
    """The good practice vs learning points table: a row per practice area of the review that
    has a finding, in the review's order of areas. Findings without an area are left out."""
    areas: dict[int, PracticeArea] = {}
    order = {}

    def area(chosen):
        order[chosen.pk] = (chosen.order, chosen.pk)
        return areas.setdefault(chosen.pk, PracticeArea(chosen.name))

    for factor in positive_factors:
        if factor.practice_area_id:
            area(factor.practice_area).good_practice.append(factor)
    for lesson in lessons:
        if lesson.practice_area_id:
            area(lesson.practice_area).learning_points.append(lesson)
    return [areas[pk] for pk in sorted(areas, key=order.get)]


@dataclass
class ChildFindings:
    """Findings about one child of a review, or about the whole review (child is None)."""

    child: object
    findings: list = field(default_factory=list)


def _child_order(child):
    # The whole review first, then the children in the review's order.
    return (0, 0, 0) if child is None else (1, child.order, child.pk)


def by_child(findings) -> list[ChildFindings]:
    """Findings grouped by the child they are about, the same way on every page, briefing and
    newsletter: those about the whole review first, then each child in the review's order."""
    groups: dict[int | None, ChildFindings] = {}
    for finding in findings:
        groups.setdefault(finding.child_id, ChildFindings(finding.child)).findings.append(finding)
    return sorted(groups.values(), key=lambda group: _child_order(group.child))


def in_child_order(findings) -> list:
    """Findings in the order of ``by_child``, as one list (for parts printed as one list)."""
    return [finding for group in by_child(findings) for finding in group.findings]


@dataclass
class ChildSection:
    """What a review learnt about one of its children, or about the whole review (child is None)."""

    child: object
    key_issues: list = field(default_factory=list)
    positive_factors: list = field(default_factory=list)
    lessons: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not (self.key_issues or self.positive_factors or self.lessons or self.recommendations)


def sections_by_child(review) -> list[ChildSection]:
    """Findings split by child, for documents with a section per child (newsletters).

    Findings not tied to a child form the first section; empty sections are left out.
    Findings in the practice-area table are kept here too, so nothing is lost from a list.
    """
    sections = {None: ChildSection(None)}
    for child in review.children.all():
        sections[child.pk] = ChildSection(child)
    for attribute, name in [
        ("keyissues", "key_issues"),
        ("positivefactors", "positive_factors"),
        ("lessons", "lessons"),
        ("recommendations", "recommendations"),
    ]:
        for finding in getattr(review, attribute).all():
            section = sections.get(finding.child_id, sections[None])
            getattr(section, name).append(finding)
    return [section for section in sections.values() if not section.is_empty]
