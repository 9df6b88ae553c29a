"""Final reports of funded projects: the economic report, benefit realisation, reminders and the
fund manager's decision. Domain logic only (no HTTP), so it is tested directly."""
import datetime
import json
import logging
import re
import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from funding.budget import format_amount

from reports.models import FinalReport, FinalReportReminder, KnowledgeBankIndexPage, ReportPage, ReportTopic

logger = logging.getLogger("lotsa")

DEFAULT_EXPLANATION_THRESHOLD = Decimal("10")  # per cent; a fund may set its own
REMINDERS = [("30_days", -30), ("7_days", -7), ("overdue", 1)]  # (kind, days relative to the due date)


# --- Economic report ----------------------------------------------------------------------

@dataclass
class EconomicRow:
    line: str
    year: str
    budget: int
    outcome: int | None
    explanation: str = ""

    @property
    def deviation(self):
        return None if self.outcome is None else self.outcome - self.budget

    @property
    def deviation_percent(self):
        if self.outcome is None or not self.budget:
            return None
        return (Decimal(self.deviation) * 100 / Decimal(self.budget)).quantize(Decimal("0.1"), ROUND_HALF_UP)

    def needs_explanation(self, threshold=DEFAULT_EXPLANATION_THRESHOLD):
        pct = self.deviation_percent
        if pct is None:
            return bool(self.outcome) and not self.budget
        return abs(pct) > threshold


def granted_lines(application):
    """The granted budget's cost lines per year [(line, year, amount)], pre-filled in the economic report."""
    budget = application.budget_obj()
    return [(line.name or line.key, year, int(amount)) for line in budget.costs for year, amount in zip(budget.years, line.amounts)]


def economic_report(lines, outcome, threshold=DEFAULT_EXPLANATION_THRESHOLD):
    """`lines` [(line, year, budget)], `outcome` {"line|year": {"outcome": n, "explanation": s}}.
    Returns (rows, errors): an explanation is required where the deviation exceeds the threshold."""
    rows, errors = [], []
    for line, year, budget in lines:
        entry = outcome.get(f"{line}|{year}") or {}
        value = entry.get("outcome")
        row = EconomicRow(line, year, int(budget), None if value in (None, "") else int(Decimal(str(value))),
                          (entry.get("explanation") or "").strip())
        if row.needs_explanation(threshold) and not row.explanation:
            errors.append(_("%(line)s %(year)s: explain the deviation of %(pct)s %%.") % {
                "line": line, "year": year, "pct": row.deviation_percent})
        rows.append(row)
    return rows, errors


# --- Benefit realisation --------------------------------------------------------------------

@dataclass
class BenefitRealisation:
    service_cost: int        # cost of the service for the period
    cases: int               # cases in the period
    alternative_cost: int    # cost of the alternative avoided (e.g. an investigation)
    avoided: int             # number of alternatives avoided
    round_to: int = 100      # the source rounds the cost per case down to hundreds

    @property
    def cost_per_case(self):
        if not self.cases:
            return None
        exact = Decimal(self.service_cost) / Decimal(self.cases)
        return int(exact // self.round_to * self.round_to) if self.round_to else int(exact)

    @property
    def saving_per_avoided(self):
        return None if self.cost_per_case is None else self.alternative_cost - self.cost_per_case

    @property
    def savings(self):
        return None if self.saving_per_avoided is None else self.saving_per_avoided * self.avoided


# --- Reminders -----------------------------------------------------------------------------

def reminders_due(today=None):
    """(application, kind) pairs whose reminder is due today or earlier and not yet sent."""
    from funding.models import Application
    from funding.workflow import APPROVED

    today = today or timezone.localdate()
    pending = []
    apps = (Application.objects.filter(status=APPROVED, report_due__isnull=False)
            .exclude(final_report__status__in=[FinalReport.Status.SUBMITTED, FinalReport.Status.APPROVED])
            .select_related("user"))
    sent = set(FinalReportReminder.objects.filter(application__in=apps).values_list("application_id", "kind", "due"))
    for app in apps:
        kind = due_reminder(app.report_due, today, {k for a, k, d in sent if a == app.pk and d == app.report_due})
        if kind:
            pending.append((app, kind))
    return pending


def due_reminder(due, today, already_sent, reminders=REMINDERS):
    """The kind of reminder to send today for a report due `due`, or None. Only the latest one that
    applies: no burst of three on the first run. (Also the interim reports', funding/interim.)"""
    latest = None
    for kind, offset in reminders:
        if due + datetime.timedelta(days=offset) <= today and kind not in already_sent:
            latest = kind
    return latest


def claim_reminder(application, kind, due):
    """True once per (application, kind, due): the unique row makes the reminder go out once even
    when the job runs on several servers or twice in a day."""
    try:
        with transaction.atomic():
            FinalReportReminder.objects.create(application=application, kind=kind, due=due)
    except IntegrityError:
        return False  # another worker sent it
    return True


def send_reminders(today=None):
    """Send each due reminder once (safe to run on several servers: a unique row claims it)."""
    count = 0
    for app, kind in reminders_due(today):
        if not claim_reminder(app, kind, app.report_due):
            continue
        with translation.override(app.language or settings.LANGUAGE_CODE):
            subject = _("Final report due %(date)s") % {"date": app.report_due.isoformat()}
            body = _("The final report of your project %(reference)s is due on %(date)s. "
                     "Log in to Lotsa to write it.") % {"reference": app.reference, "date": app.report_due.isoformat()}
        send_mail(subject, body, None, [app.user.email])
        count += 1
    return count


# --- Decision ------------------------------------------------------------------------------

def submit(report):
    report.status = FinalReport.Status.SUBMITTED
    report.submitted_at = timezone.now()
    report.save(update_fields=["status", "submitted_at"])


def return_with_comments(report, comment):
    report.status = FinalReport.Status.RETURNED
    report.review_comment = comment
    report.decided_at = timezone.now()
    report.save(update_fields=["status", "review_comment", "decided_at"])


def approve(report, user=None):
    """Approve the report and create a DRAFT knowledge-bank page from it (not published: a
    communicator publishes it through the moderation workflow)."""
    with transaction.atomic():
        report.status = FinalReport.Status.APPROVED
        report.decided_at = timezone.now()
        if report.knowledge_bank_page is None:
            report.knowledge_bank_page = draft_knowledge_bank_page(report, user)
        report.save(update_fields=["status", "decided_at", "knowledge_bank_page"])
    return report.knowledge_bank_page


def _text_html(text):
    """A project lead's plain text as rich-text HTML: escaped, blank lines make paragraphs and single
    newlines line breaks. Nothing the lead typed is ever inserted as markup (issue 11)."""
    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    # <br/> as Wagtail stores rich text (its editor refuses an unclosed <br>)
    return "".join("<p>" + "<br/>".join(escape(line) for line in p.split("\n")) + "</p>" for p in paragraphs)


def _plain(value, max_length):
    """A text block value (CharBlock: escaped when rendered), cut to the block's max_length so the
    moderator can publish the draft without editing it first."""
    return str(value or "").strip()[:max_length]


def _number(value):
    """A key figure for the DecimalBlock (two decimals), or None for an empty or non-numeric cell."""
    try:
        number = Decimal(str(value).replace(",", ".").replace(" ", "")) if value not in (None, "") else None
    except (ArithmeticError, ValueError):
        return None
    if number is None or not number.is_finite():
        return None
    return str(number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) if number.as_tuple().exponent < -2 else number)


ASSESSMENTS = {"achieved", "partly", "not_achieved"}


def _body(report):
    blocks = []

    def add(kind, value):
        blocks.append({"type": kind, "value": value, "id": str(uuid.uuid4())})

    def items(values, block=lambda v: v):
        return [{"type": "item", "value": block(v), "id": str(uuid.uuid4())} for v in values]

    if report.what_was_done and report.what_was_done.strip():
        add("heading", {"text": _("What was done"), "level": "h2"})
        add("paragraph", _text_html(report.what_was_done))
    for goal in report.goals or []:
        assessment = goal.get("assessment")
        add("goal", {"goal": _plain(goal.get("goal"), 400),
                     "assessment": assessment if assessment in ASSESSMENTS else "partly",
                     "analysis": _text_html(goal.get("analysis"))})

    def text_table(caption, header, rows):
        add("table", {"caption": _plain(caption, 250), "header": items([_plain(h, 120) for h in header]),
                      "rows": items(rows, lambda row: items([_plain(c, 250) for c in row])),
                      "first_column_is_header": True})

    context = _report_context(report)
    targets = [t for t in context["effect_targets"] if str(t.get("label") or "").strip()]
    if targets:
        add("heading", {"text": _("Effect targets"), "level": "h2"})
        text_table(_("Effect targets"), [_("Effect target"), _("Target value"), _("Outcome"), _("Unit")],
                   [[t.get("label"), _figure(t.get("target")), _figure(t.get("outcome")), t.get("unit")]
                    for t in targets])
    if report.key_figures:
        add("heading", {"text": _("Key figures"), "level": "h2"})
    for table in report.key_figures or []:
        columns = [_plain(c, 60) for c in table.get("columns", [])]
        add("key_figures", {
            "caption": _plain(table.get("caption"), 250), "unit": _plain(table.get("unit"), 60), "chart": "bar",
            "note": "", "columns": items(columns),
            "rows": items(table.get("rows", []), lambda r: {
                "label": _plain(r.get("label"), 250), "values": items(map(_number, r.get("values", [])))}),
        })
    if context["economy"]:
        add("heading", {"text": _("Economic report"), "level": "h2"})
        chart = context["chart"]
        add("key_figures", {
            "caption": _("Budget and outcome per year"), "unit": "kr", "chart": "bar", "note": "",
            "columns": items([_plain(y["year"], 60) for y in chart]),
            "rows": items([(_("Budget"), "budget"), (_("Outcome"), "outcome")], lambda r: {
                "label": str(r[0]), "values": items([_number(y[r[1]]) for y in chart])}),
        })
        text_table(_("Economic report (kr)"),
                   [_("Budget line"), _("Year"), _("Budget"), _("Outcome"), _("Deviation (kr)"), _("Deviation (%%)") % {},  # the template's msgid
                    _("Explanation")],
                   [[r["line"], r["year"], format_amount(r["budget"]),
                     "" if r["outcome"] is None else format_amount(r["outcome"]),
                     "" if r["deviation"] is None else format_amount(r["deviation"]),
                     "" if r["pct"] is None else str(r["pct"]).replace(".", ","), r["explanation"]]
                    for r in context["economy"]]
                   + [[_("Total"), "", format_amount(context["budget_total"]), format_amount(context["outcome_total"]),
                       format_amount(context["deviation_total"]), "", ""]])
    benefit = context["benefit"]
    if benefit is not None:
        alternative = context["alternative"]
        add("heading", {"text": _("Benefit realisation"), "level": "h2"})
        text_table(_("Benefit realisation"), [_("Benefit realisation"), _("Value")], [
            [_("Cost of the service for the period"), f"{format_amount(benefit.service_cost)} kr"],
            [_("Number of cases"), format_amount(benefit.cases)],
            [_("Cost per case (rounded down to hundreds)"), _kr(benefit.cost_per_case)],
            [_("Cost of the alternative avoided") + (f" ({alternative})" if alternative else ""),
             f"{format_amount(benefit.alternative_cost)} kr"],
            [_("Saved per avoided case"), _kr(benefit.saving_per_avoided)],
            [_("Number avoided"), format_amount(benefit.avoided)],
            [_("Savings"), _kr(benefit.savings)],
        ])
    if report.lessons and report.lessons.strip():
        add("heading", {"text": _("Lessons learned"), "level": "h2"})
        add("paragraph", _text_html(report.lessons))
    if report.next_steps and report.next_steps.strip():
        add("heading", {"text": _("What happens next"), "level": "h2"})
        add("paragraph", _text_html(report.next_steps))
    return json.dumps(blocks)


def _report_context(report):
    from reports.final_wizard import report_context

    return report_context(report)


def _figure(value):
    """A target or outcome as the lead typed it ("73,3"), for a text table cell."""
    number = _number(value)
    return "" if number is None else number.replace(".", ",")


def _kr(value):
    return "–" if value is None else f"{format_amount(value)} kr"


def page_topics(application):
    """The fund's topics and the ones the application chose, in that order, each once (no
    topic is made up: a report about housing is not filed under early support)."""
    from reports.models import Topic

    chosen = application.answers("project").get("topics") or []
    chosen = [chosen] if isinstance(chosen, str) else list(chosen)
    valid = set(Topic.values)
    topics = []
    for topic in list(getattr(application.fund, "topics", None) or []) + chosen:
        if topic in valid and topic not in topics:
            topics.append(topic)
    return topics


def draft_knowledge_bank_page(report, user=None):
    from wagtail.models import Locale

    app = report.application
    locale = Locale.objects.filter(language_code=app.language or "sv").first() or Locale.get_default()
    index = (KnowledgeBankIndexPage.objects.filter(locale=locale).first()
             or KnowledgeBankIndexPage.objects.filter(locale=Locale.get_default()).first())
    if index is None:
        return None
    with translation.override(index.locale.language_code):
        title = app.title or str(app)
        page = ReportPage(
            title=title, slug=f"slutrapport-{app.pk}", summary=report.summary or title, live=False,
            organisation=app.organisation or "", fund=app.fund.title, project=title,
            period_start=app.project_start, period_end=app.project_end, publication_date=timezone.localdate(),
            report_type="final", language=index.locale.language_code, body=_body(report), owner=user,
        )
        for topic in page_topics(app):
            page.topics.add(ReportTopic(topic=topic))
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
    return page
