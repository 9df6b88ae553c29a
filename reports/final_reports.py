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
        for kind, offset in REMINDERS:
            when = app.report_due + datetime.timedelta(days=offset)
            if when <= today and (app.pk, kind, app.report_due) not in sent:
                # Only the latest reminder that applies: no burst of three on the first run.
                pending = [(a, k) for a, k in pending if a.pk != app.pk]
                pending.append((app, kind))
    return pending


def send_reminders(today=None):
    """Send each due reminder once (safe to run on several servers: a unique row claims it)."""
    count = 0
    for app, kind in reminders_due(today):
        try:
            with transaction.atomic():
                FinalReportReminder.objects.create(application=app, kind=kind, due=app.report_due)
        except IntegrityError:
            continue  # another worker sent it
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
    for table in report.key_figures or []:
        columns = [_plain(c, 60) for c in table.get("columns", [])]
        add("key_figures", {
            "caption": _plain(table.get("caption"), 250), "unit": _plain(table.get("unit"), 60), "chart": "bar",
            "note": "", "columns": items(columns),
            "rows": items(table.get("rows", []), lambda r: {
                "label": _plain(r.get("label"), 250), "values": items(map(_number, r.get("values", [])))}),
        })
    if report.lessons and report.lessons.strip():
        add("heading", {"text": _("Lessons learned"), "level": "h2"})
        add("paragraph", _text_html(report.lessons))
    return json.dumps(blocks)


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
        page.topics.add(ReportTopic(topic="early-support"))
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
    return page
