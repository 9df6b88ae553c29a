"""The statistics page (cases.view_statistics: Coordinators, Managers, Administrators): for a
period, the case tables with their charts, the check-out survey beside them, the school's key
figures and the benefit-realisation calculation; CSV/XLSX export; "Make a report"
(cases.make_report). Views parse the period and call the modules that compute."""
import io
from datetime import date

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forms.cases import benefit, charts, key_figures, statistics, survey_summary
from forms.cases.admin_views import audit
from forms.cases.models import BenefitInputs
from forms.models import AuditEvent
from portal.exports import csv_writer, safe_row
from forms.surveys.results import MIN_ANSWERS


def _forbidden(request):
    return TemplateResponse(request, "cases/admin/403.html", {}, status=403)


def _date(value):
    try:
        return date.fromisoformat(value or "")
    except ValueError:
        return None


def period(params):
    """(first, last, error) from ?from=YYYY-MM-DD&to=YYYY-MM-DD; this year so far by default."""
    today = timezone.localdate()
    first, last = _date(params.get("from")), _date(params.get("to"))
    error = ""
    if (params.get("from") and first is None) or (params.get("to") and last is None):
        error = _("Enter the dates as YYYY-MM-DD.")
    first, last = first or date(today.year, 1, 1), last or today
    if last < first:
        error = _("The end of the period cannot be before its start.")
        first, last = last, first
    return first, last, error


def context_for(first, last):
    stats = statistics.compute(first, last)
    for table in [stats.summary, *stats.tables]:
        table.chart = charts.bars(table.rows)
    survey, questions = survey_summary.summarise(first, last)
    inputs = BenefitInputs.objects.filter(period_start__gte=first, period_end__lte=last).order_by("period_start")
    return {
        "stats": stats, "first": first, "last": last, "survey": survey, "questions": questions,
        "concerns": key_figures.concern_table(first, last),
        "calculations": [benefit.calculate(i) for i in inputs], "min_n": MIN_ANSWERS,
    }


def statistics_view(request):
    if not request.user.has_perm("cases.view_statistics"):
        return _forbidden(request)
    first, last, error = period(request.GET)
    context = context_for(first, last)
    audit(request.user, AuditEvent.Action.VIEW, [], f"statistics {first}–{last}")
    context.update({"error": error, "query": f"from={first.isoformat()}&to={last.isoformat()}",
                    "may_report": request.user.has_perm("cases.make_report"),
                    "may_enter": request.user.has_perm("cases.add_benefitinputs")})
    return TemplateResponse(request, "cases/admin/statistics.html", context)


def export_rows(first, last):
    """The rows of the CSV/XLSX: [table, row, count]; a withheld count is the words 'not shown'."""
    stats = statistics.compute(first, last)
    rows = [[_("Table"), _("Row"), _("Cases")]]
    for table in [stats.summary, *stats.tables]:
        for r in table.rows:
            rows.append([str(table.title), str(r.label), r.n if r.shown else _("not shown")])
    return rows


def export_view(request):
    if not request.user.has_perm("cases.view_statistics"):
        return _forbidden(request)
    first, last, _error = period(request.GET)
    fmt = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    rows = export_rows(first, last)
    audit(request.user, AuditEvent.Action.EXPORT, [], f"statistics {fmt} {first}–{last}")
    name = f"case-statistics-{first.isoformat()}-{last.isoformat()}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")
        csv_writer(response).writerows(rows)
    else:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = _("Cases")[:31]
        for row in rows:
            sheet.append(safe_row(row))
        out = io.BytesIO()
        book.save(out)
        response = HttpResponse(out.getvalue(),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
def report_view(request):
    from forms.cases.report import make_report

    if not request.user.has_perm("cases.make_report"):
        return _forbidden(request)
    first, last, error = period(request.POST)
    if error:
        messages.error(request, error)
        return redirect(reverse("cases_statistics"))
    page = make_report(first, last, request.user)
    audit(request.user, AuditEvent.Action.EXPORT, [], f"report draft {first}–{last}")
    if page is None:
        messages.error(request, _("There is no knowledge bank to put the report in."))
    else:
        messages.success(request, _("The draft report “%(title)s” was created and sent to moderation.") % {"title": page.title})
    return redirect(reverse("cases_statistics") + f"?from={first.isoformat()}&to={last.isoformat()}")
