"""Fund managers' review of interim reports in the Wagtail admin: the list of submitted reports and
a review screen with every section, where they approve the report or ask the lead to complete it
(with a comment the lead reads on their page)."""
import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView

from funding.interim import pdf, services
from funding.interim.forms import InterimDecisionForm
from funding.interim.models import InterimReport, Status
from portal.bidi import IsolatedColumnsMixin, strip_bidi_controls
from portal.inspect import HideEmptyFieldsMixin, LocalTimesMixin
from portal.visibility import ReviewerIndexMixin, ReviewerInspectMixin

REVIEW_PERMISSION = "funding.review_application"


class InterimReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("status"), choices=[
        c for c in Status.choices if c[0] != Status.DRAFT])

    class Meta:
        model = InterimReport
        fields = ["status"]


class InterimReportIndexView(IsolatedColumnsMixin, ReviewerIndexMixin, IndexView):
    """Interim reports submitted at least once (InterimReport.objects.for_reviewers)."""

    def get_edit_url(self, instance):
        return None  # decisions are made on the review screen

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("application", "application__fund")


class InterimReportInspectView(ReviewerInspectMixin, LocalTimesMixin, HideEmptyFieldsMixin, InspectView):
    template_name = "funding/interim/admin/inspect.html"

    def get_object_queryset(self):
        return super().get_object_queryset().select_related("application", "application__fund",
                                                            "application__user")

    def get_fields(self):
        return ["status", "due", "submitted_at", "decided_at"]

    def get_page_subtitle(self):
        return strip_bidi_controls(f"{self.object.application.title} {self.object.period}")

    def may_decide(self):
        return self.request.user.has_perm(REVIEW_PERMISSION) and self.object.status == Status.SUBMITTED

    def get_context_data(self, **kwargs):
        from funding.interim.wizard import report_context

        context = super().get_context_data(**kwargs)
        context.update(report_context(self.object))
        context["decision_form"] = kwargs.get("decision_form") or (
            InterimDecisionForm() if self.may_decide() else None)
        context["pdf_url"] = reverse("interim_report_admin_pdf", args=[self.object.pk])
        context["application_url"] = reverse("funding_applications:inspect", args=[self.object.application_id])
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(REVIEW_PERMISSION):
            raise PermissionDenied
        form = InterimDecisionForm(request.POST)
        if not self.may_decide():
            messages.error(request, _("The report is not waiting for a decision."))
            return redirect(request.path)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(decision_form=form))
        report = self.object
        approve = form.cleaned_data["decision"] == "approve"
        if not services.decide(report, approve, form.cleaned_data["comment"].strip(), request.user):
            # Another fund manager decided meanwhile (or the form was sent twice): nothing changes.
            messages.error(request, _("The report is not waiting for a decision."))
            return redirect(request.path)
        from funding.interim.tasks import notify_decision

        transaction.on_commit(lambda: notify_decision.enqueue(report.pk))
        if approve:
            messages.success(request, _("The interim report is approved; the project lead was notified."))
        else:
            messages.success(request, _("The project lead was asked to complete the interim report and was "
                                        "notified."))
        return redirect(request.path)


def interim_report_pdf(request, pk):
    if not request.user.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied
    report = get_object_or_404(InterimReport.objects.for_reviewers().select_related("application"), pk=pk)
    response = HttpResponse(pdf.render(report), content_type="application/pdf")
    response["Content-Disposition"] = (f'attachment; filename="interim-report-{report.application.reference}-'
                                       f'{report.period_start:%Y-%m}.pdf"')
    return response


def inspect_context(application, request):
    """The application's interim reports for its inspect page (drafts without a link)."""
    reports = list(application.interim_reports.all())
    shown = {r.pk for r in InterimReport.objects.for_reviewers().filter(application=application)}
    return {"interim_reports": [(r, reverse("interim_reports:inspect", args=[r.pk]) if r.pk in shown else None)
                                for r in reports]}
