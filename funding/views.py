"""Project leads' own pages: start an application, list and read their applications, the PDF.
Another user's application answers 404 (not 403), so ids cannot be probed."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from funding import pdf
from funding.models import Application, FundProgrammePage


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
    app = Application.objects.create(user=request.user, fund=fund, round=open_round, language=get_language())
    return redirect("funding:apply", pk=app.pk, step="applicant")


@login_required
def my_applications(request):
    applications = Application.objects.filter(user=request.user).select_related("fund")
    return render(request, "funding/my_applications.html", {"applications": applications})


@login_required
def application_detail(request, pk):
    application = own_application(request, pk)
    return render(request, "funding/application_detail.html", {
        "application": application, "fund": application.fund.localized,
        "comments": application.applicant_comments(),
        "budget": application.budget_obj(),
    })


@login_required
def application_pdf(request, pk):
    application = own_application(request, pk)
    content = pdf.render_application(application, language=get_language())
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="application-{application.reference}.pdf"'
    return response


@login_required
def attachment(request, pk, attachment_id):
    application = own_application(request, pk)
    att = get_object_or_404(application.attachments, pk=attachment_id)
    return FileResponse(att.file.open("rb"), as_attachment=True, filename=att.name,
                        content_type="application/pdf")
