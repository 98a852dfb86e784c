"""The pages of the site as a whole. The home page reads through the visibility rule."""

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from briefings.models import Newsletter
from reviews.forms import QuickSearchForm
from reviews.models import Review
from reviews.themes import themes_with_lesson_counts


@require_safe
def home(request):
    # "What the board has learnt": published reviews only, even for staff who may preview drafts.
    reviews = (
        Review.objects.visible_to(request.user)
        .filter(state=Review.State.PUBLISHED)
        .order_by("-published_on", "-id")
        .prefetch_related("themes")[:5]
    )
    context = {
        "reviews": reviews,
        "newsletters": Newsletter.objects.published()[:3],
        "themes": themes_with_lesson_counts(request.user),
        "search_form": QuickSearchForm(),
    }
    return render(request, "pages/home.html", context)


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
