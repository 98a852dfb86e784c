""" "Learnt before" under each lesson of a review page.

``{% learnt_before_for review as learnt_before %}`` reads, in one query, the matches of every
lesson of the review that the reader may see (the one visibility rule, applied to each earlier
lesson's review); ``{% learnt_before_list learnt_before lesson %}`` shows a lesson's.

The review page keeps its HTML in the cache under the review's ``updated_at``; it must add
``learnt_before.key`` to that key, because what it shows depends on the reader and on other
reviews: an earlier review withdrawn, or a suggestion dismissed, changes the key.
"""

import hashlib
from collections import defaultdict

from django import template

from learnt_before.models import LessonMatch

register = template.Library()

SHOWN_FIELDS = [
    "lesson_id",
    "score",
    "earlier__review__title",
    "earlier__review__slug",
    "earlier__review__commissioned_on",
    "earlier__review__completed_on",
    "earlier__review__published_on",
    "earlier__review__updated_at",
]


class LearntBefore:
    """The visible matches of the lessons of one review, by lesson."""

    def __init__(self, matches):
        self.by_lesson = defaultdict(list)
        for match in matches:
            self.by_lesson[match.lesson_id].append(match)
        shown = [(m.lesson_id, m.earlier_id, m.earlier.review.updated_at.isoformat()) for m in matches]
        self.key = hashlib.sha256(repr(shown).encode()).hexdigest()[:16] if shown else "none"

    def of(self, lesson):
        return self.by_lesson.get(lesson.pk, [])


@register.simple_tag(takes_context=True)
def learnt_before_for(context, review):
    request = context.get("request")
    matches = (
        LessonMatch.objects.shown()
        .visible_to(getattr(request, "user", None))
        .filter(lesson__review_id=review.pk)
        .select_related("earlier__review")
        .only(*SHOWN_FIELDS)
        .order_by("lesson_id", "-score", "earlier_id")
    )
    return LearntBefore(list(matches))


@register.inclusion_tag("learnt_before/lesson_matches.html")
def learnt_before_list(learnt_before, lesson):
    return {"matches": learnt_before.of(lesson) if learnt_before else []}
