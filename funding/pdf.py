"""The application as a PDF (xhtml2pdf), in the application's language; Arabic is shaped and
right-to-left with DejaVu Sans (see TESTING.md, "Arabic PDFs")."""
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from xhtml2pdf import pisa

from funding.budget import format_amount
from funding.forms import STEP_TITLES
from funding.signatures import display as signature_display
from portal.bidi import marks_for_pdf

FONT_DIR = Path(settings.BASE_DIR) / "portal" / "static" / "lotsa" / "fonts"
FONTS = {"font/regular": FONT_DIR / "DejaVuSans.ttf", "font/bold": FONT_DIR / "DejaVuSans-Bold.ttf"}

# The answers printed, step by step (field name, label) — labels come from the forms.
SECTION_FIELDS = ["project", "effects", "method", "equality"]


def _link_callback(uri, rel):
    if uri in FONTS:
        return str(FONTS[uri])
    return uri


def _shown(field, value):
    """A choice answer by its label(s) ("Barn och unga, Tidigt stöd"), a text answer as typed."""
    from django import forms

    if isinstance(field, forms.MultipleChoiceField):
        labels = dict(field.choices)
        values = value if isinstance(value, list) else ([value] if value else [])
        from portal.punctuation import join_list

        return join_list(labels.get(v, v) for v in values)  # "،" in an Arabic PDF
    return value


def answers(application):
    """[(section title, [(label, value), ...]), ...] of the long-text steps, translated."""
    from funding.forms import EffectsForm, EqualityForm, MethodForm, ProjectForm

    forms = {"project": ProjectForm, "effects": EffectsForm, "method": MethodForm, "equality": EqualityForm}
    out = []
    for step in SECTION_FIELDS:
        saved = application.answers(step)
        if not saved:
            continue
        form = forms[step]()
        items = [(str(field.label), _shown(field, saved.get(name, ""))) for name, field in form.fields.items()
                 if name not in ("title", "start", "end")]
        out.append((str(STEP_TITLES[step]), items))
    return out


def budget_rows(budget):
    from funding.budget import COST_LINES, INCOME_LINES

    names = dict(COST_LINES) | dict(INCOME_LINES)

    def rows(lines):
        return [{"name": line.name or str(names.get(line.key, line.key)),
                 "amounts": [format_amount(a) for a in line.amounts], "total": format_amount(line.total)}
                for line in lines]

    return {
        "years": budget.years,
        "costs": rows(budget.costs), "income": rows(budget.income),
        "cost_per_year": [format_amount(a) for a in budget.cost_per_year()],
        "income_per_year": [format_amount(a) for a in budget.income_per_year()],
        "cost_total": format_amount(budget.cost_total), "income_total": format_amount(budget.income_total),
    }


def render_application(application, language=None):
    language = language or application.language or settings.LANGUAGE_CODE
    with translation.override(language):
        fund = application.fund.localized
        html = render_to_string("funding/pdf/application.html", {
            "application": application, "fund": fund, "lang": language,
            "rtl": translation.get_language_bidi(),
            "applicant": application.answers("applicant"), "project": application.answers("project"),
            "sections": answers(application), "budget": budget_rows(application.budget_obj()),
            "granted": {k: format_amount(v) for k, v in (application.granted or {}).items()},
            "granted_total": format_amount(application.granted_total),
            "attachments": list(application.attachments.all()),
            **signature_display.pdf_context(application),  # issue 13 item 2: who signed, when, where
        })
    return html_to_pdf(html)


def html_to_pdf(html):
    """Rendered HTML (a template extending pdf/base.html) as PDF bytes, with the bundled fonts and
    the <bdi> isolates turned into Unicode marks (every Lotsa PDF goes through here)."""
    out = BytesIO()
    result = pisa.CreatePDF(marks_for_pdf(html), dest=out, encoding="utf-8", link_callback=_link_callback)
    if result.err:
        raise RuntimeError("PDF rendering failed")
    return out.getvalue()
