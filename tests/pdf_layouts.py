"""Each distinct PDF is laid out by WeasyPrint once per test process, however many tests print it.

Many tests publish the same newsletter, or print the same briefing, and then read the PDF or
only check that one was kept. Laying the document out is most of a test's time, and the same
HTML with the same logo and options always gives the same PDF: so the first rendering's bytes
and page count are remembered and given again for an identical document. Everything above
WeasyPrint (what is rendered, when, how often, what is kept) runs exactly as in production;
any change to the HTML, the logo or the options is a new document, laid out for real.
"""

_LAID_OUT: dict[tuple, tuple[bytes, int]] = {}


def remember_layouts(weasyprint) -> None:
    """Replace ``weasyprint.HTML`` with a class that lays out each distinct document once."""
    if getattr(weasyprint.HTML, "remembers_layouts", False):
        return

    class RememberingHTML(weasyprint.HTML):
        remembers_layouts = True

        def __init__(self, *args, string=None, base_url=None, url_fetcher=None, **kwargs):
            super().__init__(*args, string=string, base_url=base_url, url_fetcher=url_fetcher, **kwargs)
            logo = getattr(url_fetcher, "logo", None)
            # Only documents given as a string are remembered: a file or URL could change.
            self.source = None if string is None or args or kwargs else (string, base_url, logo and logo.data)

        def render(self, *args, **options):
            real = super().render
            if self.source is None:
                return real(*args, **options)
            return RememberedDocument(lambda: real(*args, **options), (self.source, _options(args, options)))

    weasyprint.HTML = RememberingHTML


class RememberedDocument:
    """A document laid out at most once for each way it is written."""

    def __init__(self, lay_out, key):
        self._lay_out = lay_out
        self._key = key
        self._document = None
        self._page_count = None

    def _real(self):
        if self._document is None:
            self._document = self._lay_out()
        return self._document

    @property
    def pages(self):
        if self._document is None and self._page_count is not None:
            return [None] * self._page_count  # only the number of pages is read
        return self._real().pages

    def write_pdf(self, target=None, *args, **options):
        key = (self._key, _options(args, options))
        if key not in _LAID_OUT:
            document = self._real()
            _LAID_OUT[key] = (document.write_pdf(None, *args, **options), len(document.pages))
        content, self._page_count = _LAID_OUT[key]
        if target is None:
            return content
        if hasattr(target, "write"):
            target.write(content)
        else:
            with open(target, "wb") as file:
                file.write(content)
        return None


def _options(args, options) -> str:
    # The stylesheet and the font configuration are made once per process (briefings/pdf.py) from
    # the project's files and the machine's fonts: the same objects, named alike, every time.
    return repr((args, sorted(options.items())))
