"""What becomes public with a review or a newsletter, as labelled texts to check.

Only the board's own words: the texts an officer typed that a reader of the site, a PDF or a
newsletter sees. A review is read with its children and findings in a handful of queries.
"""

from briefings.models import Newsletter
from reviews.models import Child, Review


def _review_texts(review: Review) -> list[tuple[str, str]]:
    texts = [
        ("Title", review.title),
        ("Background", review.summary),
        ("Why it matters", review.why_it_matters),
        ("What practitioners should do", review.what_to_do),
    ]
    for child in review.children.all():
        texts.append((f"Child “{child.pseudonym}”: outcome in words", child.outcome_detail))
    findings = [
        ("Key issue", review.keyissues.all()),
        ("Positive factor", review.positivefactors.all()),
        ("Lesson", review.lessons.all()),
        ("Recommendation", review.recommendations.all()),
    ]
    for label, rows in findings:
        for number, row in enumerate(rows, start=1):
            texts.append((f"{label} {number}", row.text))
            if label == "Recommendation" and review.show_progress_publicly:
                texts.append((f"{label} {number}: not implemented because", row.not_implemented_reason))
    return texts


def _newsletter_texts(newsletter: Newsletter) -> list[tuple[str, str]]:
    texts = [
        ("Title", newsletter.title),
        ("Introduction", newsletter.introduction),
        ("Closing message", newsletter.closing_message),
    ]
    for number, link in enumerate(newsletter.links.all(), start=1):
        texts.append((f"More to read {number}", link.title))
    return texts


def public_texts(obj) -> list[tuple[str, str]]:
    """The labelled texts of ``obj`` that publishing it makes public; empty ones left out."""
    if isinstance(obj, Review):
        texts = _review_texts(obj)
    elif isinstance(obj, Newsletter):
        texts = _newsletter_texts(obj)
    else:
        return []
    return [(label, text) for label, text in texts if text and text.strip()]


def pseudonyms_of(obj) -> tuple[str, ...]:
    """The children's pseudonyms the text may use: the review's, or those of a newsletter's reviews."""
    if isinstance(obj, Review):
        return tuple(child.pseudonym for child in obj.children.all())
    if isinstance(obj, Newsletter):
        return tuple(Child.objects.filter(review__newsletters=obj).values_list("pseudonym", flat=True))
    return ()


def checked(obj) -> bool:
    return isinstance(obj, (Review, Newsletter))
