"""Suggestions in the admin: beside each saved lesson of a review, and a list of them all.

An officer who may change lessons may dismiss a suggestion that is wrong; it is then never
shown or suggested again. No other permission is needed: the roles that edit lessons use it.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from learnt_before.models import LessonMatch
from learnt_before.services import lesson_match_dismiss
from reviews import admin as reviews_admin

VIEW_LESSON, CHANGE_LESSON = "reviews.view_lesson", "reviews.change_lesson"


def review_admin_url(review_id) -> str:
    return reverse("admin:reviews_review_change", args=[review_id])


def matches_html(matches, *, may_dismiss: bool):
    """The suggestions of one lesson as a list: the earlier review (a link to its admin page), its
    year, how alike, the earlier lesson's first words, and a link to dismiss."""
    if not matches:
        return "No earlier lesson of another review says much the same."
    rows = []
    for match in matches:
        review = match.earlier.review
        dismiss = (
            format_html(
                ' <a href="{}">Dismiss…<span class="visually-hidden"> this suggestion</span></a>',
                reverse("admin:learnt_before_lessonmatch_dismiss", args=[match.pk]),
            )
            if may_dismiss
            else ""
        )
        year = f", {review.year}" if review.year else ""
        rows.append(
            (review_admin_url(review.pk), review.title, year, match.percent, str(match.earlier), dismiss)
        )
    items = format_html_join("", '<li>in <a href="{}">{}</a>{} ({}% alike): “{}”{}</li>', rows)
    return format_html('<ul class="learnt-before">{}</ul>', items)


class LearntBeforeInlineMixin:
    """For the lessons inline of a review: a read-only "Learnt before" line under each saved lesson."""

    def get_readonly_fields(self, request, obj=None):
        self._may_dismiss = request.user.has_perm(CHANGE_LESSON)
        return [*super().get_readonly_fields(request, obj), "learnt_before"]

    def get_queryset(self, request):
        # Every lesson's suggestions in one query, whatever the number of lessons.
        shown = LessonMatch.objects.shown().select_related("earlier__review")
        return (
            super().get_queryset(request).prefetch_related(Prefetch("learnt_before_matches", queryset=shown))
        )

    @admin.display(description="Learnt before")
    def learnt_before(self, lesson):
        if lesson.pk is None:
            return "Suggested once the lesson is saved."
        return matches_html(
            lesson.learnt_before_matches.all(), may_dismiss=getattr(self, "_may_dismiss", False)
        )


class LessonInline(LearntBeforeInlineMixin, reviews_admin.LessonInline):
    fields = [*reviews_admin.LessonInline.fields, "learnt_before"]


# The review's admin page shows the suggestions under each lesson. Put in from here, at start-up,
# so that reviews never imports this app (apps depend one way).
reviews_admin.ReviewAdmin.inlines = [
    LessonInline if inline is reviews_admin.LessonInline else inline
    for inline in reviews_admin.ReviewAdmin.inlines
]


@admin.register(LessonMatch)
class LessonMatchAdmin(admin.ModelAdmin):
    list_display = ["lesson", "later_review", "earlier", "earlier_review", "percent", "dismissed_at"]
    list_filter = [("dismissed_at", admin.EmptyFieldListFilter)]
    list_select_related = ["lesson__review", "earlier__review"]
    search_fields = ["lesson__text", "earlier__text", "lesson__review__title", "earlier__review__title"]
    readonly_fields = ["lesson", "earlier", "score", "computed_at", "dismissed_by", "dismissed_at"]
    actions = ["dismiss"]

    def has_add_permission(self, request):
        return False  # computed, never typed

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(VIEW_LESSON)

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm(CHANGE_LESSON)

    def has_delete_permission(self, request, obj=None):
        return False  # dismissed instead, so that computing again does not bring it back

    def has_module_permission(self, request):
        return request.user.has_perm(VIEW_LESSON)

    @admin.display(description="review")
    def later_review(self, match):
        return match.lesson.review.title

    @admin.display(description="learnt before in")
    def earlier_review(self, match):
        return match.earlier.review.title

    @admin.display(description="alike", ordering="score")
    def percent(self, match):
        return f"{match.percent}%"

    @admin.action(description="Dismiss the selected suggestions", permissions=["change"])
    def dismiss(self, request, queryset):
        matches = list(queryset.shown())
        for match in matches:
            lesson_match_dismiss(match=match, by=request.user)
        self.message_user(request, f"{len(matches)} suggestion{'s' * (len(matches) != 1)} dismissed.")

    def get_urls(self):
        dismiss = self.admin_site.admin_view(self.dismiss_view)
        return [
            path("<int:pk>/dismiss/", dismiss, name="learnt_before_lessonmatch_dismiss"),
            *super().get_urls(),
        ]

    def dismiss_view(self, request, pk):
        """Asks first (GET), dismisses on POST, then returns to the lesson's review."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        match = get_object_or_404(
            LessonMatch.objects.select_related("lesson__review", "earlier__review"), pk=pk
        )
        back = review_admin_url(match.lesson.review_id)
        if request.method == "POST":
            lesson_match_dismiss(match=match, by=request.user)
            messages.success(
                request, f"The suggestion “{match.earlier.review.title}” will not be shown again."
            )
            return redirect(back)
        context = {
            **self.admin_site.each_context(request),
            "title": "Dismiss a learnt before suggestion",
            "match": match,
            "back": back,
            "opts": self.opts,
        }
        return TemplateResponse(request, "learnt_before/dismiss.html", context)
