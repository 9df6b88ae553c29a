"""The case log's place in the admin: one "Case log" menu with the cases, the statistics, the key
figures, the calculation's inputs and the problem categories, each shown to who may use it."""
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from forms.cases import views
from forms.cases.admin_views import CaseViewSet
from forms.cases.models import BenefitInputs, ProblemCategory, SchoolConcernMonth


class ProblemCategoryViewSet(SnippetViewSet):
    model = ProblemCategory
    icon = "tag"
    menu_label = _("Problem categories")
    add_to_admin_menu = False
    list_display = ["name", "sort_order", "active", "locale"]
    list_filter = ["locale", "active"]


class HandEnteredViewSet(ModelViewSet):
    """Figures entered by hand (the school's key figures, the calculation's inputs): a plain list
    and form; nothing to copy or inspect. Wagtail's model permissions decide who sees what."""

    icon = "table"
    copy_view_enabled = False
    inspect_view_enabled = False


concern_viewset = HandEnteredViewSet(
    "cases_concerns", model=SchoolConcernMonth, url_prefix="cases-key-figures",
    menu_label=_("School reports of concern"),
    list_display=["__str__", "not_investigated", "investigated", "linked", Column("total", label=_("Total"))])
benefit_viewset = HandEnteredViewSet(
    "cases_benefit", model=BenefitInputs, url_prefix="cases-benefit", menu_label=_("Benefit-realisation inputs"),
    list_display=["__str__", "service_cost", "investigation_cost", "investigation_share", "round_to"])
register_snippet(ProblemCategoryViewSet)
case_viewset = CaseViewSet()


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [case_viewset, concern_viewset, benefit_viewset]


@hooks.register("register_admin_urls")
def urls():
    return [
        path("case-statistics/", views.statistics_view, name="cases_statistics"),
        path("case-statistics/export/", views.export_view, name="cases_statistics_export"),
        path("case-statistics/report/", views.report_view, name="cases_statistics_report"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permissions, **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        return any(request.user.has_perm(p) for p in self.permissions)


MENU = [
    (_("Cases"), "cases:index", "clipboard-list", ["cases.view_case"]),
    (_("Register a case"), "cases:add", "plus", ["cases.add_case"]),
    (_("Case statistics"), "cases_statistics", "table", ["cases.view_statistics"]),
    (_("School reports of concern"), "cases_concerns:index", "table", ["cases.view_schoolconcernmonth", "cases.change_schoolconcernmonth"]),
    (_("Benefit-realisation inputs"), "cases_benefit:index", "table", ["cases.view_benefitinputs", "cases.change_benefitinputs"]),
    (_("Problem categories"), "wagtailsnippets_cases_problemcategory:list", "tag", ["cases.change_problemcategory"]),
]

cases_menu = Menu(register_hook_name="register_cases_menu_item")


for order, (label, url_name, icon, perms) in enumerate(MENU):
    def item(label=label, url_name=url_name, icon=icon, perms=perms, order=order):
        return PermissionMenuItem(label, reverse(url_name), icon_name=icon, order=order, permissions=perms)
    hooks.register("register_cases_menu_item", item)


class CasesMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return request.user.has_perm("cases.view_case") or request.user.has_perm("cases.view_statistics")


@hooks.register("register_admin_menu_item")
def cases_menu_item():
    return CasesMenuItem(_("Case log"), cases_menu, icon_name="clipboard-list", order=260)
