"""The PDF may read the project's own static files and the board logo, and nothing else."""

import pytest

from briefings import pdf


@pytest.fixture
def fetcher():
    return pdf._fetcher_class()(None)


def test_reads_the_projects_stylesheet(fetcher):
    response = fetcher.fetch(pdf.STATIC_BASE + "css/pdf.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///work/main/static/css/pdf.css",
        "http://127.0.0.1:9/pixel.png",
        "https://example.org/style.css",
        "data:text/css,body{}",
        pdf.STATIC_BASE + "../../../etc/passwd",
        pdf.STATIC_BASE + "%2e%2e/%2e%2e/etc/passwd",
        pdf.STATIC_BASE + "/etc/passwd",
        pdf.STATIC_BASE + "css/not-there.css",
        pdf.LOGO_URL,  # no logo given
    ],
)
def test_refuses_everything_else(fetcher, url):
    with pytest.raises(ValueError, match="Only the project's own static files"):
        fetcher.fetch(url)
