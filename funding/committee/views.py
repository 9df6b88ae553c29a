"""The project lead's decision letter (a PDF in the language they applied in). Another user's
application, and one not yet decided, is a 404."""
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse

from funding import workflow
from funding.committee import pdf
from funding.views import own_application


@login_required
def decision_letter(request, pk):
    application = own_application(request, pk)
    if application.status not in workflow.DECIDED:
        raise Http404
    response = HttpResponse(pdf.render_letter(application), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="decision-{application.reference}.pdf"'
    return response
