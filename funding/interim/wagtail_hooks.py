from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from funding.interim import admin_views
from funding.interim.models import InterimReport
from portal.visibility import ReviewerViewSet


class InterimReportViewSet(ReviewerViewSet):
    """Every view shows interim reports submitted at least once: InterimReport.objects.for_reviewers()."""
    model = InterimReport
    icon = "doc-full"
    menu_label = _("Interim reports")
    menu_order = 251
    add_to_admin_menu = True
    inspect_view_enabled = True
    index_view_class = admin_views.InterimReportIndexView
    inspect_view_class = admin_views.InterimReportInspectView
    filterset_class = admin_views.InterimReportFilterSet
    form_fields = ["review_comment"]
    list_display = ["__str__", "status", "due", "submitted_at", "decided_at"]
    search_fields = ["application__title"]
    ordering = ["-submitted_at"]


interim_report_viewset = InterimReportViewSet("interim_reports")


@hooks.register("register_admin_viewset")
def register_viewset():
    return interim_report_viewset


@hooks.register("register_admin_urls")
def register_pdf_url():
    return [path("interim-reports/<int:pk>/pdf/", admin_views.interim_report_pdf, name="interim_report_admin_pdf")]
