"""Survey results in the Wagtail admin (Coordinators and Fund managers): charts, the same
numbers in tables, and CSV export, by calendar month, quarter or year. Only aggregates; figures
under 5 answers, and totals that would give them away, are withheld (forms.surveys.results)."""
from datetime import date

from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.exports import csv_writer

from forms.params import positive_int
from forms.surveys import charts
from forms.surveys.models import SurveyPage
from forms.surveys.results import MIN_ANSWERS, PERIODS, answer_years, comments, compute, month_ended


def _selection(request):
    """The survey, the kind of period (month, quarter or year: fixed calendar periods, never a
    free range of dates) and the calendar year. Unknown values fall back to the defaults."""
    surveys = list(SurveyPage.objects.filter(locale__language_code="sv").order_by("pk")) or list(SurveyPage.objects.order_by("pk"))
    chosen = next((s for s in surveys if str(s.pk) == request.GET.get("survey")), surveys[0] if surveys else None)
    today = timezone.localdate()
    period = request.GET.get("period") if request.GET.get("period") in PERIODS else "month"
    years = answer_years(chosen, today) if chosen else [today.year]
    # by default the latest year with an ended month (in January: last year)
    default = today.year if month_ended(today.year, 1, today) or today.year - 1 not in years else today.year - 1
    year = positive_int(request.GET.get("year"), maximum=9999)
    if year not in years:
        year = default
    return surveys, chosen, period, year, years, today


def _comment_span(period, year, years, today):
    if period == "year":
        return date(years[0], 1, 1), today
    return date(year, 1, 1), min(date(year, 12, 31), today)


@permission_required("surveys.view_results", raise_exception=True)
def results(request):
    surveys, survey, period, year, years, today = _selection(request)
    questions = compute(survey, period, year, today) if survey else []
    for q in questions:
        q.bar = charts.stacked_bar(q.total, q.target) if q.total is not None else None
        q.month_chart = charts.month_bars(q.months, q.target)
    may_read = request.user.has_perm("surveys.view_response")
    return render(request, "surveys/admin/results.html", {
        "surveys": surveys, "survey": survey, "questions": questions, "period": period, "year": year,
        "years": years, "periods": [("month", _("Months")), ("quarter", _("Quarters")), ("year", _("Years"))],
        "min_answers": MIN_ANSWERS, "query": request.GET.urlencode(),
        # free text may say who wrote it: only those who follow up on answers read it
        "show_comments": may_read,
        "comments": comments(survey, *_comment_span(period, year, years, today)) if survey and may_read else None,
    })


@permission_required("surveys.view_results", raise_exception=True)
def export(request):
    surveys, survey, period, year, years, today = _selection(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"{years[0]}-{years[-1]}" if period == "year" else f"{year}-{period}"
    response["Content-Disposition"] = f'attachment; filename="survey-results-{name}.csv"'
    response.write("\ufeff")
    writer = csv_writer(response)  # question texts are typed in the admin
    writer.writerow([_("Question"), _("Period"), _("Answers"), _("Satisfied (%)"), _("Less satisfied (%)"),
                     _("Dissatisfied (%)"), _("Target (%)")])
    for q in compute(survey, period, year, today) if survey else []:
        for cell in q.months + ([q.total] if q.total is not None else []):
            if cell.shown:
                writer.writerow([q.text, cell.label, cell.n, cell.green_share, cell.yellow_share, cell.red_share, q.target])
            elif cell.n == 0:
                writer.writerow([q.text, cell.label, 0, "", "", "", q.target])
            else:
                writer.writerow([q.text, cell.label, _("not shown"), "", "", "", q.target])
    return response


@permission_required("surveys.add_invitation", raise_exception=True)
def invitations(request):
    """Create one-time links to send after a case is closed. Shown once; only hashes are kept."""
    from forms.surveys.models import Invitation

    surveys = list(SurveyPage.objects.filter(locale__language_code="sv").order_by("pk"))
    links = []
    error = ""
    if request.method == "POST":
        survey = next((s for s in surveys if str(s.pk) == request.POST.get("survey")), None)
        try:
            count = int(request.POST.get("count", "1"))
        except ValueError:
            count = 0
        if survey is None or not 1 <= count <= 50:
            error = _("Choose a survey and a number from 1 to 50.")
        else:
            for _i in range(count):
                token = Invitation.create_token(survey)
                links.append(request.build_absolute_uri(survey.url) + "?t=" + token)
    return render(request, "surveys/admin/invitations.html", {"surveys": surveys, "links": links, "error": error})
