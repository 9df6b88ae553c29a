"""The project lead's final-report pages outside the wizard: status and comments, the PDF and the
attachments. Only the lead of the approved project sees them (404 for anyone else)."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from funding.views import send_attachment
from reports import final_pdf
from reports.final_wizard import EDITABLE, own_project, report_context
from reports.models import FinalReport


@login_required
def final_report(request, pk):
    application = own_project(request, pk)
    report = FinalReport.objects.filter(application=application).first()
    context = {"application": application, "fund": application.fund.localized, "report": report,
               "editable": report is None or report.status in EDITABLE}
    if report is not None:
        context.update(report_context(report))
    return render(request, "reports/final/detail.html", context)


@login_required
def final_report_pdf(request, pk):
    application = own_project(request, pk)
    report = get_object_or_404(FinalReport, application=application)
    response = HttpResponse(final_pdf.render_final_report(report), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="final-report-{application.reference}.pdf"'
    return response


@login_required
def final_report_attachment(request, pk, attachment_id):
    application = own_project(request, pk)
    report = get_object_or_404(FinalReport, application=application)
    att = get_object_or_404(report.attachments, pk=attachment_id)
    return send_attachment(request, att, application, "final_report", as_owner=True)


def admin_final_report_attachment(request, pk, attachment_id):
    """Fund managers and Administrators (reports.view_finalreport), from the review screen in the
    admin; drafts are the project lead's own business (404). Other admin users are sent back
    to the dashboard by Wagtail (PermissionDenied). `pk` is the report's."""
    if not request.user.has_perm("reports.view_finalreport"):
        raise PermissionDenied
    report = get_object_or_404(FinalReport.objects.for_reviewers()
                               .select_related("application"), pk=pk)
    att = get_object_or_404(report.attachments, pk=attachment_id)
    return send_attachment(request, att, report.application, "final_report", as_owner=False)
