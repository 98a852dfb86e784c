"""The sitemap for search engines: public content only, whoever asks for it."""

from django.contrib.sitemaps import Sitemap

from reviews.models import Review, Theme


class ReviewSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Review.objects.public().only("slug", "updated_at").order_by("-published_on", "-id")

    def lastmod(self, review):
        return review.updated_at


class ThemeSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Theme.objects.only("slug")
