"""The coordinators' inbox in the Wagtail admin: submissions (list with filters, detail, status,
assignment, internal notes, CSV/XLSX export) and the audit log. Only users with
forms.view_submission (Coordinators, Administrators) get in; everyone else gets 403."""
import django_filters
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy

from forms.flow import display_value
from forms.models import AuditEvent, FormPage, Submission
from home.roles import COORDINATORS
from portal.bidi import IsolatedColumnsMixin, isolate
from portal.exports import SafeSpreadsheetExportMixin, safe_cell


class Forbidden403Mixin:
    """Answer 403 (not Wagtail's redirect to the dashboard) to anyone without `required_perm`."""

    required_perm = "forms.view_submission"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.required_perm):
            return TemplateResponse(request, "forms/admin/403.html", {}, status=403)
        return super().dispatch(request, *args, **kwargs)


def _form_pages():
    return FormPage.objects.filter(locale=Locale.get_default()).order_by("title")


def _coordinators():
    return get_user_model().objects.filter(groups__name=COORDINATORS, is_active=True).order_by("first_name", "username")


class SubmissionFilterSet(WagtailFilterSet):
    form_page = django_filters.ModelChoiceFilter(label=_("Form"), queryset=lambda request: _form_pages())
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Submission.Status.choices)
    category = django_filters.CharFilter(label=_("Category"), lookup_expr="icontains")
    created_at = django_filters.DateFromToRangeFilter(label=_("Sent"), widget=DateRangePickerWidget)
    assigned_to = django_filters.ModelChoiceFilter(label=_("Assigned to"), queryset=lambda request: _coordinators())

    class Meta:
        model = Submission
        fields = ["form_page", "status", "category", "created_at", "assigned_to"]


def answer_rows(submission):
    """(label, shown value) for each field of the submission's form, in the form's order; answers
    to fields that were removed from the form since are listed after them."""
    fields = [f for f in submission.form_page.get_form_fields() if not f.is_step]
    seen = set()
    rows = []
    for field in fields:
        seen.add(field.clean_name)
        rows.append((field.label, display_value(field, submission.data.get(field.clean_name))))
    for name, value in submission.data.items():
        if name not in seen:
            rows.append((name, display_value(None, value)))
    return rows


def visible_submissions():
    """What the inbox may show: `Submission.objects.visible_to_staff()`, the one rule that every
    view of the inbox viewset below uses (an unconfirmed school request is a 404 everywhere)."""
    return Submission.objects.visible_to_staff()


class VisibleSubmissionMixin:
    """Edit and delete (Django's SingleObjectMixin) look their object up in `get_queryset()`."""

    def get_queryset(self):
        return visible_submissions()


class VisibleBaseObjectMixin:
    """History and usage (Wagtail's BaseObjectMixin) look it up in `get_base_object_queryset()`
    (their `get_queryset()` is the listing of log entries or references)."""

    def get_base_object_queryset(self):
        return visible_submissions()


class SubmissionIndexView(SafeSpreadsheetExportMixin, IsolatedColumnsMixin, Forbidden403Mixin, generic.IndexView):
    base_fields = ["reference", "form_page", "language", "created_at", "status", "category", "assigned_to",
                   "closed_at"]

    def get_base_queryset(self):
        # An unconfirmed school request is not shown until the sender confirmed it by e-mail.
        return super().get_base_queryset().visible_to_staff().select_related("form_page", "assigned_to")

    def _answer_fields(self, queryset):
        page_ids = set(queryset.values_list("form_page_id", flat=True).distinct())
        out = {}
        for page in FormPage.objects.filter(pk__in=page_ids).order_by("title"):
            for field in page.get_form_fields():
                if not field.is_step:
                    out.setdefault("answer__" + field.clean_name, field.label)
        return out

    def as_spreadsheet(self, queryset, spreadsheet_format):
        answers = self._answer_fields(queryset)
        self.list_export = self.base_fields + list(answers)
        self.export_headings = {**answers, "status": _("Status")}
        items = list(queryset)
        AuditEvent.record(self.request.user, AuditEvent.Action.EXPORT, items,
                          detail=f"{spreadsheet_format}: {self.request.GET.urlencode()}")
        return super().as_spreadsheet(items, spreadsheet_format)

    def to_row_dict(self, item):
        row = {}
        for field in self.list_export:
            if field.startswith("answer__"):
                value = item.data.get(field[len("answer__"):], "")
                if isinstance(value, list):
                    value = ", ".join(map(str, value))
                row[field] = safe_cell(value)
            elif field == "status":
                row[field] = item.get_status_display()
            else:
                value = getattr(item, field)
                row[field] = safe_cell(str(value)) if value is not None and field in ("category", "form_page", "assigned_to") else value
        return row

    def get_heading(self, queryset, field):
        if field in self.export_headings:
            return str(self.export_headings[field])
        return str(Submission._meta.get_field(field).verbose_name).capitalize()


class SubmissionInspectView(Forbidden403Mixin, generic.InspectView):
    def get_fields(self):
        return ["reference", "form_page", "language", "created_at", "status", "assigned_to", "category",
                "answers", "notes", "expires_at"]

    def get_field_label(self, field_name, field):
        if field_name == "answers":
            return _("Answers")
        if field_name == "notes":
            return _("Internal notes")
        return super().get_field_label(field_name, field)

    def get_answers_display_value(self):
        rows = answer_rows(self.object)
        return format_html(
            "<dl class='lotsa-answers'>{}</dl>",
            format_html_join("", "<dt><strong>{}</strong></dt><dd>{}</dd>", ((label, isolate(value) or "–") for label, value in rows)),
        )

    def get_notes_display_value(self):
        notes = self.object.notes.select_related("author")
        if not notes:
            return "–"
        return format_html_join("", "<p>{} ({}, {:%Y-%m-%d %H:%M}):<br>{}</p>",
                                ((n.author or "–", "", n.created_at, n.text) for n in notes))

    def get(self, request, *args, **kwargs):
        AuditEvent.record(request.user, AuditEvent.Action.VIEW, [self.object])
        return super().get(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return get_object_or_404(visible_submissions(), pk=unquote(str(self.pk)))


class SubmissionAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "assigned_to" in self.fields:
            self.fields["assigned_to"].queryset = _coordinators()


class SubmissionEditView(Forbidden403Mixin, VisibleSubmissionMixin, generic.EditView):
    required_perm = "forms.change_submission"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()  # Wagtail's EditView.get sets it only inside super().get()
        AuditEvent.record(request.user, AuditEvent.Action.VIEW, [self.object], detail="edit form")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["answers"] = answer_rows(self.object)
        return context

    def save_instance(self):
        for note_form in self.form.formsets["notes"].forms:
            note = note_form.instance
            if note.pk is None and note.author_id is None:
                note.author = self.request.user
        instance = super().save_instance()
        from forms.cases.services import sync_closed

        sync_closed(instance)
        AuditEvent.record(self.request.user, AuditEvent.Action.EDIT, [instance],
                          detail=f"status={instance.status} assigned={instance.assigned_to_id or '-'}")
        return instance


class SubmissionDeleteView(Forbidden403Mixin, VisibleSubmissionMixin, generic.DeleteView):
    required_perm = "forms.delete_submission"

    def delete_action(self):
        AuditEvent.record(self.request.user, AuditEvent.Action.DELETE, [self.object])
        return super().delete_action()


class SubmissionHistoryView(Forbidden403Mixin, VisibleBaseObjectMixin, HistoryView):
    pass


class SubmissionUsageView(Forbidden403Mixin, VisibleBaseObjectMixin, UsageView):
    pass


class SubmissionViewSet(ModelViewSet):
    model = Submission
    icon = "mail"
    name = "forms_submission"
    url_prefix = "inbox"
    menu_label = _("Inbox")
    menu_order = 100
    add_to_admin_menu = False
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = SubmissionIndexView
    inspect_view_class = SubmissionInspectView
    edit_view_class = SubmissionEditView
    delete_view_class = SubmissionDeleteView
    history_view_class = SubmissionHistoryView
    usage_view_class = SubmissionUsageView
    filterset_class = SubmissionFilterSet
    list_display = ["reference", "form_page", "category", "status", "assigned_to", "created_at"]
    list_export = SubmissionIndexView.base_fields
    export_filename = "submissions"
    edit_template_name = "forms/admin/submission_edit.html"
    list_per_page = 50

    def get_edit_handler(self):
        from wagtail.admin.panels import ObjectList

        return ObjectList(Submission.panels, base_form_class=SubmissionAdminForm).bind_to_model(Submission)


class AuditIndexView(Forbidden403Mixin, generic.IndexView):
    required_perm = "forms.view_auditevent"


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The audit log is read, never written, in the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_permission(user, "view")


class AuditEventViewSet(ModelViewSet):
    model = AuditEvent
    permission_policy = ReadOnlyPolicy(AuditEvent)
    icon = "history"
    name = "forms_audit"
    url_prefix = "inbox-audit"
    menu_label = _("Audit log")
    menu_order = 200
    index_view_class = AuditIndexView
    list_display = ["created_at", "user", "action", "count", "references", "detail"]
    list_filter = ["action"]
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 100
    form_fields = ["action"]


class InboxGroup(ViewSetGroup):
    menu_label = _("Submissions")
    menu_icon = "mail"
    menu_order = 250
    items = (SubmissionViewSet, AuditEventViewSet)
