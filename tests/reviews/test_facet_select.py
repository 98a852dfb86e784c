"""The search form's lists are written without a template per option, and read as Django's own."""

import pytest
from django import forms
from django.test.html import parse_html

from reviews.forms import FacetSelect

CHOICES = [("", "Any theme"), ("a&b", "Alcohol & <drugs> (3)"), ("x", "Neglect"), ("Group", [("g1", "One")])]


@pytest.mark.parametrize("value", ["", "x", "g1", "a&b", "not a choice"])
def test_a_facet_select_is_the_html_of_django_s_select(value):
    attrs = {"class": "form-select", "aria-describedby": "id_theme_helptext"}
    django_s = forms.Select(choices=CHOICES, attrs=attrs).render("theme", value, {"id": "id_theme"})
    ours = FacetSelect(choices=CHOICES, attrs=attrs).render("theme", value, {"id": "id_theme"})
    assert parse_html(ours) == parse_html(django_s)
    assert "&lt;drugs&gt;" in ours
