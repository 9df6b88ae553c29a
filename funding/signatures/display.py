"""What the lead's page, the fund manager's inspect page and the PDF show of the signature."""
from funding import workflow
from funding.signatures import services


def lead_state(application):
    signed = services.signature_of(application)
    waiting = application.status == workflow.SIGNATURE
    return {"waiting": waiting, "signed": signed, "method": services.method(application),
            "last": services.current(application) if waiting else None}


def inspect_context(application, request=None):
    """For funding/admin/inspect.html: every link and upload, oldest first."""
    return {"signature_requests": list(application.signature_requests.select_related("signed_copy"))}


def pdf_context(application):
    """The signature printed on the PDF, and when the lead completed it after that (more information)."""
    signature = services.signature_of(application)
    resubmitted = None
    if signature is not None:
        again = application.transitions.filter(from_status=workflow.MORE_INFO, to_status=workflow.SUBMITTED,
                                               at__gt=signature.signed_at).order_by("-at").first()
        resubmitted = again.at if again else None
    place_date = ""
    if signature is not None and signature.signed_date:
        # one isolated run, so that "Vällingby, 2026-12-03" keeps its order in an Arabic PDF
        place_date = ", ".join(filter(None, [signature.signed_place, signature.signed_date.isoformat()]))
    return {"signature": signature, "resubmitted_at": resubmitted, "signed_place_date": place_date}
