from reviews.markdown import markdown_to_text, render_markdown


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
