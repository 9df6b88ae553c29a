"""Language-prefixed URLs of the reports app (mounted under /sv/, /en/, /ar/): the project lead's
final report, next to the applications under /funding/my/."""
from django.urls import path

from reports import final_views
from reports.final_wizard import FinalReportWizard

app_name = "reports"
urlpatterns = [
    path("funding/my/<int:pk>/final-report/", final_views.final_report, name="final_report"),
    path("funding/my/<int:pk>/final-report/pdf/", final_views.final_report_pdf, name="final_report_pdf"),
    path("funding/my/<int:pk>/final-report/attachments/<int:attachment_id>/", final_views.final_report_attachment,
         name="final_report_attachment"),
    path("funding/my/<int:pk>/final-report/<str:step>/", FinalReportWizard.as_view(), name="final_report_step"),
]
