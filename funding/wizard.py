"""The application wizard: django-formtools' NamedUrlWizardView with a storage that keeps the
step data on the Application row (saved at every request), so a project lead can leave and
resume on another device."""
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from formtools.wizard.storage.base import BaseStorage
from formtools.wizard.views import NamedUrlWizardView, StepsHelper

from funding import deadlines, workflow
from funding.signatures import services as signatures
from funding.forms import OPTIONAL_STEPS, STEP_TITLES, STEPS, budget_years
from funding.models import Application, Attachment
from home import language_links
from portal.required_messages import SayWhatToDoWizardMixin


def _without_nul(value):
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {_without_nul(k): _without_nul(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_without_nul(v) for v in value]
    return value


class ApplicationStorage(BaseStorage):
    """formtools storage backed by `Application.data["wizard"]` (JSON in the database)."""

    def __init__(self, prefix, request=None, file_storage=None, application=None):
        super().__init__(prefix, request, file_storage)
        self.application = application
        stored = (application.data or {}).get("wizard")
        if stored:
            self.data = stored
            for key in (self.step_data_key, self.step_files_key, self.extra_data_key):
                self.data.setdefault(key, {})
        else:
            self.init_data()

    def reset(self):
        # Submitting does not wipe the answers: they are the application.
        self.data[self.step_key] = None

    def set_step_data(self, step, cleaned_data):
        # The raw answers are kept as typed (valid or not), in JSON: PostgreSQL cannot store a
        # NUL character in text or JSON, so it goes (the form shows its own error for it).
        super().set_step_data(step, cleaned_data)
        self.data[self.step_data_key][step] = _without_nul(self.data[self.step_data_key][step])

    def get_step_files(self, step):
        return None  # attachments are saved as Attachment rows at once, not kept in the wizard

    def set_step_files(self, step, files):
        pass

    def save(self):
        data = dict(self.application.data or {})
        data["wizard"] = self.data
        self.application.data = data
        self.application.save()

    def update_response(self, response):
        self.save()


def _has_section(name):
    def condition(wizard):
        return wizard.application.fund.has_section(name)
    return condition


class ApplicationWizard(SayWhatToDoWizardMixin, NamedUrlWizardView):
    form_list = [(name, form) for name, form, _title in STEPS]
    condition_dict = {name: _has_section(name) for name in OPTIONAL_STEPS}
    template_name = "funding/wizard.html"
    file_storage = None  # uploads become Attachment rows at once (see process_step_files)

    @classmethod
    def as_view(cls, **kwargs):
        return super().as_view(url_name="funding:apply", done_step_name="done", **kwargs)

    def get_step_url(self, step):
        return reverse(self.url_name, kwargs={"pk": self.application.pk, "step": step})

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.application = get_object_or_404(
            Application.objects.select_related("fund", "round"), pk=kwargs["pk"], user=request.user)
        if not self.application.is_editable:
            if kwargs.get("step") != self.done_step_name:
                messages.info(request, _("This application has been submitted and can no longer be changed."))
            return redirect(self.application.get_absolute_url())
        self.fund = self.application.fund
        self.prefix = self.get_prefix(request, *args, **kwargs)
        self.storage = ApplicationStorage(self.prefix, request, None, application=self.application)
        self.steps = StepsHelper(self)
        response = TemplateView.dispatch(self, request, *args, **kwargs)
        self.storage.update_response(response)
        return response

    def get_prefix(self, request, *args, **kwargs):
        return f"application_{kwargs['pk']}"

    # --- forms ------------------------------------------------------------------------------
    def get_form_kwargs(self, step=None):
        kwargs = {}
        if step == "applicant":
            # the head signs through an e-mailed link: the address is needed (funding/signatures)
            kwargs["head_email_required"] = signatures.method(self.application) == "link"
        elif step == "project":
            kwargs["fund"] = self.fund
        elif step == "budget":
            project = self.get_cleaned_data_for_step("project") or {}
            kwargs["fund"] = self.fund
            kwargs["years"] = budget_years(project.get("start"), project.get("end"), self.fund)
        elif step == "attachments":
            kwargs["application"] = self.application
        return kwargs

    def get_form_initial(self, step):
        if step == "applicant":
            # A new application starts with the lead's organisation (My organisation); what is
            # typed here stays with this application.
            from funding.models import ApplicantProfile

            profile = ApplicantProfile.objects.filter(user=self.request.user).first()
            if profile is not None:
                return profile.initial()
        return super().get_form_initial(step)

    def _own_data(self, step, data):
        """Only this step's fields (no CSRF token, no management form) go into the database."""
        prefix = f"{step}-"
        return {key: data.getlist(key) for key in data if key.startswith(prefix)}

    def process_step(self, form):
        step = self.steps.current
        app = self.application
        if step == "applicant":
            app.organisation = form.cleaned_data["organisation"]
        elif step == "project":
            app.title = form.cleaned_data["title"]
            app.project_start, app.project_end = form.cleaned_data["start"], form.cleaned_data["end"]
        elif step == "budget":
            self._store_budget(form.budget)
        return self._own_data(step, form.data)

    def _store_budget(self, budget):
        app = self.application
        app.budget = budget.to_dict()
        app.requested_total = budget.requested_total
        app.cost_total = budget.cost_total

    def process_step_files(self, form):
        if self.steps.current == "attachments":
            for field in form.delete_fields():
                if form.cleaned_data.get(field.name):
                    pk = int(field.name.split("_", 1)[1])
                    for att in self.application.attachments.filter(pk=pk):
                        att.file.delete(save=False)
                        att.delete()
            upload = form.cleaned_data.get("file")
            if upload:
                Attachment.objects.create(application=self.application, file=upload,
                                          name=upload.name[-200:], size=upload.size)
        return {}

    def post(self, *args, **kwargs):
        step = kwargs.get("step")
        if step in self.get_form_list():
            self.storage.current_step = step  # the URL names the step being answered
            switch_to = self.request.POST.get(language_links.SWITCH_FIELD, "")
            if language_links.is_language(switch_to):
                # The language switcher (language-switch.js): keep what was typed here, valid or
                # not (validated on submit), and open the same step in that language.
                self.storage.set_step_data(step, self._own_data(step, self.request.POST))
                self.storage.current_step = step
                return redirect(language_links.url_for_language(self.request, None, switch_to))
            if "add_line" in self.request.POST and step == "budget":
                data = self._own_data(step, self.request.POST)
                try:
                    extra = int((data.get("budget-extra_lines") or ["1"])[0])
                except ValueError:
                    extra = 1
                data["budget-extra_lines"] = [str(min(extra + 1, 20))]
                self.storage.set_step_data(step, data)
                self.storage.current_step = step
                return redirect(self.get_step_url(step) + "#budget-costs")
            if self.request.POST.get("wizard_goto_step") in self.get_form_list():
                # "Previous step" keeps what was typed here too, valid or not (validated on submit).
                self.storage.set_step_data(step, self._own_data(step, self.request.POST))
            if "save_draft" in self.request.POST:
                # Keep what was typed, valid or not; the wizard validates it again before submitting.
                self.storage.set_step_data(step, self._own_data(step, self.request.POST))
                self.storage.current_step = step
                messages.success(self.request, _("Your answers are saved. You can continue later, also on "
                                                 "another device."))
                return redirect(self.application.get_absolute_url())
        return super().post(*args, **kwargs)

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        steps = []
        saved = self.storage.data.get(self.storage.step_data_key, {})
        for name in self.get_form_list():
            steps.append({"name": name, "title": STEP_TITLES[name], "url": self.get_step_url(name),
                          "current": name == self.steps.current, "saved": name in saved})
        context.update({
            "application": self.application, "fund": self.fund.localized, "step_list": steps,
            "may_submit": deadlines.may_submit(self.application),
            "step_title": STEP_TITLES[self.steps.current],
        })
        if self.steps.current == "review":
            context["summary"] = self.application
        return context

    def done(self, form_list, form_dict=None, **kwargs):
        app = self.application
        if not deadlines.may_submit(app):
            day = deadlines.last_day(app)
            if day is not None:
                messages.error(self.request, _("The round closed on %(date)s, so the application cannot be "
                                               "submitted. Your answers are kept. If you have agreed a later "
                                               "date with the fund managers, ask them to extend the deadline "
                                               "for application %(reference)s.") % {
                    "date": day.isoformat(), "reference": app.reference})
            else:
                messages.error(self.request, _("The fund does not take applications now. Your answers are kept."))
            return redirect(app.get_absolute_url())
        self._store_budget(form_dict["budget"].budget)
        app.save()
        # The fund itself, or first the department head's signature (funding/signatures).
        target = signatures.submit_target(app)
        try:
            with transaction.atomic():
                workflow.transition(app, target, self.request.user, notify=target != workflow.SIGNATURE)
                if target == workflow.SIGNATURE:
                    signatures.submitted_by_lead(app, self.request.user)
        except workflow.TransitionError:
            messages.info(self.request, _("This application has already been submitted."))
        else:
            if target != workflow.SIGNATURE:
                messages.success(self.request, _("Thank you! Your application has been submitted."))
            elif signatures.method(app) == "upload":
                messages.success(self.request, _("Your application is complete. Download it as PDF, have it signed "
                                                 "by the head of department and upload the signed copy: then it "
                                                 "reaches the fund."))
            else:
                messages.success(self.request, _("Your application is complete and the head of department has been "
                                                 "sent a link to sign it. It reaches the fund when it is signed."))
        return redirect(app.get_absolute_url())
