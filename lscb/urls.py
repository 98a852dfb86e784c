from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from reviews.sitemaps import SITEMAPS
from reviews.views import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("reviews.urls")),
    path("", include("briefings.urls")),
]
