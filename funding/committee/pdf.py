"""The committee's two PDFs, on the shared PDF base (funding/pdf.py, pdf/base.html): the meeting's
agenda with the proposed decisions, and the decision letter to the project lead in the language
they applied in."""
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from funding import workflow
from funding.budget import format_amount
from funding.committee.models import AgendaItem
from funding.pdf import html_to_pdf


def _language(code):
    codes = {c for c, _name in settings.LANGUAGES}
    return code if code in codes else settings.LANGUAGE_CODE


def _per_year(amounts):
    return [(year, format_amount(amount)) for year, amount in sorted((amounts or {}).items())]


def agenda_rows(meeting):
    """The agenda's items with their amounts, and the meeting's totals (undecided and decided)."""
    rows = []
    for number, item in enumerate(meeting.items.for_reviewers().select_related("application__fund"), start=1):
        app = item.application
        rows.append({
            "number": number, "item": item, "application": app, "fund": app.fund.localized,
            "requested": _per_year(app.requested_per_year()), "requested_total": format_amount(app.requested_total),
            "proposed": _per_year(item.proposed), "proposed_total": format_amount(item.proposed_total),
            "proposal": item.get_proposal_display(),
            "decision": item.get_decision_display() if item.is_decided else "",
        })
    totals = {
        "requested": format_amount(sum(r["application"].requested_total for r in rows)),
        "proposed": format_amount(sum(r["item"].proposed_total for r in rows)),
    }
    return rows, totals


def render_agenda(meeting, language=None):
    language = _language(language or translation.get_language())
    with translation.override(language):
        rows, totals = agenda_rows(meeting)
        html = render_to_string("funding/committee/pdf/agenda.html", {
            "meeting": meeting, "rows": rows, "totals": totals, "lang": language,
            "rtl": translation.get_language_bidi()})
    return html_to_pdf(html)


def render_letter(application):
    """The decision letter, in the application's language (whatever language the page is in)."""
    language = _language(application.language)
    item = AgendaItem.objects.filter(application=application).select_related("meeting").first()
    decided = application.transitions.filter(to_status__in=workflow.DECIDED).order_by("-at", "-pk").first()
    with translation.override(language):
        html = render_to_string("funding/committee/pdf/letter.html", {
            "application": application, "fund": application.fund.localized, "lang": language,
            "rtl": translation.get_language_bidi(), "applicant": application.answers("applicant"),
            "item": item if item is not None and item.is_decided else None,
            "approved": application.status == workflow.APPROVED,
            "granted": _per_year(application.granted), "granted_total": format_amount(application.granted_total),
            "requested_total": format_amount(application.requested_total),
            "decided": decided,
        })
    return html_to_pdf(html)
