"""The project lead's interim-report wizard: the final report's wizard (reports/final_wizard.py)
with its storage on the InterimReport row (a draft is saved at every step and resumes on another
device), its goals and economy steps and its language switch, "save and continue later" and
"previous step". Only the lead of the approved project reaches it (InterimReport.objects.for_lead);
a submitted or approved report is read-only."""
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from funding.interim import services
from funding.interim.forms import PROGRESS_LABELS, STEP_TITLES, STEPS
from funding.interim.models import InterimReport
from reports.final_wizard import (FinalReportWizard, application_goals, economy_context, economy_initial,
                                  goals_initial, threshold)


def own_report(request, pk, report):
    return get_object_or_404(InterimReport.objects.for_lead(request.user).select_related(
        "application", "application__fund", "application__user"), pk=report, application_id=pk)


def store_step(report, step, form):
    if step == "goals":
        report.goals = form.to_goals()
    elif step == "economy":
        report.economic_outcome = form.outcome_dict()
    elif step == "deviations":
        report.deviations = form.cleaned_data["deviations"]


def report_context(report):
    """What the check-your-answers step, the lead's page, the admin review and the PDF show."""
    app = report.application
    goals = [{**g, "assessment_label": PROGRESS_LABELS.get(g.get("assessment"), "")} for g in report.goals or []]
    return {"report": report, "application": app, "goals": goals, "threshold": threshold(app),
            **economy_context(services.lines(report), report.economic_outcome, threshold(app))}


class InterimReportWizard(FinalReportWizard):
    form_list = [(name, form) for name, form, _title in STEPS]
    step_titles = STEP_TITLES
    template_name = "funding/interim/wizard.html"
    storage_prefix = "interim_report"

    @classmethod
    def as_view(cls, **kwargs):
        return super(FinalReportWizard, cls).as_view(url_name="funding:interim:step", done_step_name="done-submit",
                                                     **kwargs)

    def get_step_url(self, step):
        return reverse(self.url_name, kwargs={"pk": self.application.pk, "report": self.report.pk, "step": step})

    def detail_url(self):
        return reverse("funding:interim:detail", kwargs={"pk": self.application.pk, "report": self.report.pk})

    def load_report(self, request, **kwargs):
        self.report = own_report(request, kwargs["pk"], kwargs["report"])
        self.application = self.report.application
        if not self.report.is_open():
            messages.info(request, _("The interim report opens on %(date)s, the last day of its period.") % {
                "date": self.report.opens.isoformat()})
            return redirect(self.detail_url())
        if not self.report.editable:
            if kwargs.get("step") != self.done_step_name:
                messages.info(request, _("The interim report has been submitted and can no longer be changed."))
            return redirect(self.detail_url())
        return None

    def get_form_kwargs(self, step=None):
        if step == "goals":
            return {"goals": application_goals(self.application)}
        if step == "economy":
            return {"lines": services.lines(self.report), "threshold": threshold(self.application)}
        return {}

    def get_form_initial(self, step):
        if step == "goals":
            return goals_initial(self.report.goals)
        if step == "economy":
            return economy_initial(self.report.economic_outcome, services.lines(self.report))
        if step == "deviations":
            return {"deviations": self.report.deviations}
        return {}

    def process_step(self, form):
        step = self.steps.current
        store_step(self.report, step, form)
        return self._own_data(step, form.data)

    def review_context(self):
        return report_context(self.report)

    def done(self, form_list, form_dict=None, **kwargs):
        for step, form in (form_dict or {}).items():
            store_step(self.report, step, form)
        self.report.save()
        if services.submit(self.report):
            messages.success(self.request, _("Thank you! Your interim report has been submitted to the fund "
                                             "managers."))
        return redirect(self.detail_url())
