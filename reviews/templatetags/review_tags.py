"""How a review's parts are printed on every page and PDF: ``{% load review_tags %}``.

``by_child`` groups findings by the child they are about (``reviews.reading.by_child``);
``as_entered`` prints a date only as precisely as it was entered (“January 2017”, “2013–14”).
"""

from django import template
from django.utils.dateformat import format as date_format

from reviews.models.review import DatePrecision
from reviews.reading import by_child as group_by_child
from reviews.reading import recommendations_by_owner

register = template.Library()

FORMATS = {
    DatePrecision.DAY: "j F Y",
    DatePrecision.MONTH: "F Y",
    DatePrecision.YEAR: "Y",
}


@register.filter
def by_child(findings):
    """``{% for group in review.lessons.all|by_child %}{{ group.child.label }} … group.findings``."""
    return group_by_child(findings)


@register.filter
def as_entered(date, precision=DatePrecision.DAY):
    """A date as precisely as it is known: “14 January 2017”, “January 2017”, “2013” or “2013–14”."""
    if not date:
        return ""
    if precision == DatePrecision.FINANCIAL_YEAR:
        first = date.year if date.month >= 4 else date.year - 1
        return f"{first}–{(first + 1) % 100:02d}"
    return date_format(date, FORMATS.get(precision, FORMATS[DatePrecision.DAY]))


@register.filter
def by_owner(recommendations):
    """Recommendations grouped by owner group (``reviews.reading.recommendations_by_owner``)."""
    return recommendations_by_owner(recommendations)


@register.filter
def outside_practice_table(findings):
    """The findings not shown in the good practice / learning points table, so none is shown twice."""
    return [finding for finding in findings if not getattr(finding, "practice_area_id", None)]


@register.filter
def machine_date(date, precision=DatePrecision.DAY):
    """The same date for a ``<time datetime>``: “2017-01-14”, “2017-01” or “2013”."""
    if not date:
        return ""
    if precision == DatePrecision.MONTH:
        return date.strftime("%Y-%m")
    if precision in (DatePrecision.YEAR, DatePrecision.FINANCIAL_YEAR):
        return str(date.year)
    return date.isoformat()
