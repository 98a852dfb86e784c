"""The search form's lists are written without a template per option, and read as Django's own."""

import pytest
from django import forms
from django.test.html import parse_html

from reviews.forms import FacetSelect

# The lists are flat: themes, services, kinds and years with their counts.
CHOICES = [("", "Any theme"), ("a&b", "Alcohol & <drugs> (3)"), ("x", "Neglect"), (2024, "2024 (1)")]


@pytest.mark.parametrize("value", ["", "x", "a&b", "2024", 2024, "not a choice", None])
def test_a_facet_select_is_the_html_of_django_s_select(value):
    attrs = {"class": "form-select", "aria-describedby": "id_theme_helptext"}
    django_s = forms.Select(choices=CHOICES, attrs=attrs).render("theme", value, {"id": "id_theme"})
    ours = FacetSelect(choices=CHOICES, attrs=attrs).render("theme", value, {"id": "id_theme"})
    assert parse_html(ours) == parse_html(django_s)
    assert "&lt;drugs&gt;" in ours
