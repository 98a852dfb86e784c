from django.urls import path

from alerts import feeds, views

app_name = "alerts"

urlpatterns = [
    path("feeds/reviews/", feeds.reviews_feed, name="reviews_feed"),
    path("feeds/lessons/", feeds.lessons_feed, name="lessons_feed"),
    path("feeds/lessons/themes/<slug:theme>/", feeds.lessons_feed, name="theme_lessons_feed"),
    path("feeds/lessons/services/<slug:service>/", feeds.lessons_feed, name="service_lessons_feed"),
    path("alerts/", views.subscribe, name="subscribe"),
    path("alerts/sent/", views.subscribe_sent, name="subscribe_sent"),
    path("alerts/confirm/<str:token>/", views.confirm, name="confirm"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
