"""Survey results in the Wagtail admin (Coordinators and Fund managers): charts, the same
numbers in tables, and CSV export. Only aggregates; figures under 5 answers are withheld."""
from datetime import date, timedelta

from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.exports import csv_writer

from forms.surveys import charts
from forms.surveys.models import SurveyPage
from forms.surveys.results import MIN_ANSWERS, comments, compute


def _month(value, default):
    try:
        y, m = value.split("-")
        return date(int(y), int(m), 1)
    except (AttributeError, ValueError):
        return default


def _selection(request):
    surveys = list(SurveyPage.objects.filter(locale__language_code="sv").order_by("pk")) or list(SurveyPage.objects.order_by("pk"))
    chosen = next((s for s in surveys if str(s.pk) == request.GET.get("survey")), surveys[0] if surveys else None)
    today = timezone.localdate()
    last_month = today.replace(day=1)
    first_month = (last_month - timedelta(days=335)).replace(day=1)
    first = _month(request.GET.get("from"), first_month)
    last = _month(request.GET.get("to"), last_month)
    if last < first:
        first, last = last, first
    last_day = (last.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return surveys, chosen, first, last, last_day


@permission_required("surveys.view_results", raise_exception=True)
def results(request):
    surveys, survey, first, last, last_day = _selection(request)
    questions = compute(survey, first, last_day) if survey else []
    for q in questions:
        q.bar = charts.stacked_bar(q.total, q.target)
        q.month_chart = charts.month_bars(q.months, q.target)
    return render(request, "surveys/admin/results.html", {
        "surveys": surveys, "survey": survey, "questions": questions, "first": first, "last": last,
        "min_answers": MIN_ANSWERS, "query": request.GET.urlencode(),
        # free text may say who wrote it: only those who follow up on answers read it
        "show_comments": request.user.has_perm("surveys.view_response"),
        "comments": comments(survey, first, last_day) if survey and request.user.has_perm("surveys.view_response") else None,
    })


@permission_required("surveys.view_results", raise_exception=True)
def export(request):
    surveys, survey, first, last, last_day = _selection(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="survey-results-{first:%Y-%m}-{last:%Y-%m}.csv"'
    response.write("\ufeff")
    writer = csv_writer(response)  # question texts are typed in the admin
    writer.writerow([_("Question"), _("Period"), _("Answers"), _("Satisfied (%)"), _("Less satisfied (%)"),
                     _("Dissatisfied (%)"), _("Target (%)")])
    for q in compute(survey, first, last_day) if survey else []:
        for cell in [q.total] + q.months:
            label = f"{first:%Y-%m}–{last:%Y-%m}" if cell is q.total else cell.label
            if cell.shown:
                writer.writerow([q.text, label, cell.n, cell.green_share, cell.yellow_share, cell.red_share, q.target])
            else:
                writer.writerow([q.text, label, f"<{MIN_ANSWERS}", "", "", "", q.target])
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
