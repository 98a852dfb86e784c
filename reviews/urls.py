from django.urls import path

from reviews import views

app_name = "reviews"

urlpatterns = [
    path("", views.home, name="home"),
    path("reviews/", views.review_list, name="review_list"),
    path("reviews/<slug:slug>/", views.review_detail, name="review_detail"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme_detail"),
]
