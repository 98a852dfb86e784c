from django.urls import path

from actions import dissemination, views

app_name = "actions"

urlpatterns = [
    path("", views.plan, name="plan"),
    path("plan.xlsx", views.plan_export_xlsx, name="plan_xlsx"),
    path("plan.pdf", views.plan_report_pdf, name="plan_pdf"),
    path("mine/", views.mine, name="mine"),
    path("review/<slug:slug>/", views.review_plan, name="review_plan"),
    path("<int:pk>/", views.action_detail, name="action_detail"),
    path("<int:pk>/at-risk/", views.action_at_risk, name="action_at_risk"),
    path("<int:pk>/step/<str:name>/", views.action_step, name="action_step"),
    path("evidence/<int:pk>/", views.evidence, name="evidence"),
    path("dissemination/", dissemination.dissemination_counts, name="dissemination_counts"),
    path("dissemination/<slug:slug>/", dissemination.dissemination_add, name="dissemination_add"),
]
