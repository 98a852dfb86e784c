"""The project's URLs plus a floor page, for the benches (bench_pages, bench_throughput).

The floor is a bare view rendering the base template through every middleware: what any
page costs before it does any work of its own, measured beside the pages in the same run.
"""

from functools import cache

from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

FLOOR_TEMPLATE = '{% extends "base.html" %}{% block content %}<h1>Floor</h1>{% endblock %}'
FLOOR_URL = "/bench/floor/"


@cache
def floor_template():
    return engines["django"].from_string(FLOOR_TEMPLATE)


def floor(request):
    """A bare page: the base template (header, footer with the board profile), no work of its own."""
    return HttpResponse(floor_template().render({}, request))


urlpatterns = [path(FLOOR_URL.strip("/") + "/", floor), path("", include("lscb.urls"))]
