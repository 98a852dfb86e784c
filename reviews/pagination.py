"""Pages of a long list, and a page number in a query string that a reader may have mistyped.

A page number that is not a number, or is past the last page, becomes a message for the
reader and a status (400 or 404) instead of an error page.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


class PageError(Exception):
    """A page number that is not a number (400) or past the last page (404)."""

    def __init__(self, message, status):
        super().__init__(message)
        self.message, self.status = message, status


def page_of(object_list, number, *, per_page, count=None):
    """One page of ``object_list``, or PageError with a message a reader understands.

    ``count``: the number of objects when the caller knows it already (kept in a cache)."""
    paginator = Paginator(object_list, per_page, allow_empty_first_page=True)
    if count is not None:
        paginator.count = count  # a cached_property: this spares its COUNT query
    if number in (None, ""):
        number = 1
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        raise PageError("The page number must be a whole number, such as 2.", 400) from None
    except EmptyPage:
        pages = paginator.num_pages
        raise PageError(
            f"There is no page {str(number)[:12]}: the results fill {pages} page{'s' if pages != 1 else ''}.",
            404,
        ) from None
