from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class PageSitemap(Sitemap):
    """The site's fixed pages, the library's lists among them."""

    changefreq = "daily"

    def items(self):
        return [
            "pages:home",
            "reviews:review_list",
            "reviews:lesson_list",
            "reviews:theme_list",
            "pages:accessibility",
            "pages:privacy",
        ]

    def location(self, name):
        return reverse(name)
