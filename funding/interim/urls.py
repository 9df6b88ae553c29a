"""The project lead's interim reports, under the application (included from funding/urls.py)."""
from django.urls import path

from funding.interim import views
from funding.interim.wizard import InterimReportWizard

app_name = "interim"
urlpatterns = [
    path("funding/my/<int:pk>/interim/<int:report>/", views.detail, name="detail"),
    path("funding/my/<int:pk>/interim/<int:report>/pdf/", views.report_pdf, name="pdf"),
    path("funding/my/<int:pk>/interim/<int:report>/<str:step>/", InterimReportWizard.as_view(), name="step"),
]
