"""The query-string forms of the public pages.

Whatever arrives in a query string (an unknown theme, a year that is not a number, a
thousand characters of search words, a NUL byte) is checked here, and each problem
becomes a message for the reader instead of an error page. A value that fails is
simply not applied: the page shows what the valid part of the request asks for.
"""

import hashlib

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit
from django import forms
from django.forms import BoundField
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.safestring import mark_safe

from reviews import search
from reviews.library import KINDS, KINDS_BY_KEY, SearchFilters
from reviews.models import Review, Service, Theme

MAX_QUERY_LENGTH = 200
MESSAGES = {
    "theme": "We have no theme with that name, so every theme is shown.",
    "service": "We have no service with that name, so every service is shown.",
    "kind": "That is not a kind of review we publish, so every kind is shown.",
    "year": "The year must be a year such as 2024, so every year is shown.",
    "kind_of_finding": "That is not a kind of finding we publish, so every kind is shown.",
}
TAGS_HELP = "Only lessons are tagged with themes and services: choosing one shows lessons only."


class FacetSelect(forms.Select):
    """Django's select of a flat list of choices, its options written here.

    The search page's lists hold every theme and service with its count: rendering each
    option through the template engine took a sixth of a page made afresh, and even Django's
    option dictionaries took a twentieth.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(each) for each in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (choice, mark_safe(" selected") if str(choice) in chosen else "", label)
                for choice, label in self.choices
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(self.build_attrs(self.attrs, attrs)), options
        )


class FacetChoiceField(forms.ChoiceField):
    """An optional choice whose error message says what the page does instead."""

    widget = FacetSelect

    def __init__(self, *, label, message, **kwargs):
        super().__init__(label=label, required=False, error_messages={"invalid_choice": message}, **kwargs)


def _year_choices(years, selected=None):
    years = sorted(set(years) | ({selected} if selected else set()), reverse=True)
    return [(str(year), str(year)) for year in years]


def input_key(query) -> str:
    """A short digest of exactly what was typed and chosen (a QueryDict)."""
    return hashlib.sha256(query.urlencode().encode() if query else b"").hexdigest()[:32]


class QuickSearchForm(forms.Form):
    """The search box of the home page; the full form is on the search page."""

    q = forms.CharField(
        label="Search the learning from every review",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.SearchInput,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_action = "reviews:lesson_list"
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field("q", placeholder="e.g. neglect “was not brought”"),
            Submit("", "Search", css_class="btn-primary"),
        )


class FilterField(BoundField):
    """A field with Bootstrap's classes on its widget, and ``is-invalid`` when it is in error."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        kind = "form-select" if isinstance(widget, forms.Select) else "form-control"
        attrs["class"] = f"{kind} is-invalid" if self.errors else kind
        return attrs


class FiltersForm(forms.Form):
    """Common parts of the review and finding filters, written out by includes/filter_form.html.

    Subclasses say where the form goes (``action``, a URL name), which fields stand above its
    row of choices (``top``), the classes of that row and its columns, and the button's words.
    """

    bound_field_class = FilterField
    top = ()
    css_class = ""
    row_class = "row"

    def __init__(self, data=None, *, themes=None, services=None, **kwargs):
        super().__init__(data, **kwargs)
        self.themes = {t.slug: t for t in (themes if themes is not None else Theme.objects.all())}
        self.services = {s.slug: s for s in (services if services is not None else Service.objects.all())}
        if "theme" in self.fields:
            self.fields["theme"].choices = [("", "Any theme")] + [(s, t.name) for s, t in self.themes.items()]
        if "service" in self.fields:
            self.fields["service"].choices = [("", "Any service")] + [
                (s, t.name) for s, t in self.services.items()
            ]

    def top_fields(self):
        return [self[name] for name in self.top]

    def row_fields(self):
        return [field for field in self if field.name not in self.top]

    def url(self):
        return reverse(self.action)

    def clean_year(self):
        value = self.cleaned_data.get("year")
        if value in (None, ""):
            return None
        try:
            year = int(value)
        except (TypeError, ValueError):
            raise forms.ValidationError(MESSAGES["year"]) from None
        if not 1900 <= year <= 2200:
            raise forms.ValidationError(MESSAGES["year"])
        return year

    def error_messages(self) -> list[str]:
        return [str(message) for errors in self.errors.values() for message in errors]

    def valid_value(self, name):
        """The cleaned value of one field, or its empty value when that field is in error."""
        if name in self.errors:
            return None
        return self.cleaned_data.get(name) or None


class LearningSearchForm(FiltersForm):
    q = forms.CharField(
        label="Search words",
        required=False,
        widget=forms.SearchInput(attrs={"autocomplete": "off"}),
        strip=True,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": f"Search words must be at most {MAX_QUERY_LENGTH} characters; "
            "try a few key words instead. Everything is shown.",
            "null_characters_not_allowed": "The search words contained a character that cannot be "
            "searched for. Everything is shown.",
        },
        help_text="Words or “a phrase in quotes”; put or between two words to find either, "
        "and - before a word to leave it out.",
    )
    kind_of_finding = FacetChoiceField(
        label="Kind of finding",
        message=MESSAGES["kind_of_finding"],
        choices=[("", "Every kind"), *((kind.key, kind.label) for kind in KINDS)],
    )
    theme = FacetChoiceField(label="Theme", message=MESSAGES["theme"], help_text=TAGS_HELP)
    service = FacetChoiceField(label="Your service", message=MESSAGES["service"])
    kind = FacetChoiceField(
        label="Kind of review",
        message=MESSAGES["kind"],
        choices=[("", "Any kind"), *Review.Kind.choices],
    )
    year = forms.CharField(label="Year published", required=False, widget=FacetSelect)

    action = "reviews:lesson_list"
    top = ("q",)
    css_class = "lesson-search"
    row_class = "row gx-2"
    column_class = "col-6 col-lg-12"
    submit_label = "Show findings"

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["year"].widget.choices = [("", "Any year")]

    def clean_q(self):
        # Text pasted from a web page may carry its markup: search for the words only.
        text = search.clean_query(strip_tags(self.cleaned_data.get("q", "")))
        if text and not search.query_words(text):
            raise forms.ValidationError(
                "Type at least one word to search for: punctuation and search signs alone "
                "find nothing. Everything is shown."
            )
        return text

    def filters(self) -> SearchFilters:
        theme = self.themes.get(self.valid_value("theme") or "")
        service = self.services.get(self.valid_value("service") or "")
        return SearchFilters(
            q=self.valid_value("q") or "",
            kind_of_finding=self.valid_value("kind_of_finding") or "",
            theme=theme.pk if theme else None,
            service=service.pk if service else None,
            kind=self.valid_value("kind") or "",
            year=self.valid_value("year"),
        )

    def input_key(self) -> str:
        return input_key(self.data)

    def selected_filters(self) -> list[dict]:
        """The filters in force, in words, each with the query string that removes it."""
        labels = {
            "q": lambda v: f"“{v}”",
            "kind_of_finding": lambda v: KINDS_BY_KEY[v].label,
            "theme": lambda v: self.themes[v].name,
            "service": lambda v: self.services[v].name,
            "kind": lambda v: Review.Kind(v).label,
            "year": str,
        }
        selected = []
        for name, label in labels.items():
            value = self.valid_value(name)
            if value:
                params = self.data.copy()
                params.pop(name, None)
                params.pop("page", None)
                selected.append(
                    {"name": self.fields[name].label, "label": label(value), "remove": params.urlencode()}
                )
        return selected

    def show_counts(self, facets: dict):
        """Label every choice with the number of findings it would show."""

        def label(name, count):
            return f"{name} ({number_format(count, force_grouping=True)})"

        theme_counts, service_counts = facets["theme"], facets["service"]
        self.fields["kind_of_finding"].choices = [("", "Every kind")] + [
            (kind.key, label(kind.label, facets["kind_of_finding"].get(kind.key, 0))) for kind in KINDS
        ]
        self.fields["theme"].choices = [("", "Any theme")] + [
            (slug, label(t.name, theme_counts.get(t.pk, 0))) for slug, t in self.themes.items()
        ]
        self.fields["service"].choices = [("", "Any service")] + [
            (slug, label(s.name, service_counts.get(s.pk, 0))) for slug, s in self.services.items()
        ]
        self.fields["kind"].choices = [("", "Any kind")] + [
            (value, label(name, facets["kind"].get(value, 0))) for value, name in Review.Kind.choices
        ]
        selected = self.valid_value("year")
        self.fields["year"].widget.choices = [("", "Any year")] + [
            (value, label(value, facets["year"].get(int(value), 0)))
            for value, _ in _year_choices(facets["year"], selected)
        ]


class ReviewFilterForm(FiltersForm):
    kind = FacetChoiceField(
        label="Kind of review",
        message="That is not a kind of review we publish, so every kind is shown.",
        choices=[("", "Any kind"), *Review.Kind.choices],
    )
    year = forms.CharField(label="Year published", required=False, widget=FacetSelect)
    theme = FacetChoiceField(
        label="Theme", message="We have no theme with that name, so every theme is shown."
    )

    action = "reviews:review_list"
    column_class = "col-md-4"
    submit_label = "Show reviews"

    def __init__(self, data=None, *, years=(), **kwargs):
        super().__init__(data, **kwargs)
        selected_year = self.valid_value("year")
        self.fields["year"].widget.choices = [("", "Any year"), *_year_choices(years, selected_year)]

    def filter(self, reviews):
        if kind := self.valid_value("kind"):
            reviews = reviews.filter(kind=kind)
        if year := self.valid_value("year"):
            reviews = reviews.filter(published_on__year=year)
        if theme := self.themes.get(self.valid_value("theme") or ""):
            reviews = reviews.filter(themes=theme)
        return reviews
