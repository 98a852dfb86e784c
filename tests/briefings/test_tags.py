import html

import pytest

from briefings.templatetags.briefing_tags import address_line, child_description
from reviews.markdown import render_markdown
from reviews.templatetags.markdown import finding_markdown
from tests.factories import ChildFactory

FINDINGS = [
    "There is a need for timely assessment.",
    'The child\'s voice was not heard; professionals were "optimistic".',
    "    four spaces make code in Markdown",
    "1. a numbered list",
    "- a bulleted list",
    "Some **bold** and a [link](https://example.org).",
    "<script>alert('x')</script>Script removed.",
    "First paragraph.\n\nSecond paragraph.",
    "A & B < C",
]


@pytest.mark.parametrize("text", FINDINGS)
def test_a_finding_reads_as_the_shared_markdown_renders_it(text):
    full = str(render_markdown(text))
    if full.startswith("<p>") and full.endswith("</p>") and full.count("<p>") == 1:
        full = full[3:-4]
    assert html.unescape(str(finding_markdown(text))) == html.unescape(full)
    assert "<script" not in str(finding_markdown(text))


@pytest.mark.django_db
def test_child_description_gives_age_outcome_and_what_services_knew():
    child = ChildFactory.build(
        pseudonym="Alice", age_years=6, outcome="serious_harm", child_protection_plan=True
    )
    assert (
        child_description(child)
        == "Alice, 6: seriously harmed (known to children's social care; child protection plan)"
    )
    baby = ChildFactory.build(pseudonym="Jay", age_years=0, outcome="died", known_to_social_care=False)
    assert child_description(baby) == "Jay, under 1: died"


def test_address_is_printed_on_one_line():
    assert (
        address_line("Town Hall,\nBridge Street\n\nWestmere WM1 1ZZ")
        == "Town Hall, Bridge Street, Westmere WM1 1ZZ"
    )


def test_file_sizes_read_naturally():
    from briefings.templatetags.briefing_tags import pdf_size

    assert pdf_size(45_000) == "44 KB"
    assert pdf_size(1_500_000) == "1.4 MB"
    assert pdf_size(None) == ""
