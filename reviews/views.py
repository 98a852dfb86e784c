"""The public pages of the lessons library. Every read goes through the visibility rule."""

import logging

from django.http import FileResponse
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from reviews.caching import CACHE_SECONDS, cache_key, cached, content_version
from reviews.forms import LearningSearchForm, ReviewFilterForm, input_key
from reviews.library import FindingSearch
from reviews.models import Review, Theme
from reviews.page_cache import kept_for_readers
from reviews.pagination import PageError, page_of
from reviews.reading import practice_table, recommendations_by_owner, with_findings
from reviews.results import RESULTS_PER_PAGE, Results
from reviews.themes import ThemeReviews, themes_with_lesson_counts

REVIEWS_PER_PAGE = 20
THEME_REVIEWS_PER_PAGE = 10

logger = logging.getLogger(__name__)


@require_safe
@kept_for_readers
def review_list(request):
    visible = Review.objects.visible_to(request.user)
    version = content_version()
    # The years to filter by, and the notes about reviews not published: one cached value.
    listing = cached(
        request.user,
        "review_list",
        {},
        lambda: {
            "years": [d.year for d in visible.dates("published_on", "year", order="DESC")],
            "public_notes": _public_notes(),
        },
        key=cache_key(request.user, "review_list", {}, version=version),
    )
    years = listing["years"]
    form = ReviewFilterForm(request.GET, years=years, services=[])
    form.is_valid()
    reviews = form.filter(visible).order_by("-published_on", "-id").prefetch_related("themes")
    chosen = {name: form.valid_value(name) for name in ("kind", "year", "theme")}
    context = {
        "form": form,
        # The rendered form and results, kept for this audience, content version and input.
        "fragment_key": f"{cache_key(request.user, 'review_list_page', chosen, version=version)}:"
        f"{input_key(request.GET)}",
        "cache_seconds": CACHE_SECONDS,
    }
    if not request.GET:
        # Under the full list only: the notes have no date or theme to filter by.
        context["public_notes"] = listing["public_notes"]
    status = _paginate(request, reviews, REVIEWS_PER_PAGE, context)
    return render(request, "reviews/review_list.html", context, status=status)


def _public_notes():
    kinds = dict(Review.Kind.choices)
    return [{**note, "kind": kinds.get(note["kind"], "")} for note in Review.objects.public_notes()]


@require_safe
def review_detail(request, slug):
    review = get_object_or_404(Review.objects.visible_to(request.user), slug=slug)

    def read():
        # Everything the review learnt, fetched only when its HTML is not in the cache already.
        full = with_findings(Review.objects.filter(pk=review.pk)).get()
        return {
            "review": full,
            "owner_groups": recommendations_by_owner(full.recommendations.all()),
            "practice_areas": practice_table(
                positive_factors=full.positivefactors.all(), lessons=full.lessons.all()
            ),
        }

    context = {"review": review, "reading": SimpleLazyObject(read), "cache_seconds": CACHE_SECONDS}
    return render(request, "reviews/review_detail.html", context)


@require_safe
@kept_for_readers
def lesson_list(request):
    """Search the learning: every kind of finding (``?kind_of_finding=``), grouped by review.

    It keeps the address /lessons/ that links, bookmarks and the home page's search box use.
    """
    form = LearningSearchForm(request.GET)
    form.is_valid()
    finding_search = FindingSearch(request.user, form.filters())
    summary = finding_search.summary()
    form.show_counts(summary.facets)
    context = {
        "form": form,
        "filters": finding_search.filters,
        "findings_total": summary.total,
        "selected": form.selected_filters(),
        # The rendered form and results show the counts and the person's own input: cached under both.
        "fragment_key": f"{finding_search.cache_key}:{form.input_key()}",
        "cache_seconds": CACHE_SECONDS,
    }
    status = _paginate(request, Results(finding_search), RESULTS_PER_PAGE, context)
    return render(request, "reviews/lesson_list.html", context, status=status)


@require_safe
@kept_for_readers
def theme_list(request):
    return render(request, "reviews/theme_list.html", {"themes": themes_with_lesson_counts(request.user)})


@require_safe
@kept_for_readers
def theme_detail(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    theme_reviews = ThemeReviews(request.user, theme)
    context = {
        "theme": theme,
        "theme_reviews": theme_reviews,
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
