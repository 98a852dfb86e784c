"""Atom feeds of newly published reviews and lessons: all of them, by theme, by service.

A feed is read by programs that never sign in, and kept in a shared cache: it always shows
what an anonymous reader may see (``public()``), whoever asks. Newest first, by the review's
publication date.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_safe

from reviews.caching import cached
from reviews.markdown import markdown_to_text, render_markdown
from reviews.models import BoardProfile, Lesson, Review, Service, Theme

FEED_ITEMS = 50


def _published(day: datetime.date | None):
    if day is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class BoardFeed(Feed):
    feed_type = Atom1Feed

    def board_name(self):
        board = BoardProfile.current()
        return board.short_name or board.name

    def author_name(self):
        return BoardProfile.current().name


class ReviewsFeed(BoardFeed):
    def title(self):
        return f"{self.board_name()}: newly published reviews"

    def subtitle(self):
        return "Child safeguarding case reviews as the board publishes them, newest first."

    def link(self):
        return reverse("reviews:review_list")

    def feed_url(self):
        return reverse("alerts:reviews_feed")

    def items(self):
        return (
            Review.objects.public()
            .prefetch_related("themes")
            .defer("summary", "what_to_do")
            .order_by("-published_on", "-id")[:FEED_ITEMS]
        )

    def item_title(self, review):
        return review.title

    def item_description(self, review):
        return render_markdown(review.why_it_matters) or review.get_kind_display()

    def item_pubdate(self, review):
        return _published(review.published_on)

    def item_updateddate(self, review):
        return review.updated_at

    def item_categories(self, review):
        return [theme.name for theme in review.themes.all()]


class LessonsFeed(BoardFeed):
    """Every public lesson, or those on one theme (``theme``) or for one service (``service``)."""

    def get_object(self, request, theme=None, service=None):
        if theme is not None:
            return get_object_or_404(Theme, slug=theme)
        if service is not None:
            return get_object_or_404(Service, slug=service)
        return None

    def title(self, obj):
        about = f" on {obj.name}" if isinstance(obj, Theme) else f" for {obj.name}" if obj else ""
        return f"{self.board_name()}: new lessons{about}"

    def subtitle(self, obj):
        return "Lessons from child safeguarding case reviews as the board publishes them, newest first."

    def link(self, obj):
        if isinstance(obj, Theme):
            return obj.get_absolute_url()
        if isinstance(obj, Service):
            return reverse("reviews:lesson_list") + f"?service={obj.slug}"
        return reverse("reviews:lesson_list")

    def feed_url(self, obj):
        if isinstance(obj, Theme):
            return reverse("alerts:theme_lessons_feed", kwargs={"theme": obj.slug})
        if isinstance(obj, Service):
            return reverse("alerts:service_lessons_feed", kwargs={"service": obj.slug})
        return reverse("alerts:lessons_feed")

    def items(self, obj):
        lessons = Lesson.objects.public()
        if isinstance(obj, Theme):
            lessons = lessons.filter(themes=obj)
        elif isinstance(obj, Service):
            lessons = lessons.filter(services=obj)
        return (
            lessons.select_related("review")
            .prefetch_related("themes")
            .only(
                "text",
                "review__title",
                "review__slug",
                "review__published_on",
                "review__updated_at",
            )
            .order_by("-review__published_on", "-review_id", "order", "id")[:FEED_ITEMS]
        )

    def item_title(self, lesson):
        words = markdown_to_text(lesson.text).split()
        first = " ".join(words[:14]) + (" …" if len(words) > 14 else "")
        return f"{first} ({lesson.review.title})"

    def item_description(self, lesson):
        return render_markdown(lesson.text)

    def item_link(self, lesson):
        return f"{lesson.review.get_absolute_url()}#lesson-{lesson.pk}"

    def item_pubdate(self, lesson):
        return _published(lesson.review.published_on)

    def item_updateddate(self, lesson):
        return lesson.review.updated_at

    def item_categories(self, lesson):
        return [theme.name for theme in lesson.themes.all()]


def cached_feed(feed_class):
    """The feed as a view, its response kept in the cache under the content version.

    Kept by address (never the query string, which would let anyone fill the cache) and host,
    since a feed's links are absolute. An unknown theme or service raises 404 and keeps nothing.
    """
    feed = feed_class()

    @require_safe
    def view(request, **kwargs):
        def render():
            response = feed(request, **kwargs)
            return {
                "content": response.content,
                "content_type": response["Content-Type"],
                "last_modified": response.get("Last-Modified"),
            }

        params = {
            "feed": feed_class.__name__,
            "path": request.path,
            "origin": request.build_absolute_uri("/"),
        }
        kept = cached(None, "feed", params, render)
        response = HttpResponse(kept["content"], content_type=kept["content_type"])
        if kept["last_modified"]:
            response["Last-Modified"] = kept["last_modified"]
        return response

    return view


reviews_feed = cached_feed(ReviewsFeed)
lessons_feed = cached_feed(LessonsFeed)
