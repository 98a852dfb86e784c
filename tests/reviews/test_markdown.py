import time

import pytest
from django.core.exceptions import ValidationError

from reviews.markdown import markdown_to_text, render_markdown, validate_markdown


def test_markdown_becomes_paragraphs_and_bullets():
    html = render_markdown("First paragraph.\n\n* one\n* two")
    assert "<p>First paragraph.</p>" in html
    assert "<li>one</li>" in html


def test_entered_html_and_script_never_reach_the_page():
    html = render_markdown(
        'Hello <script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3)) <b onclick="y">b</b>'
    )
    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html
    assert "onclick" not in html
    assert "<b>b</b>" in html


def test_plain_text_for_excerpts():
    assert markdown_to_text("**Bold** & *soft*") == "Bold & soft"
    assert markdown_to_text("") == ""


def test_headings_lists_links_and_emphasis_read_as_before():
    html = render_markdown(
        "### What happened\n\n#### Child K\n\n"
        "* **Bold** and *soft*\n* a [link](https://example.org)\n\n1. first\n2. second"
    )
    assert "<h3>What happened</h3>" in html and "<h4>Child K</h4>" in html
    assert "<li><strong>Bold</strong> and <em>soft</em></li>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer">link</a>' in html
    assert "<ol>" in html and "<li>second</li>" in html


# What an officer might paste by mistake, or type to slow the site down, at its length bound.
PATHOLOGICAL = {
    "unclosed brackets": "[" * 20_000,
    "unclosed image brackets": "![" * 10_000,
    "unclosed footnote-like brackets": "[^" * 10_000,
    "unclosed link addresses": "[a](" * 5_000,
    "asterisks": "*" * 20_000,
    "alternating emphasis": "*a" * 10_000,
    "underscores": "_" * 20_000,
    "angle brackets": "<" * 20_000,
    "unclosed tags": "<a" * 10_000,
    "backticks": "`" * 20_000,
    "nested quotes": "> " * 10_000 + "text",
    "quote markers": ">" * 20_000,
    "unclosed comments": "<!--" * 5_000,
    "unclosed styles": "<style>" * 2_800,
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_any_text_renders_in_well_under_a_second(text):
    started = time.process_time()  # this process's own work, whatever else the machine is doing
    render_markdown(text)
    assert time.process_time() - started < 1


def test_an_unclosed_style_tag_is_shown_as_text_and_hides_nothing():
    html = render_markdown("Before <style> the rest\n\nThe next paragraph.")
    assert "&lt;style&gt; the rest" in html
    assert "<p>The next paragraph.</p>" in html


@pytest.mark.parametrize(
    "opening", ["<math>", "<svg>", "<script>", "<template>", "<textarea>", "<xmp>", "<title>", "<!--", "<?"]
)
def test_no_unclosed_tag_swallows_the_text_after_it(opening):
    html = render_markdown(f"Before {opening} inside\n\nStill here after it.")
    assert "Still here after it." in html
    assert "&lt;" + opening[1:] in html.replace("&gt;", ">")
    assert opening not in html


def test_a_closed_script_or_style_is_still_removed_with_its_content():
    html = render_markdown("Kept <script>alert(1)</script> <style>p { display: none }</style>also kept")
    assert "alert" not in html and "display" not in html and "&lt;" not in html
    assert "Kept" in html and "also kept" in html


def test_an_unclosed_tag_is_refused_on_save_with_a_plain_message():
    with pytest.raises(ValidationError, match="would be shown as text: <style>"):
        validate_markdown("Before <style> the rest")
    validate_markdown("Ordinary **Markdown** with <b>bold</b> and a closed <script>x</script>")  # accepted
    validate_markdown("Code such as `<style>` is fine")
