from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from briefings.models import Newsletter
from reviews.sitemaps import ReviewSitemap


class BriefingSitemap(ReviewSitemap):
    """The 7-minute briefing page of every public review."""

    def location(self, review):
        return reverse("briefings:review_briefing", kwargs={"slug": review.slug})


class NewsletterSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Newsletter.objects.published().only("slug", "updated_at")

    def lastmod(self, newsletter):
        return newsletter.updated_at
