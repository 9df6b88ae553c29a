"""The fund managers' committee screens in the Wagtail admin: mark an application ready for
decision, the meeting with its agenda (PDF) and the decisions recorded from it. Every view asks
funding.review_application (the workflow's fund manager) and reads applications through
Application.objects.for_reviewers()."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.views.generic import InspectView

from funding import workflow
from funding.committee import pdf, services
from funding.committee.forms import ReadyForm, RecordForm
from funding.committee.models import DecisionMeeting
from funding.models import Application

PERMISSION = "funding.review_application"


def _require_fund_manager(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def inspect_context(application, request):
    """What the application's inspect page shows of the committee (see inspect_section.html)."""
    item = services.item_of(application)
    return {"committee": {
        "item": item,
        "may_mark_ready": (request.user.has_perm(PERMISSION) and application.status == workflow.IN_REVIEW
                           and not (item and item.is_decided)),
        "decides_alone": services.decides_alone(application),
        "limit": application.fund.decide_alone_max,
    }}


def mark_ready(request, pk):
    """The proposal: which meeting, grant or refuse, and how much per year."""
    _require_fund_manager(request)
    application = get_object_or_404(Application.objects.for_reviewers().select_related("fund"), pk=pk)
    item = services.item_of(application)
    inspect_url = reverse("funding_applications:inspect", args=[application.pk])
    form = ReadyForm(request.POST or None, application=application, item=item)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.mark_ready(application, request.user, meeting=form.cleaned_data["meeting"],
                                       proposal=form.cleaned_data["proposal"], amounts=form.amounts())
        except services.CommitteeError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Application %(reference)s is on the agenda of %(meeting)s.") % {
                "reference": application.reference, "meeting": item.meeting})
            return redirect(inspect_url)
    return TemplateResponse(request, "funding/committee/admin/ready.html", {
        "form": form, "application": application, "item": item, "inspect_url": inspect_url,
        "meetings_url": reverse("funding_committee_meetings:add"),
        "page_title": _("Ready for decision: %(reference)s") % {"reference": application.reference},
    })


def agenda_pdf(request, pk):
    _require_fund_manager(request)
    meeting = get_object_or_404(DecisionMeeting, pk=pk)
    response = HttpResponse(pdf.render_agenda(meeting), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="agenda-{meeting.date:%Y-%m-%d}-{meeting.pk}.pdf"'
    return response


class MeetingInspectView(InspectView):
    """The meeting: its agenda, the agenda PDF and one form per item to record the decision."""

    template_name = "funding/committee/admin/meeting_inspect.html"

    def get_fields(self):
        return ["committee", "date", "place", "reference"]

    def dispatch(self, request, *args, **kwargs):
        _require_fund_manager(request)
        return super().dispatch(request, *args, **kwargs)

    def items(self):
        return self.object.items.for_reviewers().select_related("application__fund")

    def get_context_data(self, forms=None, **kwargs):
        context = super().get_context_data(**kwargs)
        forms = forms or {}
        rows = []
        for item in self.items():
            form = None
            if not item.is_decided:
                form = forms.get(item.pk) or RecordForm(item=item)
            rows.append({"item": item, "form": form,
                         "url": reverse("funding_applications:inspect", args=[item.application_id])})
        _rows, totals = pdf.agenda_rows(self.object)
        context.update({"rows": rows, "totals": totals, "meeting": self.object,
                        "agenda_url": reverse("funding_committee_agenda", args=[self.object.pk])})
        return context

    def post(self, request, *args, **kwargs):
        item_id = request.POST.get("item_id", "")
        item = get_object_or_404(self.items(), pk=int(item_id)) if item_id.isdigit() else None
        if item is None:
            return redirect(request.path)
        if item.is_decided:
            # A second post of the same form (or a colleague's): the recorded decision stands.
            messages.info(request, _("The decision on %(reference)s was already recorded (§ %(paragraph)s); nothing "
                                     "was changed.") % {"reference": item.application.reference,
                                                         "paragraph": item.paragraph})
            return redirect(request.path)
        form = RecordForm(request.POST, item=item)
        if form.is_valid():
            try:
                recorded = services.record_decision(item, request.user, decision=form.cleaned_data["decision"],
                                                    paragraph=form.cleaned_data["paragraph"],
                                                    granted=form.amounts())
            except services.CommitteeError as exc:
                form.add_error(None, str(exc))
            else:
                if recorded:
                    messages.success(request, _("Decision recorded for %(reference)s (§ %(paragraph)s); the "
                                                "applicant was notified.") % {
                        "reference": item.application.reference, "paragraph": item.paragraph})
                else:
                    messages.info(request, _("The decision on %(reference)s was already recorded; nothing was "
                                             "changed.") % {"reference": item.application.reference})
                return redirect(request.path)
        messages.error(request, _("The decision was not recorded: see the item below."))
        return self.render_to_response(self.get_context_data(forms={item.pk: form}))
