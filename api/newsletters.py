"""Published newsletters, bulletins and briefings, with the public reviews they print.

Which newsletters: ``Newsletter.objects.published()``, the public archive (never the staff
preview of ``visible_to``). Which reviews inside them: ``Review.objects.public()``, as the
newsletter's web page and PDF print them (briefings/documents.py), so a review withdrawn
after the newsletter went out is not listed.
"""

from django.db.models import Count, Max, Prefetch
from rest_framework import serializers

from api.base import ApiViewSet
from api.serializers import AbsoluteUrlField, ApiUrlField, ReviewLinkSerializer, TagSerializer, absolute
from briefings.models import Newsletter, NewsletterReview
from reviews.models import Review, Theme


class NewsletterReviewSerializer(ReviewLinkSerializer):
    """A review the newsletter prints (the item's review)."""

    def to_representation(self, item):
        return super().to_representation(item.review)


class NewsletterLinkSerializer(serializers.Serializer):
    title = serializers.CharField(read_only=True)
    url = serializers.SerializerMethodField()

    def get_url(self, link) -> str:
        return absolute(self.context["request"], link.get_absolute_url())


class NewsletterSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    title = serializers.CharField(read_only=True)
    kind = serializers.ChoiceField(choices=Newsletter.Kind.choices, read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    issue_date = serializers.DateField(read_only=True)
    period_covered = serializers.SerializerMethodField()
    introduction = serializers.CharField(read_only=True, help_text="Markdown.")
    closing_message = serializers.CharField(read_only=True, help_text="Markdown.")
    reviews = NewsletterReviewSerializer(source="public_items", many=True, read_only=True)
    themes = TagSerializer(source="printed_themes", many=True, read_only=True)
    links = NewsletterLinkSerializer(many=True, read_only=True, help_text="More to read or watch.")
    url = AbsoluteUrlField()
    pdf_url = serializers.SerializerMethodField()
    api_url = ApiUrlField("api:newsletter-detail")

    def get_period_covered(self, newsletter) -> dict | None:
        if not (newsletter.period_start and newsletter.period_end):
            return None
        return {"from": newsletter.period_start.isoformat(), "to": newsletter.period_end.isoformat()}

    def get_pdf_url(self, newsletter) -> str:
        return absolute(self.context["request"], newsletter.get_pdf_url())


class NewsletterViewSet(ApiViewSet):
    """Published newsletters, newest issue first, with the public reviews each prints."""

    serializer_class = NewsletterSerializer
    queryset = Newsletter.objects.none()
    lookup_field = "slug"

    def get_queryset(self):
        printed = (
            NewsletterReview.objects.filter(review__in=Review.objects.public())
            .select_related("review")
            .order_by("order", "id")
        )
        return (
            Newsletter.objects.published()
            .defer("pdf_name", "pdf_fingerprint")
            .prefetch_related(
                Prefetch("items", queryset=printed, to_attr="public_items"),
                Prefetch("themes", queryset=Theme.objects.exclude(guidance=""), to_attr="printed_themes"),
                "links",
            )
        )

    def validator_parts(self):
        # Newsletters are not part of the library's content version: their own changes count too.
        mark = Newsletter.objects.aggregate(n=Count("pk"), last=Max("updated_at"))
        last = mark["last"].timestamp() if mark["last"] else 0
        return [*super().validator_parts(), mark["n"], int(last * 1000)]
