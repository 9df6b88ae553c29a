"""Fund managers' review of final reports in the Wagtail admin: the list of submitted reports and
a review screen with every section and table, where they approve (which drafts a knowledge-bank
page for a communicator to publish) or return the report with comments."""
import django_filters
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView

from portal.bidi import IsolatedColumnsMixin, strip_bidi_controls
from portal.inspect import HideEmptyFieldsMixin, LocalTimesMixin
from portal.visibility import ReviewerIndexMixin, ReviewerInspectMixin
from reports import final_reports as fr
from reports.final_forms import DecisionForm
from reports.models import FinalReport

REVIEW_PERMISSION = "funding.review_application"


class FinalReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("status"), choices=[
        c for c in FinalReport.Status.choices if c[0] != FinalReport.Status.DRAFT])

    class Meta:
        model = FinalReport
        fields = ["status"]


class FinalReportIndexView(IsolatedColumnsMixin, ReviewerIndexMixin, IndexView):
    """Final reports submitted at least once (FinalReport.objects.for_reviewers)."""

    def get_edit_url(self, instance):
        return None  # decisions are made on the review screen

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("application", "application__fund")


class FinalReportInspectView(ReviewerInspectMixin, LocalTimesMixin, HideEmptyFieldsMixin, InspectView):
    template_name = "reports/admin/final_report_inspect.html"

    def get_object_queryset(self):
        return super().get_object_queryset().select_related(
            "application", "application__fund", "application__user", "knowledge_bank_page")

    def get_fields(self):
        return ["status", "submitted_at", "decided_at"]

    def get_page_subtitle(self):
        return strip_bidi_controls(self.object.application.title)

    def may_decide(self):
        return (self.request.user.has_perm(REVIEW_PERMISSION)
                and self.object.status == FinalReport.Status.SUBMITTED)

    def get_context_data(self, **kwargs):
        from reports.final_wizard import report_context

        context = super().get_context_data(**kwargs)
        context.update(report_context(self.object))
        context["decision_form"] = kwargs.get("decision_form") or (DecisionForm() if self.may_decide() else None)
        page = self.object.knowledge_bank_page
        context["kb_edit_url"] = reverse("wagtailadmin_pages:edit", args=[page.pk]) if page else None
        context["pdf_url"] = reverse("final_report_admin_pdf", args=[self.object.pk])
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(REVIEW_PERMISSION):
            raise PermissionDenied
        form = DecisionForm(request.POST)
        if not self.may_decide():
            messages.error(request, _("The report is not waiting for a decision."))
            return redirect(request.path)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(decision_form=form))
        report = self.object
        if form.cleaned_data["decision"] == "approve":
            page = fr.approve(report, request.user)
            start_moderation(page, request.user)
            messages.success(request, _("The final report is approved. A draft page in the knowledge bank waits "
                                        "for a communicator to publish it."))
        else:
            fr.return_with_comments(report, form.cleaned_data["comment"].strip())
            messages.success(request, _("The report was returned to the project lead, who was notified."))
        transaction.on_commit(lambda: notify_lead(report))
        return redirect(request.path)


def start_moderation(page, user):
    """Put the draft page in the knowledge bank's moderation workflow, so that it appears in the
    communicators' (moderators') "awaiting your review" list."""
    if page is None:
        return
    workflow = page.get_workflow()
    if workflow is not None and not page.workflow_in_progress:
        workflow.start(page, user)


def notify_lead(report):
    """The e-mail has no content of the report and no names: the decision and a link to log in."""
    app = report.application
    if not app.user.email:
        return
    with translation.override(app.language or settings.LANGUAGE_CODE):
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("reports:final_report", args=[app.pk])
        context = {"reference": app.reference, "status": report.get_status_display(), "url": url}
        subject = render_to_string("reports/final/email/decision_subject.txt", context).strip()
        body = render_to_string("reports/final/email/decision_body.txt", context)
    send_mail(subject, body, None, [app.user.email])


def final_report_pdf(request, pk):
    from django.http import HttpResponse
    from django.shortcuts import get_object_or_404

    from reports.final_pdf import render_final_report

    if not request.user.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied
    report = get_object_or_404(FinalReport.objects.for_reviewers(), pk=pk)
    response = HttpResponse(render_final_report(report), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="final-report-{report.application.reference}.pdf"'
    return response
