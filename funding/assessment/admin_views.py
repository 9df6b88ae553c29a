"""The assessment's admin views: the reviewer's "My assessments" and assessment page, and the fund
manager's assign form (posted from the application's inspect page). Views parse the request and
call services.py; who sees what is Assessment.objects.visible_to()."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from funding.assessment import services
from funding.assessment.forms import AssessmentForm, AssignForm, ConflictForm
from funding.assessment.models import Assessment
from funding.budget import format_amount
from funding.models import Application


def my_assessments(request):
    """The applications assigned to the logged-in reviewer (nobody else's)."""
    assessments = (Assessment.objects.visible_to(request.user).filter(reviewer=request.user)
                   .select_related("application__fund").order_by("status", "-assigned_at"))
    return TemplateResponse(request, "funding/assessment/my_assessments.html", {
        "assessments": assessments, "page_title": _("My assessments")})


def application_for_reviewer(application):
    """What a reviewer reads: the project, its texts and budget; no contact details, giro or cost centre."""
    from funding.pdf import answers, budget_rows

    return {
        "title": application.title, "reference": application.reference, "fund": application.fund.title,
        "organisation": application.organisation, "start": application.project_start,
        "end": application.project_end, "requested_total": format_amount(application.requested_total),
        "requested": [(year, format_amount(a)) for year, a in application.requested_per_year().items()],
        "sections": answers(application), "budget": budget_rows(application.budget_obj()),
    }


def assess(request, pk):
    assessment = get_object_or_404(
        Assessment.objects.visible_to(request.user).filter(reviewer=request.user).select_related("application__fund"),
        pk=pk)
    app = assessment.application
    criteria = list(app.fund.assessment_criteria.all())
    form = conflict_form = None
    if request.method == "POST" and "conflict" in request.POST:
        conflict_form = ConflictForm(request.POST)
        if conflict_form.is_valid():
            try:
                services.declare_conflict(assessment)
            except services.Closed:
                messages.error(request, _("The application has been decided; nothing was changed."))
                return redirect(request.path)
            messages.success(request, _("You declared a conflict of interest and were removed from the assessment of "
                                        "application %(reference)s. The fund managers can see this.") % {
                "reference": app.reference})
            return redirect("funding_assessments")
    elif request.method == "POST":
        submit = "submit" in request.POST
        form = AssessmentForm(request.POST, assessment=assessment, criteria=criteria, submit=submit)
        if form.is_valid():
            try:
                services.save(assessment, version=form.cleaned_data["version"], scores=form.scores(),
                              recommendation=form.cleaned_data["recommendation"],
                              lower_amount=form.cleaned_data["lower_amount"], comment=form.cleaned_data["comment"],
                              submit=submit)
            except services.Stale as stale:
                form = stale_form(request, stale.current, criteria, submit)
            except services.Closed:
                messages.error(request, _("This assessment can no longer be changed; nothing was saved."))
                return redirect(request.path)
            else:
                messages.success(request, _("Your assessment was submitted. You can now read the other reviewers' "
                                            "assessments.") if submit else _("Your assessment was saved. Submit it "
                                                                             "when it is complete."))
                return redirect(request.path)
    assessment.refresh_from_db()
    editable = assessment.status == Assessment.Status.ASSIGNED and services.is_open(app)
    if form is None and editable:
        form = AssessmentForm(assessment=assessment, criteria=criteria)
    visible = Assessment.objects.visible_to(request.user).filter(application=app).select_related(
        "reviewer").prefetch_related("scores")
    return TemplateResponse(request, "funding/assessment/assess.html", {
        "assessment": assessment, "application": application_for_reviewer(app), "form": form if editable else None,
        "conflict_form": conflict_form or ConflictForm(),
        "may_declare_conflict": services.is_open(app),
        "summary": services.summary(app, visible) if assessment.is_submitted else None,
        "page_title": _("Assessment of %(reference)s") % {"reference": app.reference},
    })


def stale_form(request, current, criteria, submit):
    """Saved elsewhere since the page was opened: nothing saved, the typed answers kept, with the
    new version so that saving again is a deliberate choice."""
    data = request.POST.copy()
    data["version"] = str(current.version)
    form = AssessmentForm(data, assessment=current, criteria=criteria, submit=submit)
    form.is_valid()
    form.add_error(None, _("This assessment was saved in another window or by someone else after you opened it. "
                           "Nothing was saved. Your answers are kept below: compare, then save again."))
    messages.error(request, _("Nothing was saved: the assessment was changed meanwhile."))
    return form


@require_POST
def assign(request, application_pk):
    """A fund manager assigns reviewers (or takes back an assignment not yet submitted)."""
    if not request.user.has_perm("funding.review_application"):
        raise PermissionDenied
    app = get_object_or_404(Application.objects.for_reviewers(), pk=application_pk)
    back = reverse("funding_applications:inspect", args=[app.pk]) + "#assessment"
    if request.POST.get("remove"):
        assessment = get_object_or_404(Assessment.objects.visible_to(request.user).filter(application=app),
                                       pk=request.POST["remove"] if request.POST["remove"].isdigit() else 0)
        try:
            services.unassign(assessment)
        except services.Closed:
            messages.error(request, _("A submitted assessment cannot be taken back."))
        else:
            messages.success(request, _("%(name)s no longer assesses this application.") % {
                "name": assessment.reviewer_name})
        return redirect(back)
    form = AssignForm(request.POST, candidates=services.candidates(app))
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("reviewers", [])) or _("Choose at least one reviewer."))
        return redirect(back)
    try:
        created = services.assign(app, form.cleaned_data["reviewers"], request.user)
    except services.Closed:
        messages.error(request, _("Reviewers can only be assigned before the decision."))
        return redirect(back)
    messages.success(request, _("Assigned: %(names)s. They got an e-mail with a link.") % {
        "names": ", ".join(a.reviewer_name for a in created)})
    return redirect(back)


def inspect_context(application, request):
    """What the fund manager's inspect page shows of the assessment (see admin_section.html)."""
    user = request.user
    if not user.has_perm("funding.review_application"):
        return {}
    visible = list(Assessment.objects.visible_to(user).filter(application=application)
                   .select_related("reviewer").prefetch_related("scores"))
    withdrawn = (Assessment.objects.filter(application=application, status=Assessment.Status.CONFLICT)
                 .select_related("reviewer"))
    candidates = services.candidates(application)
    return {"assessment_section": {
        "summary": services.summary(application, visible),
        "pending": [a for a in visible if a.status == Assessment.Status.ASSIGNED],
        "withdrawn": list(withdrawn),
        "assign_form": AssignForm(candidates=candidates) if services.is_open(application) and candidates.exists()
        else None,
        "open": services.is_open(application),
    }}
