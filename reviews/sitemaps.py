"""The sitemap for search engines: public content only, whoever asks for it."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from reviews.models import Review, Theme


class ReviewSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Review.objects.public().only("slug", "updated_at").order_by("-published_on", "-id")

    def lastmod(self, review):
        return review.updated_at


class BriefingSitemap(ReviewSitemap):
    def location(self, review):
        return reverse("reviews:review_briefing", kwargs={"slug": review.slug})


class ThemeSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Theme.objects.only("slug")


class PageSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return [
            "reviews:home",
            "reviews:review_list",
            "reviews:lesson_list",
            "reviews:theme_list",
            "reviews:accessibility",
            "reviews:privacy",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "reviews": ReviewSitemap,
    "briefings": BriefingSitemap,
    "themes": ThemeSitemap,
}
