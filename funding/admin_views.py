"""Fund managers' views in the Wagtail admin: the application list (filters, CSV/XLSX export),
the application with its transition form, and the requested-versus-granted summary."""
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Sum
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.models import Locale
import django_filters

from funding import workflow
from funding.assessment import admin_views as assessment_views
from funding.interim import admin_views as interim_admin
from funding.committee import admin_views as committee_admin
from funding.committee import services as committee
from funding.budget import format_amount
from funding.forms import AmountField, ApplicantForm
from funding.models import Application, FundProgrammePage, FundRound
from funding.payments import admin_views as payments_admin
from funding.signatures import display as signature_display
from funding.threads import admin_views as threads
from portal.bidi import IsolatedColumnsMixin, IsolatedFieldsMixin, strip_bidi_controls
from portal.exports import SafeSpreadsheetExportMixin
from portal.inspect import HideEmptyFieldsMixin, LocalTimesMixin
from portal.visibility import ReviewerIndexMixin, ReviewerInspectMixin


class ApplicationFilterSet(WagtailFilterSet):
    fund = django_filters.ModelChoiceFilter(
        label=gettext_lazy("fund"), queryset=lambda request: FundProgrammePage.objects.filter(
            locale=Locale.get_default()).order_by("title"))
    round = django_filters.ModelChoiceFilter(
        label=gettext_lazy("round"), queryset=lambda request: FundRound.objects.filter(
            locale=Locale.get_default()).select_related("page"))
    status = django_filters.ChoiceFilter(label=gettext_lazy("status"), choices=[
        state for state in workflow.STATES if state[0] not in (workflow.DRAFT, workflow.SIGNATURE)])

    class Meta:
        model = Application
        fields = ["fund", "round", "status"]


class ApplicationIndexView(SafeSpreadsheetExportMixin, IsolatedColumnsMixin, ReviewerIndexMixin, IndexView):
    """The list and its CSV/XLSX export: submitted applications only (Application.objects.for_reviewers)."""

    def get_edit_url(self, instance):
        return None  # status changes go through the state machine on the application's page

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("fund", "round")
        # "N new" messages from the lead that this fund manager has not read (issue 13 item 3)
        return threads.services.with_unread(queryset, self.request.user, threads.services.FUND_MANAGER)


class DecisionForm(forms.Form):
    to = forms.ChoiceField(label=gettext_lazy("New status"),
                           error_messages={"required": gettext_lazy("Choose the new status.")})
    # The application's version when the page was opened: a decision typed on a page that another
    # fund manager changed meanwhile is refused, not saved over theirs (see ApplicationInspectView.post).
    # (Optional only so that a post without it, from a script, still works as before.)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    comment = forms.CharField(label=gettext_lazy("Comment to the applicant"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=gettext_lazy("The applicant sees this on their page."))
    internal_note = forms.CharField(label=gettext_lazy("Internal note"), required=False,
                                    widget=forms.Textarea(attrs={"rows": 3}),
                                    help_text=gettext_lazy("Only fund managers see this."))

    def __init__(self, *args, application, targets, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("version", application.version)
        super().__init__(*args, **kwargs)
        self.application = application
        # A decision is chosen, never defaulted: the list starts on an empty choice.
        self.fields["to"].choices = [("", _("Choose…"))] + [
            (t, workflow.label(application.status, t)) for t in targets]
        self.years = list(application.requested_per_year().items())
        for year, requested in self.years:
            self.fields[f"granted_{year}"] = AmountField(
                label=_("Granted %(year)s (kr)") % {"year": year}, initial=requested,
                help_text=_("Only used when approving."))

    def clean(self):
        data = super().clean()
        if data.get("to") == workflow.MORE_INFO and not data.get("comment"):
            self.add_error("comment", _("Tell the applicant what information is missing."))
        if data.get("to") == workflow.APPROVED:
            # Above the fund's delegation the committee decides (funding/committee/services.py).
            problem = committee.direct_approval_problem(self.application, self.granted())
            if problem:
                self.add_error("to", problem)
        return data

    def granted(self):
        return {year: self.cleaned_data.get(f"granted_{year}") or 0 for year, _r in self.years}


def applicant_rows(app):
    """The applicant step as (label, value) for the fund manager, choices shown by their label."""
    answers = app.answers("applicant")
    rows = []
    for name, field in ApplicantForm().fields.items():
        value = answers.get(name, "")
        if isinstance(field, forms.ChoiceField):
            value = dict(field.choices).get(value, value)
        rows.append((str(field.label), value))
    return rows


class ApplicationInspectView(ReviewerInspectMixin, IsolatedFieldsMixin, LocalTimesMixin, HideEmptyFieldsMixin,
                             InspectView):
    template_name = "funding/admin/inspect.html"

    def get_object_queryset(self):
        return super().get_object_queryset().select_related("fund", "round", "user")

    def get_page_subtitle(self):
        return strip_bidi_controls(super().get_page_subtitle())

    def get_fields(self):
        return ["fund", "round", "status", "organisation", "requested_total", "granted_total",
                "project_start", "project_end", "submitted_at", "decided_at", "report_due"]

    def get_requested_total_display_value(self):
        return format_amount(self.object.requested_total)

    def get_granted_total_display_value(self):
        return format_amount(self.object.granted_total)

    def targets(self):
        return [t for t in workflow.allowed_targets(self.object, self.request.user)
                if workflow.TRANSITIONS[(self.object.status, t)][0] == workflow.FUND_MANAGER]

    def get_context_data(self, **kwargs):
        from funding.pdf import answers, budget_rows

        context = super().get_context_data(**kwargs)
        app = self.object
        targets = self.targets()
        context.update({
            "application": app, "sections": answers(app),
            "applicant": applicant_rows(app),
            "may_open_final_report": (app.status == workflow.APPROVED and not app.final_report_open
                                      and self.request.user.has_perm("funding.review_application")),
            "budget": budget_rows(app.budget_obj()), "transitions": app.transitions.select_related("by"),
            "decision_form": kwargs.get("decision_form") or (
                DecisionForm(application=app, targets=targets) if targets else None),
            "attachments": app.attachments.all(),
        })
        context.update(payments_admin.inspect_context(app, self.request))
        context.update(signature_display.inspect_context(app, self.request))  # issue 13 item 2
        context.update(assessment_views.inspect_context(app, self.request))
        context.update(interim_admin.inspect_context(app, self.request))
        context.update(threads.inspect_context(app, self.request))  # the message thread (issue 13 item 3)
        context.update(committee_admin.inspect_context(app, self.request))
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("funding.review_application"):
            raise PermissionDenied
        if "open_final_report" in request.POST:
            return self.open_final_report(request)
        expected = request.POST.get("version", "")
        if expected.isdigit() and int(expected) != self.object.version:
            return self.stale(request, self.object)
        form = DecisionForm(request.POST, application=self.object, targets=self.targets())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(decision_form=form))
        with transaction.atomic():
            # Checked again under the row lock: two saves at the same moment cannot both pass.
            current = Application.objects.select_for_update().get(pk=self.object.pk)
            if expected.isdigit() and current.version != int(expected):
                return self.stale(request, current)
            try:
                workflow.transition(self.object, form.cleaned_data["to"], request.user,
                                    comment=form.cleaned_data["comment"],
                                    internal_note=form.cleaned_data["internal_note"], granted=form.granted())
            except workflow.TransitionError:
                messages.error(request, _("The application changed meanwhile; that step is no longer possible."))
            else:
                messages.success(request, _("Status changed to %(status)s; the applicant was notified.") % {
                    "status": self.object.status_label})
        return redirect(request.path)

    def stale(self, request, current):
        """Someone else saved this application after the page was opened: save nothing, show what
        it is now, and keep everything this fund manager typed in the form (with the new version,
        so that saving again after a look is a deliberate choice)."""
        self.object = current
        data = request.POST.copy()
        data["version"] = str(current.version)
        form = DecisionForm(data, application=current, targets=self.targets())
        form.is_valid()
        form.add_error(None, _("Another fund manager changed this application while you were writing (it is now "
                               "“%(status)s”). Nothing was saved. Your text is kept below: read the status "
                               "changes, then save again if your decision still applies.") % {
            "status": current.status_label})
        messages.error(request, _("Nothing was saved: the application was changed by someone else meanwhile."))
        return self.render_to_response(self.get_context_data(decision_form=form))

    def open_final_report(self, request):
        """Let the project lead submit the final report before the project ends (one project)."""
        app = self.object
        if app.status == workflow.APPROVED and not app.final_report_opened_early:
            app.final_report_opened_early = True
            app.save(update_fields=["final_report_opened_early"])
            messages.success(request, _("The project lead can now submit the final report."))
        return redirect(request.path)


class ExtendDeadlineForm(forms.Form):
    reference = forms.CharField(label=gettext_lazy("Application reference"), max_length=20,
                                help_text=gettext_lazy("As the project lead sees it on their page, for example "
                                                       "2026-00012."))
    until = forms.DateField(label=gettext_lazy("May be submitted until"),
                            widget=forms.DateInput(attrs={"type": "date"}))

    def clean_until(self):
        from django.utils import timezone

        until = self.cleaned_data["until"]
        if until < timezone.localdate():
            raise forms.ValidationError(_("Choose today or a later day."))
        return until

    def clean_reference(self):
        text = self.cleaned_data["reference"].strip()
        year, _sep, number = text.partition("-")
        app = None
        if year.isdigit() and number.isdigit():
            app = Application.objects.filter(pk=int(number), created_at__year=int(year),
                                             status=workflow.DRAFT).first()
        if app is None:
            raise forms.ValidationError(_("There is no draft with this reference."))
        self.application = app
        return text


def extend_deadline(request):
    """A fund manager gives one draft a later last day than its round's (an agreed extension).
    Drafts are not shown to fund managers: the lead tells them the reference, and this page shows
    nothing of the draft but its reference and the new day."""
    if not request.user.has_perm("funding.review_application"):
        raise PermissionDenied
    form = ExtendDeadlineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        app = form.application
        app.deadline_extended_to = form.cleaned_data["until"]
        app.save(update_fields=["deadline_extended_to"])
        messages.success(request, _("Application %(reference)s may now be submitted until %(date)s.") % {
            "reference": app.reference, "date": app.deadline_extended_to.isoformat()})
        return redirect("funding_extend_deadline")
    return TemplateResponse(request, "funding/admin/extend_deadline.html", {
        "form": form, "page_title": _("Extend a deadline")})


def summary(request):
    """Requested versus granted money per fund and year (submitted applications only)."""
    if not request.user.has_perm("funding.review_application"):
        raise PermissionDenied
    rows = {}
    qs = Application.objects.for_reviewers().select_related("fund")
    for app in qs:
        budget = app.budget_obj()
        for year, requested in zip(budget.years, budget.requested_per_year()):
            row = rows.setdefault((app.fund.title, year), {"fund": app.fund.title, "year": year,
                                                          "count": 0, "requested": 0, "granted": 0})
            row["count"] += 1
            row["requested"] += requested
            row["granted"] += int((app.granted or {}).get(year, 0))
    table = [rows[k] for k in sorted(rows)]
    for row in table:
        row["requested_fmt"], row["granted_fmt"] = format_amount(row["requested"]), format_amount(row["granted"])
    totals = qs.aggregate(requested=Sum("requested_total"), granted=Sum("granted_total"))
    return TemplateResponse(request, "funding/admin/summary.html", {
        "rows": table, "requested_total": format_amount(totals["requested"] or 0),
        "granted_total": format_amount(totals["granted"] or 0), "page_title": _("Requested and granted"),
    })
