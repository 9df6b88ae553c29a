"""The coordinators' inbox: who gets in, filters, detail, export, audit log."""
import pytest
from django.utils import timezone

from forms.models import AuditEvent, FormPage, Submission
from tests.factories import SubmissionFactory, demo_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def submissions():
    school = demo_form("boka-mote")
    a = SubmissionFactory(reference="KON-AAAAAA", category="Ekonomi",
                          data={"fornamn": "Amira", "arende": "Ekonomi", "meddelande": "=HYPERLINK(1)"})
    b = SubmissionFactory(reference="SKO-BBBBBB", form_page=school, language="ar", category="Digitalt",
                          data={"skola": "Västra"})
    c = SubmissionFactory(reference="SKO-CCCCCC", form_page=school, data={"skola": "Ej bekräftad"}, confirmed_at=None)
    return a, b, c


@pytest.mark.parametrize("group", ["Editors", "Fund managers", "Moderators"])
def test_others_get_403(client_as, submissions, group):
    client = client_as(group)
    a = submissions[0]
    for url in ["/admin/inbox/", f"/admin/inbox/inspect/{a.pk}/", f"/admin/inbox/edit/{a.pk}/",
                "/admin/inbox/?export=csv", "/admin/inbox-audit/"]:
        assert client.get(url).status_code == 403, url
    assert not AuditEvent.objects.filter(action__in=["view", "export"]).exists()


def test_coordinator_lists_filters_views_and_exports(client_as, submissions, demo_users):
    a, b, c = submissions
    client = client_as("Coordinators")
    html = client.get("/admin/inbox/").content.decode()
    assert "KON-AAAAAA" in html and "SKO-BBBBBB" in html and "SKO-CCCCCC" not in html  # unconfirmed hidden
    html = client.get(f"/admin/inbox/?form_page={a.form_page_id}").content.decode()
    assert "KON-AAAAAA" in html and "SKO-BBBBBB" not in html
    html = client.get("/admin/inbox/?category=ekonomi").content.decode()
    assert "KON-AAAAAA" in html and "SKO-BBBBBB" not in html
    html = client.get(f"/admin/inbox/inspect/{a.pk}/").content.decode()
    assert "Amira" in html and "Förnamn" in html
    assert AuditEvent.objects.filter(user=demo_users["Coordinators"], action="view", references="KON-AAAAAA").exists()
    r = client.get(f"/admin/inbox/?export=csv&form_page={a.form_page_id}")
    body = b"".join(r.streaming_content).decode()
    assert "KON-AAAAAA" in body and "Amira" in body and "SKO-BBBBBB" not in body
    assert "'=HYPERLINK" in body  # no formula injection
    assert AuditEvent.objects.filter(action="export", count=1, references="KON-AAAAAA").exists()
    r = client.get("/admin/inbox/?export=xlsx")
    assert r.status_code == 200 and r["Content-Type"].startswith("application/vnd.openxmlformats")
    assert AuditEvent.objects.filter(action="export", count=2).exists()


def test_coordinator_sets_status_assignment_and_note(client_as, submissions, demo_users):
    a = submissions[0]
    client = client_as("Coordinators")
    coordinator = demo_users["Coordinators"]
    r = client.post(f"/admin/inbox/edit/{a.pk}/", {
        "status": "closed", "assigned_to": coordinator.pk,
        "notes-TOTAL_FORMS": "1", "notes-INITIAL_FORMS": "0", "notes-MIN_NUM_FORMS": "0", "notes-MAX_NUM_FORMS": "1000",
        "notes-0-text": "Ringde upp", "notes-0-ORDER": "1", "notes-0-id": "", "notes-0-DELETE": "",
    })
    assert r.status_code == 302, r.content.decode()[:3000]
    a.refresh_from_db()
    assert a.status == "closed" and a.assigned_to == coordinator and a.expires_at is not None
    note = a.notes.get()
    assert note.text == "Ringde upp" and note.author == coordinator
    assert AuditEvent.objects.filter(action="edit", references="KON-AAAAAA").exists()


def test_administrator_reads_the_audit_log(client_as, submissions):
    client = client_as("Coordinators")
    client.get(f"/admin/inbox/inspect/{submissions[0].pk}/")
    assert client.get("/admin/inbox-audit/").status_code == 403
    admin = client_as("Administrators")
    html = admin.get("/admin/inbox-audit/").content.decode()
    assert "KON-AAAAAA" in html
