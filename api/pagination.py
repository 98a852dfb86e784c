"""Pages of a list: ``?page=`` and ``?page_size=``, with a message for a number that cannot be used.

A page number that is not a whole number, or is below 1, is the client's mistake (400); a
page past the last one is not there (404), with the number of pages in the message. The
count comes from the view (``ApiViewSet.count_of``), which keeps it for the content version.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination

from api.errors import InvalidParameters

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class CountedPaginator(Paginator):
    """Django's paginator with the count given, so that it is not computed again."""

    def __init__(self, object_list, per_page, *, count=None):
        super().__init__(object_list, per_page)
        self._given_count = count

    @cached_property
    def count(self):
        return super().count if self._given_count is None else self._given_count


def _whole_number(value: str, *, name: str, least: int, most: int | None = None) -> int:
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 12:
        raise InvalidParameters({name: [_range_message(name, least, most)]})
    number = int(text)
    if number < least or (most is not None and number > most):
        raise InvalidParameters({name: [_range_message(name, least, most)]})
    return number


def _range_message(name, least, most):
    if most is None:
        return f"{name} must be a whole number from {least}, such as 2."
    return f"{name} must be a whole number from {least} to {most}."


class ApiPagination(PageNumberPagination):
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is None or value == "":
            return self.page_size
        return _whole_number(value, name=self.page_size_query_param, least=1, most=self.max_page_size)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        page_size = self.get_page_size(request)
        value = request.query_params.get(self.page_query_param) or "1"
        # Digits only, up to 12 of them: a longer number is past any last page (but must not crash).
        if value.strip().isascii() and value.strip().isdigit() and len(value.strip()) > 12:
            number = None
        else:
            number = _whole_number(value, name=self.page_query_param, least=1)
        count = view.count_of(queryset) if view is not None and hasattr(view, "count_of") else None
        paginator = CountedPaginator(queryset, page_size, count=count)
        if number is None or number > paginator.num_pages:
            pages = paginator.num_pages
            plural = "s" if pages != 1 else ""
            raise NotFound(f"There is no page {value.strip()[:12]}: the results fill {pages} page{plural}.")
        self.page = paginator.page(number)
        return list(self.page)
