"""Public statistics over the reviews a reader may see, as charts with their data.

The figures, and the charts' HTML, are kept in the cache for the reader's audience, the
content version and the years chosen (reviews/caching.py): an everyday request reads the
content version and one cached fragment.
"""

import csv

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from insight.charts import CHART_SLUGS, insight_chart, insight_charts
from insight.figures import insight_figures
from insight.forms import YearRangeForm
from reviews.caching import cache_key, cached, content_version
from reviews.querysets import Audience, audience

# A spreadsheet runs a cell starting with one of these as a formula: such a cell is quoted.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@require_safe
def insight(request):
    form = YearRangeForm(request.GET or None)
    year_from, year_to = form.years()
    version = content_version()
    params = {"from": year_from, "to": year_to}

    def charts_html():
        figures = insight_figures(request.user, year_from=year_from, year_to=year_to, version=version)
        context = {"charts": insight_charts(figures), "query": form.query()}
        return render_to_string("insight/charts.html", context)

    key = cache_key(request.user, "insight-page", params, version=version)
    reader = audience(request.user)
    context = {
        "form": form,
        "charts_html": cached(request.user, "insight-page", params, charts_html, key=key),
        "year_from": year_from,
        "year_to": year_to,
        "staff_view": reader == Audience.STAFF,
        "partners_included": reader == Audience.SIGNED_IN,
    }
    return render(request, "insight/insight.html", context)


@require_safe
def chart_csv(request, chart):
    """A chart's table as a CSV file, for the same years as the page it is linked from."""
    if chart not in CHART_SLUGS:
        raise Http404("There is no chart of that name.")
    form = YearRangeForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        problems = " ".join(str(error) for errors in form.errors.values() for error in errors)
        return HttpResponseBadRequest(problems, content_type="text/plain; charset=utf-8")
    year_from, year_to = form.years()
    found = insight_chart(insight_figures(request.user, year_from=year_from, year_to=year_to), chart)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    years = "-".join(str(year) for year in (year_from, year_to) if year) or "all-years"
    response["Content-Disposition"] = f'attachment; filename="{chart}-{years}.csv"'
    if audience(request.user) != Audience.EVERYONE:
        response["Cache-Control"] = "private"
    writer = csv.writer(response)
    for row in found.table.csv_rows():
        writer.writerow([_cell(value) for value in row])
    return response


def _cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
