"""/api/: the versioned open-data API (v1/), its schema and its documentation."""

from django.urls import include, path, re_path

from api import views
from api.docs import DocsView, SchemaView
from api.routes import router

app_name = "api"

urlpatterns = [
    path("v1/", views.root, name="root"),
    path("v1/", include(router.urls)),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(), name="docs"),
    # Anything else under /api/ is a JSON 404, not the site's HTML page.
    re_path(r"^.*$", views.not_found),
]
