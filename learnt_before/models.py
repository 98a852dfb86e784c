"""An earlier lesson like a later one: the same learning found again by another review."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from learnt_before.words import LONGEST_WORD
from reviews.models import Lesson
from reviews.querysets import visibility_q

# The row of no particular word: it counts every lesson (rarity needs how many there are, and
# counting the lessons on every save would read all of them).
EVERY_LESSON_ROW = ""
# Words asked for in one query: well under any database's limit on parameters.
WORDS_PER_QUERY = 500


class LessonMatchQuerySet(models.QuerySet):
    def shown(self):
        """Suggestions nobody dismissed as wrong."""
        return self.filter(dismissed_at__isnull=True)

    def visible_to(self, user):
        """Matches whose earlier lesson's review ``user`` may read: the one visibility rule.

        The later lesson's own review is checked by the page that shows it.
        """
        condition = visibility_q(user, prefix="earlier__review__")
        return self if condition is None else self.filter(condition)

    def public(self):
        return self.visible_to(None)


class LessonMatch(models.Model):
    """``earlier`` (a lesson of an earlier review) says much the same as ``lesson``.

    Computed when a lesson is saved (learnt_before.services), so pages only read them. A
    dismissed match is kept, so that computing the matches again never suggests it again.
    """

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="learnt_before_matches")
    earlier = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="learnt_again_matches")
    score = models.FloatField(help_text="How alike the two lessons' words are, from 0 to 1.")
    computed_at = models.DateTimeField()
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dismissed_at = models.DateTimeField(null=True, blank=True)

    objects = LessonMatchQuerySet.as_manager()

    class Meta:
        verbose_name = "learnt before suggestion"
        ordering = ["lesson", "-score", "earlier"]
        constraints = [
            models.UniqueConstraint(fields=["lesson", "earlier"], name="lessonmatch_once_per_pair"),
            models.CheckConstraint(condition=~Q(lesson=F("earlier")), name="lessonmatch_not_itself"),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=1), name="lessonmatch_score_between_0_and_1"
            ),
        ]

    def __str__(self):
        return f"{self.lesson} — learnt before: {self.earlier}"

    @property
    def percent(self) -> int:
        return round(self.score * 100)


class WordCountQuerySet(models.QuerySet):
    def counts(self, words) -> tuple[dict[str, int], int]:
        """How many lessons use each of ``words`` (0 for a word none uses), and how many lessons there are."""
        wanted = sorted(set(words) | {EVERY_LESSON_ROW})
        found: dict[str, int] = {}
        for start in range(0, len(wanted), WORDS_PER_QUERY):
            found.update(
                self.filter(word__in=wanted[start : start + WORDS_PER_QUERY]).values_list("word", "lessons")
            )
        lessons = found.pop(EVERY_LESSON_ROW, 0)
        return {word: found.get(word, 0) for word in wanted if word != EVERY_LESSON_ROW}, lessons


class WordCount(models.Model):
    """How many lessons use a significant word (learnt_before.words): the rarer, the more it says.

    Kept current when a lesson is saved or deleted (learnt_before.services); bulk writes send no
    signals, and ``manage.py learnt_before_update`` counts every lesson again.
    """

    word = models.CharField(max_length=LONGEST_WORD, unique=True, blank=True)
    lessons = models.PositiveIntegerField(default=0)

    objects = WordCountQuerySet.as_manager()

    def __str__(self):
        return f"{self.word or 'every lesson'}: {self.lessons}"
