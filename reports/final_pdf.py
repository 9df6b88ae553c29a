"""The final report as a PDF (xhtml2pdf), in the report's language, with every table and a bar
chart of budget against outcome per year. Arabic is shaped and right-to-left with DejaVu Sans, as in
the application PDF (funding/pdf.py)."""
from io import BytesIO

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from xhtml2pdf import pisa

from funding.pdf import _link_callback
from portal.bidi import marks_for_pdf


def render_final_report(report, language=None):
    from reports.final_wizard import report_context

    return render_report_pdf(report, report_context, "reports/final/pdf/final_report.html", language)


def render_report_pdf(report, make_context, template, language=None):
    """A report of an application (final or interim, funding/interim/pdf.py) as a PDF, in the
    application's language unless another is asked for."""
    app = report.application
    language = language or app.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = make_context(report)
        context.update({"lang": language, "rtl": translation.get_language_bidi(), "fund": app.fund.localized})
        html = render_to_string(template, context)
    out = BytesIO()
    result = pisa.CreatePDF(marks_for_pdf(html), dest=out, encoding="utf-8", link_callback=_link_callback)
    if result.err:
        raise RuntimeError("PDF rendering failed")
    return out.getvalue()
