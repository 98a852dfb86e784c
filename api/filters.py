"""The API's filters: the library's own forms and queries, with refusals instead of fallbacks.

The web pages read a query string with ``LearningSearchForm`` and ``ReviewFilterForm``
(reviews/forms.py) and search with ``FindingSearch`` (reviews/library.py); the API uses the
same, so a search here finds exactly what /lessons/ finds. Where a page shows everything
with a message, the API answers 400: a program must not mistake "every lesson" for the
lessons it asked for.
"""

from api.errors import InvalidParameters
from reviews.forms import MAX_QUERY_LENGTH, LearningSearchForm, ReviewFilterForm
from reviews.library import KINDS_BY_KEY, FindingSearch, SearchFilters
from reviews.models import OwnerGroup, Review, Service, Theme

FINDING_PARAMETERS = ("q", "kind", "year")
LESSON_PARAMETERS = (*FINDING_PARAMETERS, "theme", "service")
RECOMMENDATION_PARAMETERS = (*FINDING_PARAMETERS, "owner_group")
REVIEW_PARAMETERS = ("kind", "year", "theme")

KIND_MESSAGE = "Not a kind of review: use one of " + ", ".join(Review.Kind.values) + "."
MESSAGES = {
    "theme": "No theme has this slug: /api/v1/themes/ lists them.",
    "service": "No service has this slug: /api/v1/services/ lists them.",
    "kind": KIND_MESSAGE,
    "year": "The year must be a year such as 2024.",
    "owner_group": "No owner group has this id: /api/v1/owner-groups/ lists them.",
}
# For the schema: what each parameter means, and its type.
PARAMETER_DOCS = {
    "q": (str, "Search words, as on /lessons/: words, “a phrase”, or between two words, -word to leave out."),
    "theme": (str, "A theme's slug (/api/v1/themes/)."),
    "service": (str, "A service's slug (/api/v1/services/)."),
    "kind": (str, "Kind of review: " + ", ".join(Review.Kind.values) + "."),
    "year": (int, "The year the review was published, e.g. 2024."),
    "owner_group": (int, "An owner group's id (/api/v1/owner-groups/)."),
}
Q_MESSAGES = {
    "max_length": f"Search words must be at most {MAX_QUERY_LENGTH} characters.",
    "null_characters_not_allowed": "The search words contain a character that cannot be searched for.",
}
Q_NO_WORDS = "Type at least one word to search for: punctuation and search signs alone find nothing."


def _refuse(form):
    errors = {}
    for name, problems in form.errors.as_data().items():
        if name == "q":
            errors[name] = [Q_MESSAGES.get(problems[0].code, Q_NO_WORDS)]
        else:
            errors[name] = [MESSAGES.get(name, "This value cannot be used.")]
    raise InvalidParameters(errors)


def _given(params, names) -> dict:
    return {name: params.get(name) for name in names if name in params}


def search_filters(kind_key: str, params) -> SearchFilters:
    """``params`` read as /lessons/ reads them, for findings of one kind (a key of ``KINDS_BY_KEY``)."""
    lessons = kind_key == "lesson"
    names = LESSON_PARAMETERS if lessons else FINDING_PARAMETERS
    # Only lessons carry themes and services: the other lists need not read them.
    if lessons:
        lists = {"themes": Theme.objects.only("id", "slug", "name"), "services": Service.objects.all()}
    else:
        lists = {"themes": [], "services": []}
    form = LearningSearchForm(_given(params, names), **lists)
    if not form.is_valid():
        _refuse(form)
    return form.filters()


def findings_matching(kind_key: str, filters: SearchFilters):
    """The public findings of one kind that match ``filters``: the library's own search, for everyone."""
    return FindingSearch(None, filters).findings(KINDS_BY_KEY[kind_key])


def owner_group_of(params):
    """The owner group ``?owner_group=`` names, or None when not given."""
    value = params.get("owner_group")
    if value is None:
        return None
    value = value.strip()
    group = None
    if value.isascii() and value.isdigit() and len(value) < 12:
        group = OwnerGroup.objects.filter(pk=int(value)).first()
    if group is None:
        raise InvalidParameters({"owner_group": [MESSAGES["owner_group"]]})
    return group


def reviews_matching(reviews, params):
    """``reviews`` (already public) narrowed as the reviews page narrows them."""
    form = ReviewFilterForm(
        _given(params, REVIEW_PARAMETERS), themes=Theme.objects.only("id", "slug", "name"), services=[]
    )
    if not form.is_valid():
        _refuse(form)
    return form.filter(reviews)
