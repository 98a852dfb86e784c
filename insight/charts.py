"""The figures as charts: a title, a sentence saying what the chart shows, its data as a table
(which is also its CSV file) and the geometry of an SVG drawing of it.

The drawing is for sighted readers; the sentence and the table say the same to everyone.
Bars are drawn in the text colour (``currentColor``), each labelled with its number, and the
kinds of review in a stacked bar are told apart by patterns as well as by the legend, so a
chart still reads in black and white, in high-contrast modes and when printed.
"""

from dataclasses import dataclass, field

from django.template.defaultfilters import pluralize
from django.utils.safestring import mark_safe
from django.utils.text import get_text_list

from insight.figures import AGE_BANDS, KNOWN_TO_SERVICES, NOT_RECORDED, Figures
from reviews.models import Child, Review

# Drawing units (the SVG scales to its box): a label column, then the bars.
WIDTH = 640
LABEL_RIGHT = 232  # labels end here, right-aligned
BAR_LEFT = 240
BAR_ROOM = 330  # the longest bar; its number is written after it
ROW = 26
BAR = 18
TOP = 6
LABEL_CHARACTERS = 34  # longer labels are shortened in the drawing (the table has them in full)
CELL = 34  # a year's column in the theme grid
LEGEND_ROW = 22

# The kinds of review, short enough for a legend, each with the pattern it is drawn with.
KIND_LEGEND = {
    Review.Kind.SCR: ("Serious Case Review", "solid"),
    Review.Kind.MANAGEMENT: ("Management review", "diagonal"),
    Review.Kind.PRACTICE: ("Practice review", "dots"),
    Review.Kind.THEMATIC: ("Thematic review", "cross"),
    Review.Kind.RAPID: ("Rapid Review", "horizontal"),
    Review.Kind.LCSPR: ("LCSPR", "open"),
}
KNOWN_PHRASES = {
    "known_to_social_care": "were known to children's social care",
    "child_in_need": "had a child in need plan",
    "child_protection_plan": "had a child protection plan",
    "looked_after": "were looked after",
}
SEX_LABELS = {Child.Sex.FEMALE: "Female", Child.Sex.MALE: "Male", "": NOT_RECORDED}
OUTCOME_LABELS = {
    Child.Outcome.DIED: "Died",
    Child.Outcome.SERIOUS_HARM: "Serious harm",
    Child.Outcome.OTHER: "Other (e.g. harmed another child)",
    Child.Outcome.NOT_STATED: "Not stated",
}


@dataclass
class Table:
    caption: str
    columns: list[str]  # the first names the row headers
    rows: list[tuple[str, list]] = field(default_factory=list)

    @property
    def shown_rows(self) -> list[tuple[str, list]]:
        """The rows as the page shows them: the same values, numbers written once (see ``_n``)."""
        return [
            (header, [_n(v) if isinstance(v, int) else v for v in values]) for header, values in self.rows
        ]

    def csv_rows(self) -> list[list]:
        return [self.columns, *([header, *values] for header, values in self.rows)]


@dataclass
class Chart:
    slug: str  # its address: /insight/<slug>.csv
    title: str
    summary: str
    table: Table
    drawing: str  # "bars", "stacked" or "grid": which SVG template draws it
    svg: dict = field(default_factory=dict)

    @property
    def wide(self) -> bool:
        """Its table has a column per year or kind: shown below the drawing rather than beside it."""
        return self.drawing in ("stacked", "grid")

    @property
    def long(self) -> bool:
        """Too many rows for the drawing and the table to share a printed box."""
        return self.drawing == "grid" or len(self.table.rows) > 8

    @property
    def empty(self) -> bool:
        return not any(value for _, values in self.table.rows for value in values if isinstance(value, int))


def _n(number) -> str:
    """A number as the SVG and the table have it: written once here, so that the template neither
    localises nor escapes it (thousands of cells in the theme grid)."""
    return mark_safe(f"{number:g}")  # noqa: S308 - a number has nothing to escape


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1].rstrip() + "…"


def _bar_geometry(rows: list[tuple[str, int, str]]) -> dict:
    """Horizontal bars: ``rows`` of (label, value, text written after the bar)."""
    largest = max((value for _, value, _ in rows), default=0) or 1
    bars = []
    for number, (label, value, text) in enumerate(rows):
        y = TOP + number * ROW
        width = round(value / largest * BAR_ROOM, 1)
        bars.append(
            {
                "label": _short(label),
                "full_label": label,
                "text": text,
                "y": _n(y),
                "text_y": _n(y + BAR / 2 + 4.5),
                "width": _n(width),
                "text_x": _n(BAR_LEFT + width + 6),
            }
        )
    return {
        "width": _n(WIDTH),
        "height": _n(TOP * 2 + len(rows) * ROW),
        "bars": bars,
        "label_right": _n(LABEL_RIGHT),
        "bar_left": _n(BAR_LEFT),
        "bar_height": _n(BAR),
    }


def _count_words(n: int, noun: str) -> str:
    return f"{n:,} {noun}{pluralize(n)}"


def _year_label(year) -> str:
    return str(year) if year is not None else "Year not recorded"


def _years(keys) -> list:
    """Every year from the first to the last with data (a year with none is a zero, not a gap)."""
    known = [year for year in keys if year is not None]
    years = list(range(min(known), max(known) + 1)) if known else []
    return years + ([None] if None in keys else [])


def reviews_chart(figures: Figures) -> Chart:
    years = _years({year for year, _ in figures.reviews})
    kinds = [kind for kind in Review.Kind.values if any(k == kind for _, k in figures.reviews)]
    table = Table(
        "Reviews by year and kind of review",
        ["Year", *(KIND_LEGEND[kind][0] for kind in kinds), "All reviews"],
    )
    totals = {}
    for year in years:
        values = [figures.reviews.get((year, kind), 0) for kind in kinds]
        totals[year] = sum(values)
        table.rows.append((_year_label(year), [*values, totals[year]]))
    total = sum(totals.values())
    if not total:
        summary = "No reviews to count."
    else:
        busiest = max(totals, key=lambda year: (totals[year], year or 0))
        by_kind = {kind: sum(figures.reviews.get((year, kind), 0) for year in years) for kind in kinds}
        common = max(by_kind, key=by_kind.get)
        summary = f"{_count_words(total, 'review')} in all"
        if len(years) > 1:
            summary += f"; the most in {_year_label(busiest)} ({totals[busiest]})"
        summary += f". The most common kind: {Review.Kind(common).label} ({by_kind[common]})."
    largest = max(totals.values(), default=0) or 1
    bars = []
    for number, year in enumerate(years):
        y = TOP + number * ROW
        x, segments = BAR_LEFT, []
        for kind in kinds:
            value = figures.reviews.get((year, kind), 0)
            if value:
                width = round(value / largest * BAR_ROOM, 1)
                segments.append({"x": _n(x), "width": _n(width), "pattern": KIND_LEGEND[kind][1]})
                x += width
        bars.append(
            {
                "label": _year_label(year),
                "text": str(totals[year]),
                "y": _n(y),
                "text_y": _n(y + BAR / 2 + 4.5),
                "text_x": _n(x + 6),
                "segments": segments,
            }
        )
    legend_top = TOP + len(years) * ROW + 8
    legend = [
        {
            "label": KIND_LEGEND[kind][0],
            "pattern": KIND_LEGEND[kind][1],
            "x": _n(x := BAR_LEFT + 200 * (number % 2)),
            "y": _n(y := legend_top + (number // 2) * LEGEND_ROW),
            "text_x": _n(x + 22),
            "text_y": _n(y + 13),
        }
        for number, kind in enumerate(kinds)
    ]
    svg = {
        "width": _n(WIDTH),
        "height": _n(legend_top + ((len(kinds) + 1) // 2) * LEGEND_ROW + TOP),
        "bars": bars,
        "legend": legend,
        "label_right": _n(LABEL_RIGHT),
        "bar_height": _n(BAR),
    }
    return Chart("reviews", "Reviews by year and kind", summary, table, "stacked", svg)


def _simple_chart(slug, title, caption, heading, noun, rows, summary) -> Chart:
    table = Table(caption, [heading, noun.capitalize()], [(label, [value]) for label, value in rows])
    svg = _bar_geometry([(label, value, f"{value:,}") for label, value in rows])
    return Chart(slug, title, summary, table, "bars", svg)


def _children(n: int) -> str:
    return f"{n:,} child" if n == 1 else f"{n:,} children"


def _largest_sentence(rows, total, what) -> str:
    if not total:
        return "No children to count."
    label, value = max(rows, key=lambda row: row[1])
    return f"Of {_children(total)}, the largest group {what} {label.lower()} ({value:,})."


def children_charts(figures: Figures) -> list[Chart]:
    total = figures.children_total
    c = figures.children
    ages = [(band.label, c.get(f"age:{band}", 0)) for band, _, _ in AGE_BANDS]
    if c.get("age:"):
        ages.append((NOT_RECORDED, c["age:"]))
    sexes = [(label, c.get(f"sex:{sex}", 0)) for sex, label in SEX_LABELS.items()]
    outcomes = [(label, c.get(f"outcome:{outcome}", 0)) for outcome, label in OUTCOME_LABELS.items()]
    died, harmed = c.get("outcome:died", 0), c.get("outcome:serious_harm", 0)
    known = [(label, c.get(flag, 0)) for flag, label in KNOWN_TO_SERVICES]

    def share(n):
        return f"{round(100 * n / total)}%" if total else "–"

    known_table = Table(
        "Children known to services before the incident (a child may be in several rows)",
        ["Known to services", "Children", f"Share of all {total:,} children"],
        [(label, [n, share(n)]) for label, n in known],
    )
    if total:
        flags = get_text_list(
            [f"{c.get(flag, 0):,} {KNOWN_PHRASES[flag]}" for flag, _ in KNOWN_TO_SERVICES], "and"
        )
        known_summary = f"Of {_children(total)}, {flags}."
    else:
        known_summary = "No children to count."
    return [
        _simple_chart(
            "children-age",
            "Children by age",
            "Children by age band at the time",
            "Age band",
            "children",
            ages,
            _largest_sentence(ages, total, "was aged"),
        ),
        _simple_chart(
            "children-sex",
            "Children by sex",
            "Children by sex, where the review records it",
            "Sex",
            "children",
            sexes,
            (
                f"{c.get('sex:female', 0):,} girls and {c.get('sex:male', 0):,} boys; "
                f"sex not recorded for {c.get('sex:', 0):,}."
            )
            if total
            else "No children to count.",
        ),
        _simple_chart(
            "children-outcome",
            "Children by outcome",
            "Children by outcome",
            "Outcome",
            "children",
            outcomes,
            f"{_children(died)} died and "
            f"{harmed:,} {'was' if harmed == 1 else 'were'} seriously harmed, of {total:,}."
            if total
            else "No children to count.",
        ),
        Chart(
            "children-known",
            "Children known to services",
            known_summary,
            known_table,
            "bars",
            _bar_geometry([(label, n, f"{n:,} ({share(n)})") for label, n in known]),
        ),
    ]


def themes_chart(figures: Figures, *, years=None) -> Chart:
    """``years``: the columns, when they are chosen rather than the years with data."""
    years = list(years) if years is not None else _years({year for _, year in figures.themes})
    totals = {}
    for (name, _), n in figures.themes.items():
        totals[name] = totals.get(name, 0) + n
    names = sorted(totals, key=lambda name: (-totals[name], name))
    table = Table(
        "In how many reviews each theme came up, by year",
        ["Theme", *(_year_label(year) for year in years), "All years"],
        [(name, [*(figures.themes.get((name, year), 0) for year in years), totals[name]]) for name in names],
    )
    known_years = [year for year in years if year is not None]
    every_year = [name for name in names if all(figures.themes.get((name, y)) for y in known_years)]
    if not names:
        summary = "No themes came up."
    else:
        summary = f"{names[0]} came up most often, in {_count_words(totals[names[0]], 'review')}."
        if len(known_years) > 1 and every_year:
            shown = get_text_list(every_year[:5], "and")
            more = f" and {len(every_year) - 5} more" if len(every_year) > 5 else ""
            summary += f" Every year from {known_years[0]} to {known_years[-1]}: {shown}{more}."
    largest = max(figures.themes.values(), default=0) or 1
    cells = []
    for row, name in enumerate(names):
        for column, year in enumerate(years):
            n = figures.themes.get((name, year), 0)
            cells.append(
                {
                    "x": _n(BAR_LEFT + column * CELL),
                    "y": _n(TOP + row * ROW),
                    "text_x": _n(BAR_LEFT + column * CELL + CELL / 2 - 1),
                    "text_y": _n(TOP + row * ROW + 15),
                    "n": _n(n) if n else "",
                    # Never darker than 40% of the text colour: the number on it stays readable.
                    "opacity": _n(round(0.05 + 0.35 * n / largest, 2) if n else 0),
                }
            )
    svg = {
        "width": _n(max(WIDTH, BAR_LEFT + len(years) * CELL + 8)),
        "height": _n(TOP * 2 + (len(names) + 1) * ROW),
        "rows": [
            {"label": _short(name), "full_label": name, "text_y": _n(TOP + row * ROW + BAR / 2 + 4.5)}
            for row, name in enumerate(names)
        ],
        "columns": [
            {"label": _year_label(year) if year else "?", "x": _n(BAR_LEFT + column * CELL + CELL / 2)}
            for column, year in enumerate(years)
        ],
        "cells": cells,
        "cell": _n(CELL - 2),
        "cell_height": _n(BAR + 4),
        "year_y": _n(TOP + len(names) * ROW + 16),
        "label_right": _n(LABEL_RIGHT),
    }
    return Chart("themes", "Themes by year", summary, table, "grid", svg)


def services_chart(figures: Figures) -> Chart:
    rows = sorted(figures.services.items(), key=lambda item: (-item[1], item[0]))
    total = sum(n for _, n in rows)
    if not total:
        summary = "No lessons to count."
    else:
        summary = f"{rows[0][0]} has the most lessons ({rows[0][1]:,})."
        none = sum(1 for _, n in rows if not n)
        if none:
            summary += f" {_count_words(none, 'service')} {'has' if none == 1 else 'have'} none."
    return _simple_chart(
        "services",
        "Lessons per service",
        "Lessons for each service (a lesson may be for several services)",
        "Service",
        "lessons",
        rows,
        summary,
    )


def insight_charts(figures: Figures) -> list[Chart]:
    """Every chart, in the order the page and the annual report show them."""
    return [reviews_chart(figures), *children_charts(figures), themes_chart(figures), services_chart(figures)]


def insight_chart(figures: Figures, slug: str) -> Chart:
    """One chart, for its CSV file: the others are not drawn."""
    builders = {"reviews": reviews_chart, "themes": themes_chart, "services": services_chart}
    if slug in builders:
        return builders[slug](figures)
    return next(chart for chart in children_charts(figures) if chart.slug == slug)


CHART_SLUGS = (
    "reviews",
    "children-age",
    "children-sex",
    "children-outcome",
    "children-known",
    "themes",
    "services",
)
