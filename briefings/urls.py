from django.urls import path

from briefings import views

app_name = "briefings"

urlpatterns = [
    path("newsletters/", views.newsletter_list, name="newsletter_list"),
    path("newsletters/<slug:slug>/", views.newsletter_detail, name="newsletter_detail"),
    path("newsletters/<slug:slug>.pdf", views.newsletter_pdf_download, name="newsletter_pdf"),
    path("newsletters/<slug:slug>/more/<int:pk>.pdf", views.newsletter_file, name="newsletter_file"),
    path("reviews/<slug:slug>/briefing/", views.review_briefing, name="review_briefing"),
    path("reviews/<slug:slug>/briefing.pdf", views.review_briefing_pdf_download, name="review_briefing_pdf"),
]
