""""Make a report": a period's case statistics, the check-out survey's results, the school's key
figures and the benefit-realisation calculation as a DRAFT knowledge-bank report, sent into the
moderation workflow like every page (a moderator publishes it). Text goes through the final
reports' escaping (reports.final_reports: `_plain`, `_text_html`, `_number`); nothing is
inserted as markup. Withheld figures stay withheld: their cells are empty."""
import json
import uuid

from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _, ngettext
from wagtail.models import Locale

from forms.cases import benefit, key_figures, statistics, survey_summary
from forms.cases.models import BenefitInputs
from forms.surveys.results import MIN_ANSWERS
from reports.final_reports import _number, _plain, _text_html
from reports.models import KnowledgeBankIndexPage, ReportPage, ReportTopic, ReportType


def _n(value):
    return number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)


def withheld_note(n):
    return " ".join([
        ngettext("Empty cell: %(n)s figure in this table is not shown.",
                 "Empty cells: %(n)s figures in this table are not shown.", n) % {"n": n},
        _("A figure under %(min)s is withheld to protect the people behind it, and so is the smallest other figure "
          "from which it could be worked out with the total.") % {"min": MIN_ANSWERS}])


def method_text(calc):
    """The calculation written out, as plain text (one paragraph per step)."""
    i = calc.inputs
    lines = [
        _("Cost per case: the service cost %(cost)s SEK in %(first)s – %(last)s, divided by the %(cases)s cases "
          "handled in the period, is %(exact)s SEK; rounded down to whole hundreds: %(per_case)s SEK.") % {
            "cost": _n(i.service_cost), "first": i.period_start.isoformat(), "last": i.period_end.isoformat(),
            "cases": calc.cases, "exact": number_format(calc.exact_cost_per_case, 2, use_l10n=True, force_grouping=True),
            "per_case": _n(calc.cost_per_case)} if calc.cost_per_case is not None else
        _("No cases were handled in the period: there is no cost per case."),
    ]
    if int(i.round_to) != 100:
        lines[0] = lines[0].replace(_("rounded down to whole hundreds"), _("rounded down to a multiple of %(n)s SEK") % {"n": i.round_to})
    if calc.saving_per_avoided is not None:
        lines.append(_("Saving per avoided investigation: the average cost of a child investigation, %(inv)s SEK, "
                       "minus the cost per case: %(saving)s SEK.") % {
            "inv": _n(i.investigation_cost), "saving": _n(calc.saving_per_avoided)})
        if calc.school_shown:
            lines.append(_("Total saving: %(school)s cases came from a school; assuming that a share of %(share)s "
                           "of them would have led to an investigation, %(school)s × %(share)s × %(saving)s SEK = "
                           "%(total)s SEK.") % {
                "school": calc.school_cases, "share": number_format(i.investigation_share.normalize(), use_l10n=True),
                "saving": _n(calc.saving_per_avoided), "total": _n(calc.savings)})
        else:
            lines.append(_("Fewer than 5 cases came from a school: the total saving is not shown."))
    return "\n\n".join(lines)


def _blocks(first, last):
    blocks = []

    def add(kind, value):
        blocks.append({"type": kind, "value": value, "id": str(uuid.uuid4())})

    def items(values, block=lambda v: v):
        return [{"type": "item", "value": block(v), "id": str(uuid.uuid4())} for v in values]

    def figures(caption, columns, rows, unit="", note=""):
        add("key_figures", {"caption": _plain(caption, 250), "unit": _plain(unit, 60), "chart": "bar",
                            "note": _plain(note, 400), "columns": items([_plain(c, 60) for c in columns]),
                            "rows": items(rows, lambda r: {"label": _plain(r[0], 250),
                                                           "values": items([_number(v) for v in r[1]])})})

    stats = statistics.compute(first, last)
    period_label = f"{first.isoformat()} – {last.isoformat()}"
    add("heading", {"text": _("Cases"), "level": "h2"})
    add("paragraph", _text_html(_(
        "The coordinators register every case. A case counts in the period in which it was closed. Figures "
        "under 5, and figures from which one could be worked out, are not shown (empty cells).")))
    for table in [stats.summary, *stats.tables]:
        # as under the statistics page's tables: why a cell is empty (e.g. the 3 applications at SOF)
        note = withheld_note(len(table.withheld)) if table.withheld else ""
        figures(table.title, [r.label for r in table.rows],
                [(period_label, [r.n if r.shown else None for r in table.rows])], unit=_("cases"), note=note)
    survey, questions = survey_summary.summarise(first, last)
    if questions and any(q.n for q in questions):
        add("heading", {"text": _("Check-out survey"), "level": "h2"})
        figures(_("Share satisfied per question, against the target"), [_("Satisfied (%)"), _("Target (%)")],
                [(q.text, [q.share, q.target]) for q in questions], unit="%",
                note=_("Answers: %(n)s.") % {"n": max(q.n for q in questions)})
    concerns = key_figures.concern_table(first, last)
    if concerns:
        add("heading", {"text": _("The school's reports of concern"), "level": "h2"})
        figures(_("Reports of concern from the school per month, by outcome"),
                [f"{m.month:%Y-%m}" for m in concerns.months] + [_("Total")],
                [(label, values + [total]) for label, values, total in concerns.rows]
                + [(_("Total"), concerns.column_totals + [concerns.total])], unit=_("reports"))
    for inputs in BenefitInputs.objects.filter(period_start__gte=first, period_end__lte=last).order_by("period_start"):
        calc = benefit.calculate(inputs)
        add("heading", {"text": _("Benefit realisation %(first)s – %(last)s") % {
            "first": inputs.period_start.isoformat(), "last": inputs.period_end.isoformat()}, "level": "h2"})
        add("paragraph", _text_html(method_text(calc)))
        figures(_("Benefit realisation"), [_("SEK")], [
            (_("Cost per case"), [calc.cost_per_case]), (_("Saving per avoided investigation"), [calc.saving_per_avoided]),
            (_("Total saving"), [calc.savings if calc.school_shown else None])], unit=_("SEK"))
    return json.dumps(blocks)


def make_report(first, last, user=None):
    """Create the draft, start its moderation workflow and return it (None without a knowledge bank)."""
    locale = Locale.get_default()
    index = KnowledgeBankIndexPage.objects.filter(locale=locale).first()
    if index is None:
        return None
    with translation.override(locale.language_code):
        title = _("Advice & Support: statistics and benefit realisation %(first)s – %(last)s") % {
            "first": first.isoformat(), "last": last.isoformat()}
        slug = base = f"rad-och-stod-{first.isoformat()}-{last.isoformat()}"
        n = 1
        while ReportPage.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        page = ReportPage(
            title=title, slug=slug, live=False, organisation=_("Advice & Support"),
            administration=_("Social services administration"),
            summary=_("The Advice & Support coordinators' case statistics, the check-out survey and the benefit "
                      "realisation for %(first)s – %(last)s.") % {"first": first.isoformat(), "last": last.isoformat()},
            period_start=first, period_end=last, publication_date=timezone.localdate(),
            report_type=ReportType.EVALUATION, language=locale.language_code, body=_blocks(first, last), owner=user)
        page.topics.add(ReportTopic(topic="early-support"))
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user)
    return page
