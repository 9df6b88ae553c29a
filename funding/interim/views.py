"""The project lead's interim report outside the wizard: its status, the fund managers' comment,
what was reported and the PDF. Only the lead of the approved project (404 for anyone else)."""
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from funding.interim import pdf
from funding.interim.wizard import own_report, report_context


@login_required
def detail(request, pk, report):
    report = own_report(request, pk, report)
    context = report_context(report)
    context.update({"fund": report.application.fund.localized, "may_write": report.editable and report.is_open(),
                    "started": bool(report.wizard or report.goals) or not report.editable})
    return render(request, "funding/interim/detail.html", context)


@login_required
def report_pdf(request, pk, report):
    report = own_report(request, pk, report)
    response = HttpResponse(pdf.render(report), content_type="application/pdf")
    response["Content-Disposition"] = (f'attachment; filename="interim-report-{report.application.reference}-'
                                       f'{report.period_start:%Y-%m}.pdf"')
    return response
