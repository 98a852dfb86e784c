from django.urls import path

from insight import views

app_name = "insight"

urlpatterns = [
    path("", views.insight, name="insight"),
    path("<slug:chart>.csv", views.chart_csv, name="chart_csv"),
]
