"""What a newsletter or briefing says, built once and shown both as a web page and as a PDF.

The reviews inside a newsletter always come through ``Review.objects.public()``: a
newsletter is printed for everyone, so a review that is not published and public (or
has since been withdrawn) is left out, whoever is looking and whatever the newsletter's state.
"""

from dataclasses import dataclass, field

from briefings.annual_report import SECTIONS as ANNUAL_SECTIONS
from briefings.annual_report import annual_report
from briefings.seven_minute import seven_minute_briefing
from reviews.models import BoardProfile, Review
from reviews.reading import (
    ChildSection,
    practice_table,
    recommendations_by_owner,
    sections_by_child,
    with_findings,
)

# A briefing inside a newsletter also prints the review's details above its parts: its parts
# are cut a little shorter than a briefing printed alone, so that it still fills two pages.
IN_A_NEWSLETTER = 0.8


@dataclass
class ChildPart:
    """One child's findings in a review (or the whole review's, when ``child`` is None)."""

    child: object
    anchor: str
    key_issues: list
    positive_factors: list
    lessons: list
    owner_groups: list  # reviews.reading.OwnerRecommendations
    practice_areas: list  # reviews.reading.PracticeArea

    @property
    def heading(self):
        return self.child.pseudonym if self.child else "The review as a whole"


@dataclass
class ReviewSection:
    review: object
    anchor: str
    parts: list[ChildPart] = field(default_factory=list)
    briefing: object = None  # briefings.seven_minute.SevenMinuteBriefing

    @property
    def children(self):
        return list(self.review.children.all())


@dataclass
class ContentsEntry:
    anchor: str
    label: str
    level: int = 1


@dataclass
class NewsletterDocument:
    newsletter: object
    board: object
    sections: list[ReviewSection]
    left_out: list  # reviews chosen but not public: named in previews only, never printed
    themes: list = field(default_factory=list)  # a précis's or bulletin's themes with guidance
    links: list = field(default_factory=list)  # more to read or watch (briefings.models.NewsletterLink)
    annual: object = None  # briefings.annual_report.AnnualReport, for an annual learning report

    @property
    def left_out_notes(self) -> list[str]:
        return [f"{review.title} ({review.reference}): {why_not_public(review)}" for review in self.left_out]

    @property
    def prints_child_parts(self):
        """Newsletters and bulletins print a part per child; briefings and précis do not."""
        return self.newsletter.kind in (self.newsletter.Kind.NEWSLETTER, self.newsletter.Kind.THEMATIC)

    @property
    def contents(self) -> list[ContentsEntry]:
        entries = []
        if self.newsletter.introduction.strip():
            entries.append(ContentsEntry("introduction", "Introduction"))
        entries += [ContentsEntry(f"theme-{theme.slug}", theme.name) for theme in self.themes]
        if self.annual:
            entries += [ContentsEntry(anchor, label) for anchor, label in ANNUAL_SECTIONS]
        for section in self.sections:
            entries.append(ContentsEntry(section.anchor, section.review.title))
            if self.prints_child_parts and len(section.parts) > 1:
                entries += [ContentsEntry(p.anchor, p.heading, 2) for p in section.parts if p.child]
        if self.links:
            entries.append(ContentsEntry("more", "More"))
        if self.newsletter.closing_message.strip():
            entries.append(ContentsEntry("closing", "Closing message"))
        entries.append(ContentsEntry("contact", "Contact us"))
        return entries


def _child_part(review, section) -> ChildPart:
    # Findings with a practice area are shown in the good practice / learning points table;
    # printing them in the lists as well would say everything twice.
    suffix = f"-child-{section.child.pk}" if section.child else "-whole"
    return ChildPart(
        child=section.child,
        anchor=f"review-{review.slug}{suffix}",
        key_issues=section.key_issues,
        positive_factors=[f for f in section.positive_factors if not f.practice_area_id],
        lessons=[lesson for lesson in section.lessons if not lesson.practice_area_id],
        owner_groups=recommendations_by_owner(section.recommendations),
        practice_areas=practice_table(positive_factors=section.positive_factors, lessons=section.lessons),
    )


def review_section(review) -> ReviewSection:
    """A review's section of a newsletter, from a review fetched with ``with_findings``."""
    sections = sections_by_child(review)
    if len(review.children.all()) <= 1:
        # With one child there is nothing to tell apart: print one part, without a child heading.
        sections = [
            ChildSection(
                None,
                key_issues=list(review.keyissues.all()),
                positive_factors=list(review.positivefactors.all()),
                lessons=list(review.lessons.all()),
                recommendations=list(review.recommendations.all()),
            )
        ]
    return ReviewSection(
        review=review,
        anchor=f"review-{review.slug}",
        parts=[_child_part(review, section) for section in sections if not section.is_empty],
        briefing=seven_minute_briefing(review, shorten=IN_A_NEWSLETTER),
    )


def why_not_public(review) -> str:
    """Why a review may not be printed for everyone, in a few words: “awaiting approval”."""
    reasons = []
    if review.state != Review.State.PUBLISHED:
        reasons.append(review.get_state_display().lower())
    if review.visibility != Review.Visibility.PUBLIC:
        reasons.append("published for partner agencies only" if not reasons else "for partner agencies only")
    return ", ".join(reasons) or "not public"


def public_reviews_of(newsletter) -> list:
    """The newsletter's reviews that everyone may read, in the newsletter's order, with their findings."""
    ids = list(
        newsletter.items.filter(review__in=Review.objects.public()).values_list("review_id", flat=True)
    )
    by_id = {review.pk: review for review in with_findings(Review.objects.public().filter(pk__in=ids))}
    return [by_id[pk] for pk in ids if pk in by_id]


def newsletter_document(newsletter, *, board=None) -> NewsletterDocument:
    reviews = public_reviews_of(newsletter)
    public_ids = {review.pk for review in reviews}
    left_out = []
    if not newsletter.is_published:
        left_out = [
            item.review
            for item in newsletter.items.select_related("review")
            if item.review_id not in public_ids
        ]
    return NewsletterDocument(
        newsletter=newsletter,
        board=board or BoardProfile.current(),
        sections=[review_section(review) for review in reviews],
        left_out=left_out,
        themes=list(newsletter.themes.exclude(guidance="")),
        links=list(newsletter.links.all()),
        annual=(
            annual_report(newsletter.period_start, newsletter.period_end)
            if newsletter.is_annual_report and newsletter.period_start and newsletter.period_end
            else None
        ),
    )


@dataclass
class BriefingDocument:
    """A 7-minute briefing of one review, for the PDF at /reviews/<slug>/briefing.pdf."""

    review: object
    board: object
    briefing: object

    @property
    def children(self):
        return list(self.review.children.all())


def briefing_document(review, *, board=None, shorten: float = 1) -> BriefingDocument:
    """The printed briefing, cut to fit two pages (``shorten`` < 1 cuts it further)."""
    return BriefingDocument(
        review=review,
        board=board or BoardProfile.current(),
        briefing=seven_minute_briefing(review, shorten=shorten),
    )
