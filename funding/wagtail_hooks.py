from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from funding import admin_views, views
from funding.budget import format_amount
from portal.visibility import ReviewerViewSet
from funding.models import Application, AttachmentDownload


class ApplicationViewSet(ReviewerViewSet):
    """Every view (list, export, inspect, edit, delete, history, usage) shows submitted
    applications only: Application.objects.for_reviewers()."""
    model = Application
    icon = "form"
    menu_label = _("Applications")
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = admin_views.ApplicationIndexView
    inspect_view_class = admin_views.ApplicationInspectView
    filterset_class = admin_views.ApplicationFilterSet
    form_fields = ["title"]
    list_display = ["__str__", "fund", "round", "status",
                    # amounts grouped as Swedes read them: 1 450 000
                    Column("requested_total", label=_("requested (kr)"), sort_key="requested_total",
                           accessor=lambda application: format_amount(application.requested_total)),
                    Column("granted_total", label=_("granted (kr)"), sort_key="granted_total",
                           accessor=lambda application: format_amount(application.granted_total)),
                    "submitted_at",
                    # messages from the lead this fund manager has not read (funding/threads)
                    Column("unread_messages", label=_("new messages"), sort_key="unread_messages",
                           accessor=lambda application: getattr(application, "unread_messages", 0) or "")]
    list_export = ["reference", "title", "organisation", "fund", "round", "status", "project_start", "project_end",
                   "cost_total", "requested_total", "granted_total", "submitted_at", "decided_at", "report_due"]
    export_headings = {"reference": _("Reference")}
    export_filename = "applications"
    search_fields = ["title", "organisation"]
    ordering = ["-submitted_at"]


application_viewset = ApplicationViewSet("funding_applications")


@hooks.register("register_admin_viewset")
def register_viewset():
    return application_viewset


@hooks.register("register_admin_urls")
def register_summary_url():
    return [path("funding/summary/", admin_views.summary, name="funding_summary"),
            path("funding/extend-deadline/", admin_views.extend_deadline, name="funding_extend_deadline"),
            path("funding/applications/<int:pk>/attachments/<int:attachment_id>/", views.admin_attachment,
                 name="funding_attachment_admin")]


class SummaryMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("funding.review_application")


@hooks.register("register_admin_menu_item")
def register_summary_menu_item():
    return SummaryMenuItem(_("Requested and granted"), reverse("funding_summary"), icon_name="table",
                           order=251)


@hooks.register("register_admin_menu_item")
def register_extend_deadline_menu_item():
    return SummaryMenuItem(_("Extend a deadline"), reverse("funding_extend_deadline"), icon_name="date",
                           order=252)


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The download log is read, never written, in the admin (Administrators: every permission)."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_permission(user, "view")


class AttachmentDownloadViewSet(ModelViewSet):
    model = AttachmentDownload
    permission_policy = ReadOnlyPolicy(AttachmentDownload)
    icon = "history"
    url_prefix = "attachment-downloads"
    menu_label = _("Attachment downloads")
    menu_order = 253
    add_to_admin_menu = True
    list_display = ["created_at", "user", "kind", "reference", "attachment_id", "as_owner"]
    list_filter = ["kind", "as_owner"]
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 100
    form_fields = ["kind"]


@hooks.register("register_admin_viewset")
def register_download_log():
    return AttachmentDownloadViewSet("attachment_downloads")
