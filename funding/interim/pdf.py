"""The interim report as a PDF: the final report's renderer and its goals and economy parts."""
from reports.final_pdf import render_report_pdf


def render(report, language=None):
    from funding.interim.wizard import report_context

    return render_report_pdf(report, report_context, "funding/interim/pdf/interim_report.html", language)
