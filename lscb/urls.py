from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from briefings.sitemaps import BriefingSitemap, NewsletterSitemap
from pages.sitemaps import PageSitemap
from pages.views import healthz
from reviews.sitemaps import ReviewSitemap, ThemeSitemap

SITEMAPS = {
    "pages": PageSitemap,
    "reviews": ReviewSitemap,
    "briefings": BriefingSitemap,
    "newsletters": NewsletterSitemap,
    "themes": ThemeSitemap,
}

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("pages.urls")),
    path("", include("reviews.urls")),
    path("", include("briefings.urls")),
    path("actions/", include("actions.urls")),
    path("cases/", include("cases.urls")),
    path("insight/", include("insight.urls")),
    path("", include("alerts.urls")),
    path("api/", include("api.urls")),
]
