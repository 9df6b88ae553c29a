"""Project leads' own pages: start an application, list and read their applications, the PDF.
Another user's application answers 404 (not 403), so ids cannot be probed."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from funding import pdf, workflow
from funding.forms import ProfileForm
from funding.models import Application, ApplicantProfile, FundProgrammePage
from funding.threads import services as thread_services
from portal import private_files


def own_application(request, pk):
    return get_object_or_404(Application.objects.select_related("fund", "round"), pk=pk, user=request.user)


@login_required
@require_POST
def start(request, page_id):
    page = get_object_or_404(FundProgrammePage.objects.live(), pk=page_id).specific
    fund = page.source
    if not fund.is_open():
        messages.error(request, _("This fund does not take applications now."))
        return redirect(page.url)
    existing = Application.objects.filter(user=request.user, fund=fund, status="draft").first()
    if existing:
        messages.info(request, _("You already have a draft for this fund; continue it here."))
        return redirect("funding:apply", pk=existing.pk, step="applicant")
    open_round = fund.open_round()
    profile = ApplicantProfile.objects.filter(user=request.user).first()
    app = Application.objects.create(user=request.user, fund=fund, round=open_round, language=get_language(),
                                     organisation=profile.organisation if profile else "")
    return redirect("funding:apply", pk=app.pk, step="applicant")


# Steps whose answers a copy keeps: not the attachments (files of the old application) nor the
# confirmation on the review step, which the lead gives again for the new one.
COPIED_STEPS = {"applicant", "project", "effects", "method", "equality", "budget"}


@login_required
@require_POST
def copy_application(request, pk):
    """"Copy as a new application": a new draft in the same fund with the earlier one's answers."""
    original = own_application(request, pk)
    fund = original.fund
    if not fund.allow_copy:
        messages.error(request, _("This fund does not offer copying earlier applications."))
        return redirect(original.get_absolute_url())
    if not fund.is_open():
        messages.error(request, _("This fund does not take applications now."))
        return redirect(original.get_absolute_url())
    step_data = ((original.data or {}).get("wizard") or {}).get("step_data") or {}
    wizard = {"step": None, "step_data": {k: v for k, v in step_data.items() if k in COPIED_STEPS},
              "step_files": {}, "extra_data": {}}
    copy = Application.objects.create(
        user=request.user, fund=fund, round=fund.open_round(), language=get_language(), title=original.title,
        organisation=original.organisation, data={"wizard": wizard}, budget=original.budget,
        requested_total=original.requested_total, cost_total=original.cost_total,
        project_start=original.project_start, project_end=original.project_end)
    messages.success(request, _("A new draft was made from application %(reference)s. Check every step, "
                                "especially the dates and the budget, before you submit it.") % {
        "reference": original.reference})
    return redirect("funding:apply", pk=copy.pk, step="applicant")


@login_required
def my_organisation(request):
    """The lead's organisation, kept once on the account to prefill every new application."""
    profile = ApplicantProfile.objects.filter(user=request.user).first() or ApplicantProfile(user=request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            for name in ApplicantProfile.FIELDS:
                setattr(profile, name, form.cleaned_data.get(name) or "")
            profile.giro_type = profile.giro_type or "bankgiro"
            profile.save()
            messages.success(request, _("Your organisation's details are saved. New applications start with them; "
                                        "applications already started keep their own."))
            return redirect("funding:my_organisation")
    else:
        form = ProfileForm(initial={name: getattr(profile, name) for name in ApplicantProfile.FIELDS})
    return render(request, "funding/my_organisation.html", {"form": form})


@login_required
def my_applications(request):
    applications = Application.objects.filter(user=request.user).select_related("fund", "round")
    applications = thread_services.with_unread(applications, request.user, thread_services.LEAD)
    return render(request, "funding/my_applications.html", {"applications": applications})


@login_required
def application_detail(request, pk):
    application = own_application(request, pk)
    return render(request, "funding/application_detail.html", {
        "application": application, "fund": application.fund.localized,
        "budget": application.budget_obj(),
    })


@login_required
def application_pdf(request, pk):
    application = own_application(request, pk)
    content = pdf.render_application(application, language=get_language())
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="application-{application.reference}.pdf"'
    return response


def send_attachment(request, att, application, kind, as_owner):
    """The file as a download (type read from its bytes, never cached), with an audit row."""
    from funding.models import AttachmentDownload

    response = private_files.attachment_response(att.file, att.name)
    AttachmentDownload.objects.create(user=request.user, kind=kind, reference=application.reference,
                                      attachment_id=att.pk, as_owner=as_owner)
    return response


@login_required
def attachment(request, pk, attachment_id):
    """The applicant's own attachment (404 for anyone else, as for the application itself)."""
    application = own_application(request, pk)
    att = get_object_or_404(application.attachments, pk=attachment_id)
    return send_attachment(request, att, application, "application", as_owner=True)


def admin_attachment(request, pk, attachment_id):
    """Fund managers and Administrators (funding.view_application), from the application's inspect
    view in the admin; a draft is the applicant's own business (404). Other admin users are sent
    back to the dashboard by Wagtail (PermissionDenied), as for the other fund managers' views."""
    if not request.user.has_perm("funding.view_application"):
        raise PermissionDenied
    application = get_object_or_404(Application.objects.for_reviewers(), pk=pk)
    att = get_object_or_404(application.attachments, pk=attachment_id)
    return send_attachment(request, att, application, "application", as_owner=False)
