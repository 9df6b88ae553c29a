"""Issue 11, finding D: pages with one person's data are never stored by a browser or a proxy
(`Cache-Control: no-store, private`); public pages keep the anonymous page cache. Names shown to
staff cannot reorder the text around them (bidi controls removed, the value isolated)."""
import pytest
from django.core.cache import cache
from django.test import Client

from forms.models import FormPage
from funding.models import Application

pytestmark = pytest.mark.django_db


def no_store(response):
    value = response.get("Cache-Control", "")
    return "no-store" in value and "private" in value


@pytest.fixture
def lead_app():
    return Application.objects.filter(user__username="projektledare").first()


def test_applicant_pages_and_pdfs_are_not_stored(client, lead_app):
    client.force_login(lead_app.user)
    for url in ("/sv/funding/my/", f"/sv/funding/my/{lead_app.pk}/", f"/sv/funding/my/{lead_app.pk}/pdf/",
                f"/ar/funding/my/{lead_app.pk}/"):
        response = client.get(url)
        assert response.status_code == 200 and no_store(response), (url, response.get("Cache-Control"))
    draft = Application.objects.create(user=lead_app.user, fund=lead_app.fund, language="sv", title="Ny idé")
    response = client.get(f"/sv/funding/apply/{draft.pk}/applicant/")
    assert response.status_code == 200 and no_store(response)


def test_final_report_pages_and_pdf_are_not_stored():
    project = Application.objects.get(user__username="projektledare2")
    client = Client()
    client.force_login(project.user)
    for url in (f"/sv/funding/my/{project.pk}/final-report/", f"/sv/funding/my/{project.pk}/final-report/summary/",
                f"/sv/funding/my/{project.pk}/final-report/pdf/"):
        response = client.get(url)
        assert response.status_code == 200 and no_store(response), url


def test_form_check_page_is_not_stored(client):
    cache.clear()
    base = FormPage.objects.get(locale__language_code="sv", slug__startswith="kontakta").url
    client.post(base, {"arende": "Ekonomi", "meddelande": "Hjälp med räkningarna"})
    r = client.post(base + "step/2/", {"fornamn": "Amira", "telefon": "070-123 45 67", "e_post": "amira@example.com",
                                       "kontaktsatt": ["SMS"]})
    assert r["Location"].endswith("/check/")
    response = client.get(base + "check/")
    assert response.status_code == 200 and "Amira" in response.content.decode() and no_store(response)
    assert no_store(client.get(base + "step/2/"))


def test_public_pages_stay_cacheable():
    cache.clear()
    anonymous = Client()
    for url in ("/sv/", "/sv/sok-medel/"):
        response = anonymous.get(url)
        assert response.status_code == 200 and "no-store" not in response.get("Cache-Control", ""), url


RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: "Amira\u202efdp.exe" shows as "Amiraexe.pdf"


def test_names_shown_to_staff_are_isolated(client_as):
    from django.urls import reverse
    from django.utils import timezone

    from forms.bookings import services
    from forms.bookings.models import Booking, Schedule
    from forms.models import Submission
    from funding import workflow
    from reports.models import FinalReport

    slot = services.bookable_slots(Schedule.objects.filter(active=True).first())[0]
    Booking.objects.create(slot=slot, seat=1, first_name=f"Amira{RLO}fdp.exe", email="amira@example.se", language="sv")
    app = Application.objects.exclude(status=workflow.DRAFT).filter(user__username="projektledare").first()
    Application.objects.filter(pk=app.pk).update(title=f"Projekt{RLO}gnalk", organisation=f"Förening{RLO}x")
    report = FinalReport.objects.get(application__user__username="projektledare2")
    FinalReport.objects.filter(pk=report.pk).update(status=FinalReport.Status.SUBMITTED)
    Application.objects.filter(pk=report.application_id).update(title=f"Slutrapport{RLO}tset")
    contact = FormPage.objects.get(locale__language_code="sv", slug="kontakta-rad-och-stod")
    submission = Submission.objects.create(reference="KON-BIDI", form_page=contact, language="sv",
                                           data={"fornamn": f"Kim{RLO}nomis"}, confirmed_at=timezone.now())

    coordinator = client_as("Coordinators")
    day = timezone.localtime(slot.starts_at).date().isoformat()
    pages = {
        "bookings": (coordinator, reverse("bookings_overview") + f"?date={day}", "<bdi>Amirafdp.exe</bdi>"),
        "inbox": (coordinator, f"/admin/inbox/inspect/{submission.pk}/", "<bdi>Kimnomis</bdi>"),
    }
    for name, (client, url, expected) in pages.items():
        html = client.get(url).content.decode()
        assert RLO not in html and expected in html, name
    manager = client_as("Fund managers")
    for url, expected in [
        (reverse("funding_applications:index"), "Projektgnalk</bdi>"),
        (reverse("funding_applications:inspect", args=[app.pk]), "<bdi>Föreningx</bdi>"),
        (reverse("final_reports:index"), "Slutrapporttset</bdi>"),
        (reverse("final_reports:inspect", args=[report.pk]), "<bdi>Slutrapporttset</bdi>"),
    ]:
        response = manager.get(url)
        html = response.content.decode()
        assert response.status_code == 200 and RLO not in html and expected in html, url
