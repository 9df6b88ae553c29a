"""The department head's sign page (reached by the e-mailed link, no account) and the lead's
signature page (remind, change the signatory, take back, upload a signed copy). Views parse the
request and call funding/signatures/services.py."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from funding import pdf, workflow
from funding.signatures import services
from funding.signatures.forms import SignatoryForm, SignedCopyForm, SignForm
from funding.views import own_application

PROBLEM_STATUS = {"used": 200, "replaced": 410, "expired": 410}


def _link_problem(request, row, issue):
    return render(request, "funding/signatures/sign_problem.html", {
        "problem": issue, "row": row, "application": row.application if row else None,
    }, status=PROBLEM_STATUS.get(issue, 404))


def sign(request, token):
    row = services.request_for_token(token)
    if row is None:
        return _link_problem(request, None, "unknown")
    issue = services.problem(row)
    if issue:
        return _link_problem(request, row, issue)
    app = row.application
    form = SignForm(request.POST or None, signed_from=timezone.localtime(row.created_at).date(), initial={
        "name": row.name, "place": app.answers("applicant").get("sign_place", ""), "date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not services.sign(row, name=data["name"], place=data["place"], date=data["date"]):
            row.refresh_from_db()
            return _link_problem(request, row, services.problem(row) or "used")
        row.refresh_from_db()
        return render(request, "funding/signatures/signed.html", {"row": row, "application": app})
    return render(request, "funding/signatures/sign.html", {
        "row": row, "application": app, "fund": app.fund.localized, "form": form, "token": token,
        "sections": pdf.answers(app), "applicant": app.answers("applicant"),
    })


def sign_pdf(request, token):
    row = services.request_for_token(token)
    if row is None or services.problem(row):
        return _link_problem(request, row, services.problem(row) if row else "unknown")
    app = row.application
    response = HttpResponse(pdf.render_application(app, language=get_language()), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="application-{app.reference}.pdf"'
    return response


@login_required
def manage(request, pk):
    application = own_application(request, pk)
    if application.status != workflow.SIGNATURE:
        messages.info(request, _("This application is not waiting for a signature."))
        return redirect(application.get_absolute_url())
    method = services.method(application)
    last = services.current(application)
    name, title, email = (last.name, last.title, last.email) if last else services.named_signatory(application)
    signatory_form = SignatoryForm(initial={"name": name, "title": title, "email": email})
    upload_form = SignedCopyForm()
    action = request.POST.get("action", "")
    if request.method == "POST":
        try:
            if action == "remind" and method == "link":
                services.remind(application, request.user)
                messages.success(request, _("A new link was sent to %(email)s. The earlier link no longer works.") % {
                    "email": last.email})
                return redirect(application.get_absolute_url())
            if action == "change" and method == "link":
                signatory_form = SignatoryForm(request.POST)
                if signatory_form.is_valid():
                    data = signatory_form.cleaned_data
                    services.new_link(application, request.user, data["name"], data["title"], data["email"])
                    messages.success(request, _("The link to sign was sent to %(email)s. The earlier link no "
                                                "longer works.") % {"email": data["email"]})
                    return redirect(application.get_absolute_url())
            elif action == "upload" and method == "upload":
                upload_form = SignedCopyForm(request.POST, request.FILES)
                if upload_form.is_valid():
                    services.upload_signed_copy(application, request.user, upload_form.cleaned_data["file"])
                    messages.success(request, _("Thank you! The signed application has been submitted to the fund."))
                    return redirect(application.get_absolute_url())
            elif action == "withdraw":
                services.take_back(application, request.user)
                messages.success(request, _("The application is a draft again and the link no longer works. "
                                            "Change what you need and submit it again."))
                return redirect(application.get_absolute_url())
        except (services.SignatureError, workflow.TransitionError) as exc:
            messages.error(request, str(exc) if isinstance(exc, services.SignatureError) else
                           _("The application changed meanwhile; that step is no longer possible."))
            return redirect(application.get_absolute_url())
    return render(request, "funding/signatures/manage.html", {
        "application": application, "fund": application.fund.localized, "method": method, "last": last,
        "signatory_form": signatory_form, "upload_form": upload_form,
    }, status=400 if request.method == "POST" else 200)
