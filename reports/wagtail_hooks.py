from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from reports import final_admin, final_views
from portal.visibility import ReviewerViewSet
from reports.models import FinalReport


class FinalReportViewSet(ReviewerViewSet):
    """Every view shows final reports submitted at least once: FinalReport.objects.for_reviewers()."""
    model = FinalReport
    icon = "doc-full"
    menu_label = _("Final reports")
    menu_order = 252
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = final_admin.FinalReportIndexView
    inspect_view_class = final_admin.FinalReportInspectView
    filterset_class = final_admin.FinalReportFilterSet
    form_fields = ["review_comment"]
    list_display = ["__str__", "status", "submitted_at", "decided_at"]
    search_fields = ["application__title", "summary"]
    ordering = ["-submitted_at"]


final_report_viewset = FinalReportViewSet("final_reports")


@hooks.register("register_admin_viewset")
def register_viewset():
    return final_report_viewset


@hooks.register("register_admin_urls")
def register_pdf_url():
    return [path("final-reports/<int:pk>/pdf/", final_admin.final_report_pdf, name="final_report_admin_pdf"),
            path("final-reports/<int:pk>/attachments/<int:attachment_id>/", final_views.admin_final_report_attachment,
                 name="final_report_attachment_admin")]
