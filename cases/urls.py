from django.urls import path

from cases import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("<int:pk>/", views.case_detail, name="case_detail"),
    path("calendar/", views.calendar_page, name="calendar"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
