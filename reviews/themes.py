"""The theme pages' reads: the reviews and lessons on one theme, and the lessons on every theme.

A finding is on a theme as ``library.on_theme`` says; the counts are those kept up to date by
every write (reviews/models/counts.py), added up for the reader's audience.
"""

from django.db.models import Exists, OuterRef, Prefetch
from django.utils.functional import cached_property

from reviews.caching import cache_key, cached, library_counts
from reviews.library import CACHED_REVIEWS, NEWEST_FIRST, on_theme
from reviews.models import Lesson, Review, ReviewTally, Theme
from reviews.models.counts import ON_THEME, THEME


class ThemeReviews:
    """The reviews ``user`` may see with lessons on ``theme``, or about it as a whole, newest first."""

    def __init__(self, user, theme):
        self.user = user
        self.theme = theme

    def lessons(self):
        return on_theme(Lesson.objects.visible_to(self.user), self.theme.pk)

    def reviews(self):
        # Tagged with the theme or with lessons on it, as each review's kept counts say.
        on_it = ReviewTally.objects.filter(review=OuterRef("pk"), facet=ON_THEME, value=str(self.theme.pk))
        return Review.objects.visible_to(self.user).filter(Exists(on_it)).order_by(*NEWEST_FIRST)

    @cached_property
    def _summary(self):
        def compute():
            counts = library_counts(self.user)
            ids = list(self.reviews().values_list("id", flat=True)[:CACHED_REVIEWS])
            return {
                "total": counts[ON_THEME].get(str(self.theme.pk), 0),
                "first_ids": ids,
                "lessons": counts[THEME].get(str(self.theme.pk), 0),
            }

        return cached(self.user, "theme_reviews", {}, compute, key=self.cache_key)

    @cached_property
    def cache_key(self) -> str:
        return cache_key(self.user, "theme_reviews", {"theme": self.theme.pk})

    def count(self):
        return self._summary["total"]

    def lesson_count(self):
        return self._summary["lessons"]

    def page(self, start: int, stop: int) -> list:
        if stop <= CACHED_REVIEWS:
            ids = self._summary["first_ids"][start:stop]
        else:
            ids = list(self.reviews().values_list("id", flat=True)[start:stop])
        tagged = Review.themes.through.objects.filter(theme=self.theme, review_id=OuterRef("pk"))
        reviews = (
            Review.objects.visible_to(self.user)
            .filter(id__in=ids)
            .annotate(about_the_theme=Exists(tagged))
            .prefetch_related(
                Prefetch(
                    "lessons",
                    queryset=on_theme(Lesson.objects.all(), self.theme.pk).defer("search_vector"),
                    to_attr="theme_lessons",
                )
            )
            .defer("summary", "why_it_matters")
        )
        by_id = {review.id: review for review in reviews}
        return [by_id[i] for i in ids if i in by_id]


def lesson_counts_by_theme(user) -> dict:
    """How many lessons ``user`` may see on each theme (by theme id): the theme pages' counts too."""

    def compute():
        return {int(value): n for value, n in library_counts(user)[THEME].items()}

    return cached(user, "lessons_by_theme", {}, compute)


def themes_with_lesson_counts(user) -> list:
    """Every theme, each with ``lesson_count``: the lessons ``user`` may see on it."""
    counts = lesson_counts_by_theme(user)
    themes = list(Theme.objects.all())
    for theme in themes:
        theme.lesson_count = counts.get(theme.pk, 0)
    return themes
