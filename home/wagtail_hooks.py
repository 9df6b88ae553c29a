"""Admin for the service catalogue: snippets for topics, areas and places, and a report of
services nobody has reviewed for twelve months."""
import datetime

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import Area, Place, ServicePage, Topic
from portal.exports import SafeSpreadsheetExportMixin

REVIEW_AFTER_DAYS = 365


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "site"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "home"
    list_display = ["name", "area", "street_address", "locale"]
    list_filter = ["locale", "area"]
    search_fields = ["name", "street_address"]


class ServiceCatalogueGroup(SnippetViewSetGroup):
    menu_label = _("Service catalogue")
    menu_icon = "list-ul"
    menu_order = 250
    items = (PlaceViewSet, TopicViewSet, AreaViewSet)


register_snippet(ServiceCatalogueGroup)


def services_due_for_review(today=None):
    cutoff = (today or timezone.localdate()) - datetime.timedelta(days=REVIEW_AFTER_DAYS)
    return ServicePage.objects.filter(last_reviewed__lt=cutoff).select_related("locale").order_by("last_reviewed", "title")


class UnreviewedServicesView(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Services not reviewed for 12 months")
    header_icon = "time"
    index_url_name = "unreviewed_services"
    index_results_url_name = "unreviewed_services_results"
    any_permission_required = ["add", "change", "publish"]
    permission_policy = None
    columns = [
        TitleColumn("title", label=_("Service"), url_name="wagtailadmin_pages:edit"),
        Column("locale", label=_("Language")),
        DateColumn("last_reviewed", label=_("Last reviewed")),
    ]
    list_export = ["title", "locale", "last_reviewed"]

    def get_queryset(self):
        return services_due_for_review()

    def user_has_permission(self, permission):
        return self.request.user.has_perm("wagtailadmin.access_admin")


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/unreviewed-services/", UnreviewedServicesView.as_view(), name="unreviewed_services"),
        path("reports/unreviewed-services/results/", UnreviewedServicesView.as_view(results_only=True),
             name="unreviewed_services_results"),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(_("Services not reviewed for 12 months"), reverse("unreviewed_services"), icon_name="time", order=900)
