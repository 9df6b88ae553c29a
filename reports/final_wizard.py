"""The project lead's final-report wizard: the same NamedUrlWizardView and database storage as the
application wizard (funding/wizard.py), keeping the step data on the FinalReport row, so the lead
can stop and continue on another device. Only the lead of an approved project reaches it; anyone
else gets 404 (ids cannot be probed)."""
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from formtools.wizard.views import NamedUrlWizardView, StepsHelper

from funding import workflow
from funding.wizard import ApplicationStorage
from home import language_links
from portal.required_messages import SayWhatToDoWizardMixin
from reports import final_reports as fr
from reports.final_forms import STEP_TITLES, STEPS, number_text
from reports.models import FinalReport, FinalReportAttachment

EDITABLE = {FinalReport.Status.DRAFT, FinalReport.Status.RETURNED}
GOAL_FIELDS = ["residents", "employees", "administration", "city"]


def own_project(request, pk):
    """The user's own approved application (a project), or 404."""
    from funding.models import Application

    return get_object_or_404(Application.objects.select_related("fund", "user"), pk=pk, user=request.user,
                             status=workflow.APPROVED)


def report_for(application):
    report, _created = FinalReport.objects.get_or_create(application=application)
    return report


def application_goals(application):
    """The goals the application set: its effect answers (residents, employees, …), else its purpose."""
    effects = application.answers("effects")
    goals = [str(effects[name]).strip() for name in GOAL_FIELDS if str(effects.get(name) or "").strip()]
    if not goals:
        purpose = str(application.answers("project").get("purpose") or "").strip()
        goals = [purpose or application.title or str(application)]
    return goals


def project_years(application):
    years = application.budget_obj().years
    if years and all(y.isdigit() for y in years):
        return years
    if application.project_start and application.project_end:
        return [str(y) for y in range(application.project_start.year, application.project_end.year + 1)]
    return years or []


def threshold(application):
    value = getattr(application.fund, "report_deviation_threshold", None)
    return fr.DEFAULT_EXPLANATION_THRESHOLD if value is None else value


class FinalReportStorage(ApplicationStorage):
    """The application wizard's storage, on `FinalReport.wizard`."""

    def __init__(self, prefix, request=None, file_storage=None, report=None):
        self.report = report
        super(ApplicationStorage, self).__init__(prefix, request, file_storage)
        stored = report.wizard or {}
        if stored:
            self.data = stored
            for key in (self.step_data_key, self.step_files_key, self.extra_data_key):
                self.data.setdefault(key, {})
        else:
            self.init_data()

    def save(self):
        self.report.wizard = self.data
        self.report.save()


def initial_from_report(step, report):
    """A step's initial values from the report's fields (a report made outside the wizard, e.g. the
    demo's, opens pre-filled)."""
    if step == "summary":
        return {"summary": report.summary}
    if step == "done":
        return {"what_was_done": report.what_was_done}
    if step == "goals":
        return goals_initial(report.goals)
    if step == "effects":
        out = {}
        for i, row in enumerate(report.effect_targets or []):
            out.update({f"r{i}_label": row.get("label", ""), f"r{i}_target": row.get("target", ""),
                        f"r{i}_outcome": row.get("outcome", ""), f"r{i}_unit": row.get("unit", "")})
        return out
    if step == "figures":
        out = {"tables": max(1, len(report.key_figures or []))}
        for t, table in enumerate(report.key_figures or []):
            out.update({f"t{t}_caption": table.get("caption", ""), f"t{t}_unit": table.get("unit", ""),
                        f"t{t}_rows": max(4, len(table.get("rows", [])))})
            for r, row in enumerate(table.get("rows", [])):
                out[f"t{t}_r{r}_label"] = row.get("label", "")
                for c, value in enumerate(row.get("values", [])):
                    out[f"t{t}_r{r}_c{c}"] = value
        return out
    if step == "economy":
        return economy_initial(report.economic_outcome, fr.granted_lines(report.application))
    if step == "benefit":
        return dict(report.benefit or {})
    if step == "lessons":
        return {"lessons": report.lessons, "next_steps": report.next_steps}
    return {}


def goals_initial(goals):
    """The goals step's initial values from stored goals (final and interim reports)."""
    out = {}
    for i, goal in enumerate(goals or [], start=1):
        out[f"g{i}_assessment"] = goal.get("assessment")
        out[f"g{i}_analysis"] = goal.get("analysis", "")
    return out


def economy_initial(outcome, lines):
    """The economy step's initial values from a stored {"line|year": {outcome, explanation}}."""
    out = {}
    outcome = outcome or {}
    for i, (line, year, _b) in enumerate(lines):
        entry = outcome.get(f"{line}|{year}") or {}
        if entry.get("outcome") not in (None, ""):
            out[f"o{i}"] = entry.get("outcome")
        out[f"e{i}"] = entry.get("explanation", "")
    return out


def store_step(report, step, form):
    """Copy a valid step's answers to the report's fields (what the PDF and the review read)."""
    if step == "summary":
        report.summary = form.cleaned_data["summary"]
    elif step == "done":
        report.what_was_done = form.cleaned_data["what_was_done"]
    elif step == "goals":
        report.goals = form.to_goals()
    elif step == "effects":
        report.effect_targets = form.to_targets()
    elif step == "figures":
        report.key_figures = form.to_tables()
    elif step == "economy":
        report.economic_outcome = form.outcome_dict()
    elif step == "benefit":
        report.benefit = form.to_benefit()
    elif step == "lessons":
        report.lessons, report.next_steps = form.cleaned_data["lessons"], form.cleaned_data["next_steps"]


class FinalReportWizard(SayWhatToDoWizardMixin, NamedUrlWizardView):
    """Also the base of the interim report's wizard (funding/interim/wizard.py), which overrides
    load_report, detail_url and the step lists."""

    form_list = [(name, form) for name, form, _title in STEPS]
    step_titles = STEP_TITLES
    template_name = "reports/final/wizard.html"
    file_storage = None
    storage_prefix = "final_report"

    @classmethod
    def as_view(cls, **kwargs):
        return super().as_view(url_name="reports:final_report_step", done_step_name="done-submit", **kwargs)

    def get_step_url(self, step):
        return reverse(self.url_name, kwargs={"pk": self.application.pk, "step": step})

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        elsewhere = self.load_report(request, **kwargs)
        if elsewhere is not None:
            return elsewhere
        if kwargs.get("step") not in (None, self.done_step_name) and kwargs["step"] not in self.form_list:
            raise Http404
        self.prefix = self.storage_prefix
        self.storage = FinalReportStorage(self.prefix, request, None, report=self.report)
        self.steps = StepsHelper(self)
        response = TemplateView.dispatch(self, request, *args, **kwargs)
        self.storage.update_response(response)
        return response

    def load_report(self, request, **kwargs):
        """Set self.application and self.report (404 for anyone but the lead); a response when the
        report cannot be edited now."""
        self.application = own_project(request, kwargs["pk"])
        if not self.application.final_report_open:
            # The report is about a finished project: it opens the day the project ends (or when
            # a fund manager opens it early for this project).
            messages.info(request, _("The final report opens on %(date)s, when the project ends.") % {
                "date": self.application.final_report_opens.isoformat()})
            return redirect(self.detail_url())
        self.report = report_for(self.application)
        if self.report.status not in EDITABLE:
            if kwargs.get("step") != self.done_step_name:
                messages.info(request, _("The final report has been submitted and can no longer be changed."))
            return redirect(self.detail_url())
        return None

    def detail_url(self):
        return reverse("reports:final_report", kwargs={"pk": self.application.pk})

    # --- forms ------------------------------------------------------------------------------
    def get_form_kwargs(self, step=None):
        if step == "goals":
            return {"goals": application_goals(self.application)}
        if step == "figures":
            return {"years": project_years(self.application)}
        if step == "economy":
            return {"lines": fr.granted_lines(self.application), "threshold": threshold(self.application)}
        if step == "attachments":
            return {"report": self.report}
        return {}

    def get_form_initial(self, step):
        return initial_from_report(step, self.report)

    def _own_data(self, step, data):
        prefix = f"{step}-"
        return {key: data.getlist(key) for key in data if key.startswith(prefix)}

    def process_step(self, form):
        step = self.steps.current
        store_step(self.report, step, form)
        return self._own_data(step, form.data)

    def process_step_files(self, form):
        if self.steps.current == "attachments":
            for field in form.delete_fields():
                if form.cleaned_data.get(field.name):
                    pk = int(field.name.split("_", 1)[1])
                    for att in self.report.attachments.filter(pk=pk):
                        att.file.delete(save=False)
                        att.delete()
            upload = form.cleaned_data.get("file")
            if upload:
                FinalReportAttachment.objects.create(report=self.report, file=upload, name=upload.name[-200:],
                                                     size=upload.size,
                                                     content_type=(upload.content_type or "")[:120])
        return {}

    def _grow(self, step):
        """'Add a row' / 'Add a table' without JavaScript: keep what was typed, one more row."""
        data = self._own_data(step, self.request.POST)
        post = self.request.POST
        if step == "effects" and "add_row" in post:
            n = int(_int((data.get("effects-rows") or ["3"])[0], 3))
            data["effects-rows"] = [str(min(n + 1, 30))]
            anchor = "effect-targets"
        elif step == "figures" and "add_table" in post:
            n = int(_int((data.get("figures-tables") or ["1"])[0], 1))
            data["figures-tables"] = [str(min(n + 1, 5))]
            anchor = f"table-{min(n, 4)}"
        elif step == "figures" and "add_row" in post:
            t = _int(post.get("add_row"), 0)
            key = f"figures-t{t}_rows"
            data[key] = [str(min(_int((data.get(key) or ["4"])[0], 4) + 1, 30))]
            anchor = f"table-{t}"
        else:
            return None
        self.storage.set_step_data(step, data)
        self.storage.current_step = step
        return redirect(self.get_step_url(step) + f"#{anchor}")

    def post(self, *args, **kwargs):
        step = kwargs.get("step")
        if step in self.get_form_list():
            self.storage.current_step = step
            switch_to = self.request.POST.get(language_links.SWITCH_FIELD, "")
            if language_links.is_language(switch_to):
                # The language switcher (language-switch.js): keep what was typed here, valid or
                # not (validated on submit), and open the same step in that language.
                self.storage.set_step_data(step, self._own_data(step, self.request.POST))
                self.storage.current_step = step
                return redirect(language_links.url_for_language(self.request, None, switch_to))
            grown = self._grow(step)
            if grown is not None:
                return grown
            if self.request.POST.get("wizard_goto_step") in self.get_form_list():
                # "Previous step" keeps what was typed here too, valid or not (validated on submit).
                self.storage.set_step_data(step, self._own_data(step, self.request.POST))
            if "save_draft" in self.request.POST:
                self.storage.set_step_data(step, self._own_data(step, self.request.POST))
                self.storage.current_step = step
                messages.success(self.request, _("Your answers are saved. You can continue later, also on "
                                                 "another device."))
                return redirect(self.detail_url())
        return super().post(*args, **kwargs)

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        saved = self.storage.data.get(self.storage.step_data_key, {})
        steps = [{"name": name, "title": self.step_titles[name], "url": self.get_step_url(name),
                  "current": name == self.steps.current, "saved": name in saved} for name in self.get_form_list()]
        context.update({
            "application": self.application, "report": self.report, "fund": self.application.fund.localized,
            "step_list": steps, "step_title": self.step_titles[self.steps.current],
            "threshold": threshold(self.application),
        })
        if self.steps.current == "benefit":
            context["benefit"] = benefit_of(self.report)
        if self.steps.current == "review":
            context.update(self.review_context())
        return context

    def review_context(self):
        return report_context(self.report)

    def done(self, form_list, form_dict=None, **kwargs):
        for step, form in (form_dict or {}).items():
            store_step(self.report, step, form)
        self.report.save()
        if self.report.status in EDITABLE:
            fr.submit(self.report)
            messages.success(self.request, _("Thank you! Your final report has been submitted to the fund "
                                             "managers."))
        return redirect(self.detail_url())


def _int(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def benefit_of(report):
    b = report.benefit or {}
    if not b.get("service_cost"):
        return None
    return fr.BenefitRealisation(service_cost=int(b["service_cost"]), cases=int(b.get("cases") or 0),
                                 alternative_cost=int(b.get("alternative_cost") or 0),
                                 avoided=int(b.get("avoided") or 0))


def report_context(report):
    """Everything the check-your-answers page, the admin review and the PDF show."""
    from reports.final_forms import ASSESSMENT_LABELS

    app = report.application
    goals = [{**g, "assessment_label": ASSESSMENT_LABELS.get(g.get("assessment"), "")} for g in report.goals or []]
    return {
        "report": report, "application": app, "goals": goals,
        **economy_context(fr.granted_lines(app), report.economic_outcome, threshold(app)),
        "benefit": benefit_of(report),
        "alternative": (report.benefit or {}).get("alternative", ""),
        "effect_targets": report.effect_targets or [], "key_figures": report.key_figures or [],
        "attachments": list(report.attachments.all()), "threshold": threshold(app),
    }


def economy_context(lines, outcome, limit):
    """The economic report's rows, totals and per-year chart (final and interim reports)."""
    from reports.final_forms import line_label

    rows, _errors = fr.economic_report(lines, outcome or {}, limit)
    years = []
    for row in rows:
        if row.year not in years:
            years.append(row.year)
    per_year = []
    for year in years:
        budget = sum(r.budget for r in rows if r.year == year)
        outcome = sum(r.outcome or 0 for r in rows if r.year == year)
        per_year.append({"year": year, "budget": budget, "outcome": outcome})
    biggest = max([max(y["budget"], y["outcome"]) for y in per_year] or [0]) or 1
    for y in per_year:
        y["budget_pct"] = round(y["budget"] * 100 / biggest)
        y["outcome_pct"] = round(y["outcome"] * 100 / biggest)
    economy = [{"line": line_label(r.line), "year": r.year, "budget": r.budget, "outcome": r.outcome,
                "deviation": r.deviation, "pct": r.deviation_percent, "explanation": r.explanation}
               for r in rows]
    budget_total = sum(r.budget for r in rows)
    outcome_total = sum(r.outcome or 0 for r in rows)
    return {"economy": economy, "chart": per_year, "budget_total": budget_total, "outcome_total": outcome_total,
            "deviation_total": outcome_total - budget_total}


__all__ = ["FinalReportWizard", "number_text"]
