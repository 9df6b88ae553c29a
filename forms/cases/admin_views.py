"""The case log in the Wagtail admin: list (filters, CSV/XLSX), the short case form, delete.
Who may do what is the permission of the view: cases.view_case (Coordinators, Managers,
Administrators) to list, add/change/delete_case (Coordinators, Administrators) to write. Anyone
else in the admin gets 403. Every view, change and export is written to the audit log."""
import django_filters
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView

from forms.cases.forms import CaseForm
from forms.cases.models import AgeGroup, Case, Channel, Outcome
from forms.models import AuditEvent
from portal.exports import SafeSpreadsheetExportMixin


class Forbidden403Mixin:
    """403 (not Wagtail's redirect to the dashboard) for admin users without `required_perm`."""

    required_perm = "cases.view_case"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.required_perm):
            return TemplateResponse(request, "cases/admin/403.html", {}, status=403)
        return super().dispatch(request, *args, **kwargs)


def audit(user, action, cases, detail=""):
    AuditEvent.record(user, action, [f"case-{c.pk}" for c in cases], detail=("cases: " + detail)[:255])


class CaseFilterSet(WagtailFilterSet):
    opened_on = django_filters.DateFromToRangeFilter(label=_("Opened"), widget=DateRangePickerWidget)
    closed_on = django_filters.DateFromToRangeFilter(label=_("Closed"), widget=DateRangePickerWidget)
    channel = django_filters.ChoiceFilter(label=_("Channel"), choices=Channel.choices)
    outcome = django_filters.ChoiceFilter(label=_("Outcome"), choices=Outcome.choices)
    age_group = django_filters.ChoiceFilter(label=_("Age group"), choices=AgeGroup.choices)
    open = django_filters.BooleanFilter(label=_("Still open"), field_name="closed_on", lookup_expr="isnull")

    class Meta:
        model = Case
        fields = ["opened_on", "closed_on", "channel", "outcome", "age_group", "category", "from_school"]


class CaseIndexView(SafeSpreadsheetExportMixin, Forbidden403Mixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("category")

    def as_spreadsheet(self, queryset, spreadsheet_format):
        items = list(queryset)
        audit(self.request.user, AuditEvent.Action.EXPORT, items, f"{spreadsheet_format} {self.request.GET.urlencode()}")
        return super().as_spreadsheet(items, spreadsheet_format)

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        for name in ("channel", "age_group", "outcome", "administration", "contacts", "time_spent"):
            if name in row:
                row[name] = getattr(item, f"get_{name}_display")()
        if "category" in row:
            row["category"] = item.category.display_name if item.category else ""
        return row


class CaseCreateView(Forbidden403Mixin, generic.CreateView):
    required_perm = "cases.add_case"

    def save_instance(self):
        instance = super().save_instance()
        audit(self.request.user, AuditEvent.Action.EDIT, [instance], "registered")
        return instance


class CaseEditView(Forbidden403Mixin, generic.EditView):
    required_perm = "cases.change_case"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        audit(request.user, AuditEvent.Action.VIEW, [self.object], "case form")
        return super().get(request, *args, **kwargs)

    def save_instance(self):
        instance = super().save_instance()
        audit(self.request.user, AuditEvent.Action.EDIT, [instance], "changed")
        return instance


class CaseDeleteView(Forbidden403Mixin, generic.DeleteView):
    required_perm = "cases.delete_case"

    def delete_action(self):
        audit(self.request.user, AuditEvent.Action.DELETE, [self.object])
        return super().delete_action()


class CaseHistoryView(Forbidden403Mixin, HistoryView):
    pass


class CaseUsageView(Forbidden403Mixin, UsageView):
    pass


class CaseViewSet(ModelViewSet):
    model = Case
    icon = "clipboard-list"
    name = "cases"
    url_prefix = "cases"
    menu_label = _("Cases")
    menu_order = 100
    index_view_class = CaseIndexView
    add_view_class = CaseCreateView
    edit_view_class = CaseEditView
    delete_view_class = CaseDeleteView
    history_view_class = CaseHistoryView
    usage_view_class = CaseUsageView
    copy_view_enabled = False
    inspect_view_enabled = False
    filterset_class = CaseFilterSet
    list_display = ["__str__", "opened_on", "closed_on", "channel", "category", "age_group", "outcome"]
    list_export = ["opened_on", "closed_on", "channel", "returning", "age_group", "category", "from_school",
                   "outcome", "administration", "contacts", "time_spent", "follow_up_offered", "anonymised"]
    export_filename = "cases"
    list_per_page = 50

    def get_edit_handler(self):
        from wagtail.admin.panels import ObjectList

        return ObjectList(Case.panels, base_form_class=CaseForm).bind_to_model(Case)
