"""The public pages of the lessons library. Every read goes through the visibility rule."""

import logging

from django.db import DatabaseError, connection
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from briefings.models import Newsletter
from briefings.seven_minute import seven_minute_briefing
from reviews.forms import LessonSearchForm, PageError, QuickSearchForm, ReviewFilterForm, input_key, page_of
from reviews.library import CACHE_SECONDS, LessonSearch, Results, ThemeReviews, cached, lesson_counts_by_theme
from reviews.models import Review, Theme
from reviews.reading import practice_table, recommendations_by_owner, with_findings

LESSONS_PER_PAGE = 20
REVIEWS_PER_PAGE = 20
THEME_REVIEWS_PER_PAGE = 10

logger = logging.getLogger(__name__)


def _themes_with_counts(user):
    counts = lesson_counts_by_theme(user)
    themes = list(Theme.objects.all())
    for theme in themes:
        theme.lesson_count = counts.get(theme.pk, 0)
    return themes


@require_safe
def home(request):
    # "What the board has learnt": published reviews only, even for staff who may preview drafts.
    reviews = (
        Review.objects.visible_to(request.user)
        .filter(state=Review.State.PUBLISHED)
        .order_by("-published_on", "-id")
        .prefetch_related("themes")[:5]
    )
    newsletters = Newsletter.objects.published()[:3]
    context = {
        "reviews": reviews,
        "newsletters": newsletters,
        "themes": _themes_with_counts(request.user),
        "search_form": QuickSearchForm(),
    }
    return render(request, "reviews/home.html", context)


@require_safe
def review_list(request):
    visible = Review.objects.visible_to(request.user)
    years = cached(
        request.user,
        "review_years",
        {},
        lambda: [d.year for d in visible.dates("published_on", "year", order="DESC")],
    )
    form = ReviewFilterForm(request.GET, years=years, services=[])
    form.is_valid()
    reviews = form.filter(visible).order_by("-published_on", "-id").prefetch_related("themes")
    context = {"form": form}
    status = _paginate(request, reviews, REVIEWS_PER_PAGE, context)
    return render(request, "reviews/review_list.html", context, status=status)


@require_safe
def review_detail(request, slug):
    review = get_object_or_404(Review.objects.visible_to(request.user), slug=slug)

    def read():
        # Everything the review learnt, fetched only when its HTML is not in the cache already.
        full = with_findings(Review.objects.filter(pk=review.pk)).get()
        return {
            "review": full,
            "owner_groups": recommendations_by_owner(full),
            "practice_areas": practice_table(full),
        }

    context = {"review": review, "reading": SimpleLazyObject(read), "cache_seconds": CACHE_SECONDS}
    return render(request, "reviews/review_detail.html", context)


@require_safe
def review_briefing(request, slug):
    review = get_object_or_404(with_findings(Review.objects.visible_to(request.user)), slug=slug)
    context = {"review": review, "briefing": seven_minute_briefing(review)}
    return render(request, "reviews/briefing.html", context)


@require_safe
def lesson_list(request):
    form = LessonSearchForm(request.GET)
    form.is_valid()
    lesson_search = LessonSearch(request.user, form.filters())
    form.show_counts(lesson_search.summary().facets)
    context = {
        "form": form,
        "filters": lesson_search.filters,
        "selected": form.selected_filters(),
        # The rendered form and results show the counts and the person's own input: cached under both.
        "fragment_key": f"{lesson_search.cache_key}:{form.input_key()}",
        "cache_seconds": CACHE_SECONDS,
    }
    status = _paginate(request, Results(lesson_search), LESSONS_PER_PAGE, context)
    return render(request, "reviews/lesson_list.html", context, status=status)


@require_safe
def theme_list(request):
    return render(request, "reviews/theme_list.html", {"themes": _themes_with_counts(request.user)})


@require_safe
def theme_detail(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    theme_reviews = ThemeReviews(request.user, theme)
    context = {
        "theme": theme,
        "fragment_key": f"{theme_reviews.cache_key}:{input_key(request.GET)}",
        "cache_seconds": CACHE_SECONDS,
    }
    status = _paginate(request, Results(theme_reviews), THEME_REVIEWS_PER_PAGE, context)
    return render(request, "reviews/theme_detail.html", context, status=status)


def _paginate(request, object_list, per_page, context) -> int:
    """Put one page of ``object_list`` in ``context`` and return the status the page answers with.

    400 when the form or the page number is malformed, 404 past the last page; the page
    still renders, with a message saying what was wrong.
    """
    status = 400 if context.get("form") is not None and context["form"].errors else 200
    params = request.GET.copy()
    params.pop("page", None)
    context["page_query"] = params.urlencode()
    try:
        page = page_of(object_list, request.GET.get("page"), per_page=per_page)
    except PageError as error:
        page, status = None, error.status
        context["page_error"] = error.message
    context["page_obj"] = page
    return status


@require_safe
def accessibility(request):
    return render(request, "pages/accessibility.html")


@require_safe
def privacy(request):
    return render(request, "pages/privacy.html")


@never_cache
@require_safe
def healthz(request):
    """For load balancers: 200 when the database answers, 503 when it does not. No page, no template."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def review_report(request, slug):
    """The uploaded full report, only to those who may see the review, and never run by the browser."""
    review = get_object_or_404(Review.objects.visible_to(request.user).exclude(report_file=""), slug=slug)
    try:
        report = review.report_file.open("rb")
    except FileNotFoundError:
        # The record names a file the storage no longer has (restored database, lost volume).
        logger.error(
            "The full report of review %s is missing from storage: %s", review.pk, review.report_file.name
        )
        return render(request, "reviews/report_missing.html", {"review": review}, status=404)
    response = FileResponse(report, content_type="application/pdf", filename=f"{review.slug}-report.pdf")
    response["Content-Disposition"] = response["Content-Disposition"].replace("attachment", "inline")
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response
