"""Fund managers in the Wagtail admin: who may see applications, the transition form, the
exports and the requested-versus-granted summary. Every role is checked."""
import io
import re

import pytest
from django.urls import reverse

from funding.models import Application

pytestmark = pytest.mark.django_db

ROLES = ["Editors", "Moderators", "Coordinators", "Fund managers", "Administrators"]
MAY_REVIEW = {"Fund managers", "Administrators"}


@pytest.fixture
def demo_app():
    return Application.objects.get(user__username="projektledare")


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_applications(client_as, role, demo_app):
    client = client_as(role)
    urls = [reverse("funding_applications:index"), reverse("funding_applications:inspect", args=[demo_app.pk]),
            reverse("funding_summary"), reverse("funding_applications:index") + "?export=csv"]
    for url in urls:
        response = client.get(url)
        if role in MAY_REVIEW:
            assert response.status_code == 200, url
        else:
            assert response.status_code in (302, 403), url
            assert "Modell för tidigt socialt stöd" not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_only_reviewers_change_status(client_as, role, demo_app):
    client = client_as(role)
    url = reverse("funding_applications:inspect", args=[demo_app.pk])
    client.post(url, {"to": "in_review"})
    demo_app.refresh_from_db()
    assert demo_app.status == ("in_review" if role in MAY_REVIEW else "submitted")


def test_project_lead_has_no_admin(client, demo_app):
    client.force_login(demo_app.user)
    assert client.get(reverse("funding_applications:index")).status_code in (302, 403)


def test_review_approve_and_applicant_sees_decision(client_as, demo_app, mailoutbox,
                                                    django_capture_on_commit_callbacks):
    manager = client_as("Fund managers")
    url = reverse("funding_applications:inspect", args=[demo_app.pk])
    page = manager.get(url).content.decode()
    assert "1\u00a0450\u00a0000" in page and "5050-1055" in page
    assert not re.search(r"<dd>\s*None\s*</dd>", page)  # no empty grant or decision date before the decision
    with django_capture_on_commit_callbacks(execute=True):
        manager.post(url, {"to": "in_review", "internal_note": "Ser bra ut"})
        # approving from in_review is possible; skipping to approved from submitted is not
        r = manager.post(url, {"to": "approved", "comment": "Beviljas enligt ansökan.",
                               "granted_2020": "500 000", "granted_2021": "500 000", "granted_2022": "450 000"})
    assert r.status_code == 302
    demo_app.refresh_from_db()
    assert demo_app.status == "approved" and demo_app.granted_total == 1_450_000
    assert demo_app.granted == {"2020": 500_000, "2021": 500_000, "2022": 450_000}
    assert len(mailoutbox) == 2 and "Ser bra ut" not in mailoutbox[-1].body
    # the log shows who and when
    page = manager.get(url).content.decode()
    assert "fondforvaltare" in page and "Ser bra ut" in page
    # the applicant sees the decision and the comment, never the internal note
    manager.logout()
    manager.force_login(demo_app.user)
    page = manager.get(demo_app.get_absolute_url()).content.decode()
    assert "Beviljas enligt ansökan." in page and "Ser bra ut" not in page
    assert "1\u00a0450\u00a0000" in page and "2023-02-28" in page


def test_invalid_transition_is_refused(client_as, demo_app):
    manager = client_as("Fund managers")
    url = reverse("funding_applications:inspect", args=[demo_app.pk])
    r = manager.post(url, {"to": "approved"})  # not allowed from "submitted"
    assert r.status_code == 200
    demo_app.refresh_from_db()
    assert demo_app.status == "submitted"
    r = manager.post(url, {"to": "more_info", "comment": ""})  # the applicant must be told what is missing
    demo_app.refresh_from_db()
    assert demo_app.status == "submitted"


def test_exports_and_summary(client_as, demo_app):
    from openpyxl import load_workbook

    manager = client_as("Fund managers")
    index = reverse("funding_applications:index")
    csv = manager.get(index + "?export=csv")
    body = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert "Modell för tidigt socialt stöd" in body and "1500000" in body
    xlsx = manager.get(index + "?export=xlsx")
    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    sheet = load_workbook(io.BytesIO(content)).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert 1_500_000 in values
    summary = manager.get(reverse("funding_summary")).content.decode()
    # the granted total of every submitted application (the demo's approved projects, 1 500 000 each)
    from django.db.models import Sum

    from funding.budget import format_amount

    granted = Application.objects.for_reviewers().aggregate(total=Sum("granted_total"))["total"]
    assert granted % 1_500_000 == 0
    assert "2021" in summary and "500\u00a0000" in summary and format_amount(granted) in summary


def test_application_list_groups_amounts_and_sorts_by_them(client_as, demo_app):
    manager = client_as("Fund managers")
    index = reverse("funding_applications:index")
    text = manager.get(index).content.decode()
    assert "1\u00a0500\u00a0000" in text and ">1500000<" not in text
    assert manager.get(index + "?ordering=-requested_total").status_code == 200
