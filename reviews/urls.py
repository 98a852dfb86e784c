from django.urls import path

from reviews import views

app_name = "reviews"

urlpatterns = [
    path("reviews/", views.review_list, name="review_list"),
    path("reviews/<slug:slug>/", views.review_detail, name="review_detail"),
    path("reviews/<slug:slug>/report.pdf", views.review_report, name="review_report"),
    path("lessons/", views.lesson_list, name="lesson_list"),
    path("themes/", views.theme_list, name="theme_list"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme_detail"),
]
