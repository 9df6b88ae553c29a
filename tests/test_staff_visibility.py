"""Issue 11, finding B: one rule per record type for what staff may see. An applicant's draft
application or a project lead's draft final report is theirs alone: every admin URL of the
applications and final-report viewsets (list, export, inspect, edit, delete, history, usage)
answers 404 for it, also to fund managers and administrators; unknown ids are 404, not 500."""
import pytest
from django.urls import reverse

from funding import workflow
from funding.models import Application, FundProgrammePage
from reports.models import FinalReport

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Utkast som ingen på förvaltningen ska se"
VIEWS = ["inspect", "edit", "delete", "history", "usage"]


@pytest.fixture
def draft(django_user_model):
    user = django_user_model.objects.create_user("utkast", "utkast@example.org", "a-long-password-123")
    fund = FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel")
    return Application.objects.create(user=user, fund=fund, language="sv", title=DRAFT_TITLE,
                                      organisation="Föreningen Utkast")


@pytest.fixture
def draft_report():
    """The demo project's final report, still a draft (the project lead is writing it)."""
    report = FinalReport.objects.get(application__user__username="projektledare2")
    FinalReport.objects.filter(pk=report.pk).update(status=FinalReport.Status.DRAFT, review_comment="")
    report.refresh_from_db()
    return report


def test_querysets_leave_out_drafts(draft, draft_report):
    assert draft not in Application.objects.for_reviewers()
    assert draft_report not in FinalReport.objects.for_reviewers()
    submitted = Application.objects.filter(user__username="projektledare").first()
    assert submitted.status != workflow.DRAFT and submitted in Application.objects.for_reviewers()


def status_codes(client, name, pk):
    return {view: client.get(reverse(f"{name}:{view}", args=[pk])).status_code for view in VIEWS}


@pytest.mark.parametrize("group", ["Fund managers", "Administrators"])
def test_a_draft_application_is_404_on_every_admin_url(client_as, draft, group):
    client = client_as(group)
    # A draft answers exactly as an id that does not exist: 404 wherever the role may use the
    # view at all (fund managers may inspect; Administrators may do everything).
    codes = status_codes(client, "funding_applications", draft.pk)
    assert codes == status_codes(client, "funding_applications", 999999)
    assert codes["inspect"] == 404
    assert set(codes.values()) == ({404} if group == "Administrators" else {404, 302})
    assert client.post(reverse("funding_applications:inspect", args=[draft.pk]),
                       {"to": workflow.IN_REVIEW}).status_code == 404
    client.post(reverse("funding_applications:delete", args=[draft.pk]))
    assert Application.objects.filter(pk=draft.pk, status=workflow.DRAFT).exists()
    for params in ({}, {"q": "Utkast"}, {"export": "csv"}, {"export": "xlsx"}, {"status": "draft"}):
        response = client.get(reverse("funding_applications:index"), params)
        assert response.status_code == 200
        body = response.getvalue()
        assert DRAFT_TITLE.encode() not in body and "Föreningen Utkast".encode() not in body, params
        if params.get("export") == "xlsx":
            from io import BytesIO

            from openpyxl import load_workbook

            cells = [c.value for row in load_workbook(BytesIO(body)).active.iter_rows() for c in row]
            assert DRAFT_TITLE not in cells and len(cells) > 14  # the headings and the submitted ones


def test_submitted_applications_still_open_for_fund_managers(client_as):
    submitted = Application.objects.filter(user__username="projektledare").first()
    client = client_as("Fund managers")
    response = client.get(reverse("funding_applications:inspect", args=[submitted.pk]))
    assert response.status_code == 200 and submitted.title in response.content.decode()
    assert submitted.title in client.get(reverse("funding_applications:index"), {"export": "csv"}).getvalue().decode()


def test_unknown_ids_are_404_not_500(client_as):
    client = client_as("Administrators")  # may use every view
    for name in ("funding_applications", "final_reports"):
        assert set(status_codes(client, name, 999999).values()) == {404}, name
    client = client_as("Fund managers")
    assert client.get(reverse("funding_applications:inspect", args=[999999])).status_code == 404
    assert client.get(reverse("final_reports:inspect", args=[999999])).status_code == 404
    assert client.get(reverse("final_reports:edit", args=[999999])).status_code == 404


def test_nobody_adds_applications_or_final_reports_in_the_admin(client_as):
    client = client_as("Administrators")
    for name in ("funding_applications", "final_reports"):
        response = client.get(reverse(f"{name}:add"))
        assert response.status_code == 302  # Wagtail: "Sorry, you do not have permission"
        assert reverse(f"{name}:add") not in client.get(reverse(f"{name}:index")).content.decode()


def test_fund_managers_cannot_comment_on_a_draft_final_report(client_as, draft_report):
    client = client_as("Fund managers")
    edit = reverse("final_reports:edit", args=[draft_report.pk])
    assert client.get(edit).status_code == 404
    response = client.post(edit, {"review_comment": "Synpunkt på ett utkast"})
    assert response.status_code in (403, 404)
    draft_report.refresh_from_db()
    assert draft_report.review_comment == ""
    codes = status_codes(client, "final_reports", draft_report.pk)
    assert codes == status_codes(client, "final_reports", 999999)
    assert codes["inspect"] == codes["edit"] == codes["history"] == 404
    r = client.post(reverse("final_reports:inspect", args=[draft_report.pk]), {"decision": "approve"})
    assert r.status_code == 404
    draft_report.refresh_from_db()
    assert draft_report.status == FinalReport.Status.DRAFT
    assert client.get(reverse("final_report_admin_pdf", args=[draft_report.pk])).status_code == 404
    listing = client.get(reverse("final_reports:index")).content.decode()
    assert draft_report.application.title not in listing


def test_a_submitted_final_report_opens_for_review(client_as, draft_report):
    FinalReport.objects.filter(pk=draft_report.pk).update(status=FinalReport.Status.SUBMITTED)
    client = client_as("Fund managers")
    assert client.get(reverse("final_reports:inspect", args=[draft_report.pk])).status_code == 200
