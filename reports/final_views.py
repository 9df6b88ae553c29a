"""The project lead's final-report pages outside the wizard: status and comments, the PDF and the
attachments. Only the lead of the approved project sees them (404 for anyone else)."""
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, render

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
    return FileResponse(att.file.open("rb"), as_attachment=True, filename=att.name,
                        content_type=att.content_type or "application/octet-stream")
