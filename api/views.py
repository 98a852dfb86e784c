"""The endpoints of /api/v1/. Every read starts from the visibility rule for everyone
(``Review.objects.public()``, ``<Finding>.objects.public()``); see api/base.py for why a
signed-in session changes nothing here."""

from django.db.models import Count, Max, Prefetch
from rest_framework.decorators import (
    api_view,
    authentication_classes,
    permission_classes,
    renderer_classes,
    schema,
    throttle_classes,
)
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse

from api import filters
from api.base import ApiViewSet, ClientThrottle
from api.serializers import (
    KeyIssueSerializer,
    LessonSerializer,
    OwnerGroupSerializer,
    PositiveFactorSerializer,
    RecommendationSerializer,
    ReviewDetailSerializer,
    ReviewSerializer,
    ServiceSerializer,
    ThemeSerializer,
)
from reviews.models import (
    KeyIssue,
    Lesson,
    OwnerGroup,
    PositiveFactor,
    Recommendation,
    Review,
    Service,
    Theme,
)
from reviews.reading import with_findings
from reviews.themes import lesson_counts_by_theme

# Newest review first, then the review's own order: stable across pages, and served by an index.
FINDING_ORDER = ("-review__published_on", "-review_id", "order", "id")
# A finding in a list names its review; the review's long texts are read only on its own page.
FINDING_DEFERRED = (
    "search_vector",
    *(
        f"review__{name}"
        for name in ("summary", "why_it_matters", "what_to_do", "not_for_publication_reason")
    ),
    *(f"review__{name}" for name in ("decision_note", "public_note", "questions_contact")),
)


class ListsViewSet(ApiViewSet):
    """A controlled list: its content changes when an entry is added, not only when reviews change."""

    def validator_parts(self):
        model = self.queryset.model
        fingerprint = model.objects.aggregate(n=Count("pk"), last=Max("pk"))
        return [*super().validator_parts(), fingerprint["n"], fingerprint["last"]]


class ReviewViewSet(ApiViewSet):
    """Published public reviews, newest first.

    The detail adds the background, the children (pseudonyms) and everything the review learnt.
    """

    queryset = Review.objects.none()
    lookup_field = "slug"
    list_parameters = filters.REVIEW_PARAMETERS

    def get_queryset(self):
        reviews = Review.objects.public().prefetch_related("themes", "services")
        if self.action == "list":
            reviews = filters.reviews_matching(reviews, self.request.query_params)
            return reviews.order_by("-published_on", "-id").defer("summary", "why_it_matters", "what_to_do")
        # A review's findings are its own: they share its visibility, already checked above.
        return with_findings(reviews)

    def get_serializer_class(self):
        return ReviewDetailSerializer if self.action == "retrieve" else ReviewSerializer


class FindingViewSet(ApiViewSet):
    kind_key = ""
    # An id of digits only, and not too many: anything else is a 404 before the database is asked.
    lookup_value_regex = "[0-9]{1,12}"
    list_parameters = filters.FINDING_PARAMETERS

    def get_queryset(self):
        model = self.queryset.model
        if self.action == "list":
            self.filters = filters.search_filters(self.kind_key, self.request.query_params)
            findings = filters.findings_matching(self.kind_key, self.filters)
        else:
            findings = model.objects.public()
        return (
            self.narrow(findings)
            .select_related("review", "child")
            .defer(*FINDING_DEFERRED)
            .order_by(*FINDING_ORDER)
        )

    def narrow(self, findings):
        return findings


class KeyIssueViewSet(FindingViewSet):
    """Key issues: what went wrong or was missed."""

    queryset = KeyIssue.objects.none()
    serializer_class = KeyIssueSerializer
    kind_key = "key_issue"


class PositiveFactorViewSet(FindingViewSet):
    """Positive factors: good practice, what went well."""

    queryset = PositiveFactor.objects.none()
    serializer_class = PositiveFactorSerializer
    kind_key = "good_practice"

    def narrow(self, findings):
        return findings.select_related("practice_area")


class LessonViewSet(FindingViewSet):
    """Lessons learned, with their themes and the services they apply to: the search of /lessons/."""

    queryset = Lesson.objects.none()
    serializer_class = LessonSerializer
    kind_key = "lesson"
    list_parameters = filters.LESSON_PARAMETERS

    def count_of(self, queryset):
        f = self.filters
        if f.theme and not (f.q or f.service or f.kind or f.year):
            # The library's own count of lessons on a theme (its theme pages show it), kept for everyone.
            return lesson_counts_by_theme(None).get(f.theme, 0)
        return super().count_of(queryset)

    def narrow(self, findings):
        return findings.select_related("practice_area").prefetch_related(
            Prefetch("themes", queryset=Theme.objects.only("slug", "name")), "services"
        )


class RecommendationViewSet(FindingViewSet):
    """Recommendations (key actions), each owned by an owner group."""

    queryset = Recommendation.objects.none()
    serializer_class = RecommendationSerializer
    kind_key = "recommendation"
    list_parameters = filters.RECOMMENDATION_PARAMETERS

    def narrow(self, findings):
        findings = findings.select_related("owner_group")
        if self.action == "list" and (group := filters.owner_group_of(self.request.query_params)):
            findings = findings.filter(owner_group=group)
        return findings


class ThemeViewSet(ListsViewSet):
    """Themes of the lessons library, with the board's approved guidance and how many lessons are on each."""

    queryset = Theme.objects.all()
    serializer_class = ThemeSerializer
    lookup_field = "slug"

    def get_serializer_context(self):
        # The theme pages' own counts, for everyone, kept for the content version.
        return {**super().get_serializer_context(), "lesson_counts": lesson_counts_by_theme(None)}


class ServiceViewSet(ListsViewSet):
    """Services (agencies) a lesson applies to."""

    queryset = Service.objects.all()
    serializer_class = ServiceSerializer
    lookup_field = "slug"


class OwnerGroupViewSet(ListsViewSet):
    """Who owns recommendations: all agencies, one agency or a board sub-group, in the board's order."""

    queryset = OwnerGroup.objects.all()
    serializer_class = OwnerGroupSerializer
    lookup_value_regex = "[0-9]{1,12}"


ENDPOINTS = [
    ("reviews", "review-list"),
    ("key_issues", "key-issue-list"),
    ("positive_factors", "positive-factor-list"),
    ("lessons", "lesson-list"),
    ("recommendations", "recommendation-list"),
    ("owner_groups", "owner-group-list"),
    ("themes", "theme-list"),
    ("services", "service-list"),
    ("newsletters", "newsletter-list"),
]


def _plain(methods):
    """A small JSON view with the API's rules: no session, JSON only, throttled."""

    def decorate(view):
        for decorator in (
            schema(None),
            throttle_classes([ClientThrottle]),
            renderer_classes([JSONRenderer]),
            permission_classes([AllowAny]),
            authentication_classes([]),
            api_view(methods),
        ):
            view = decorator(view)
        return view

    return decorate


@_plain(["GET", "HEAD", "OPTIONS"])
def root(request):
    """What /api/v1/ offers, and where the documentation is."""
    links = {name: reverse(f"api:{view}", request=request) for name, view in ENDPOINTS}
    links["schema"] = reverse("api:schema", request=request)
    links["docs"] = reverse("api:docs", request=request)
    return Response(links)


@_plain(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"])
def not_found(request, *args, **kwargs):
    return Response(
        {"detail": "There is nothing at this address: /api/v1/ lists the API's lists."}, status=404
    )
