"""The lists of /api/v1/, in one router shared by the URLconf and the schema."""

from rest_framework.routers import SimpleRouter

from api import views
from api.newsletters import NewsletterViewSet

router = SimpleRouter()
router.register("reviews", views.ReviewViewSet, basename="review")
router.register("key-issues", views.KeyIssueViewSet, basename="key-issue")
router.register("positive-factors", views.PositiveFactorViewSet, basename="positive-factor")
router.register("lessons", views.LessonViewSet, basename="lesson")
router.register("recommendations", views.RecommendationViewSet, basename="recommendation")
router.register("owner-groups", views.OwnerGroupViewSet, basename="owner-group")
router.register("themes", views.ThemeViewSet, basename="theme")
router.register("services", views.ServiceViewSet, basename="service")
router.register("newsletters", NewsletterViewSet, basename="newsletter")
