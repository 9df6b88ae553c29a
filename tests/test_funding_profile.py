"""The applicant profile ("My organisation") that prefills every new application, and "Copy as a
new application" (issue 13, item 1)."""
import pytest
from django.urls import reverse

from funding.models import ApplicantProfile, Application, FundProgrammePage
from tests.factories import ApplicantFactory
from tests.test_funding_wizard import APPLICANT, BUDGET, EFFECTS, EQUALITY, METHOD, PROJECT, post_step, start

pytestmark = pytest.mark.django_db

PROFILE = {"organisation": "Rinkeby-Kista stadsdelsförvaltning", "unit": "Enheten för tidiga insatser",
           "kst": "4711", "giro_type": "bankgiro", "giro_number": "5050-1055", "head_name": "Alex Chef",
           "head_title": "Avdelningschef", "head_email": "alex.chef@example.org", "contact_name": "Kim Projekt",
           "contact_email": "kim@example.org", "contact_phone": "08-123 45 67"}


@pytest.fixture
def lead():
    return ApplicantFactory(username="kim", email="kim@example.org")


@pytest.fixture
def lum():
    return FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel")


def test_profile_is_kept_once_and_prefills_every_new_application(client, lead, lum):
    client.force_login(lead)
    page = client.get(reverse("funding:my_applications")).content.decode()
    assert reverse("funding:my_organisation") in page
    assert client.get(reverse("funding:my_organisation")).status_code == 200
    # a wrong giro number is refused with a message, nothing saved
    r = client.post(reverse("funding:my_organisation"), {**PROFILE, "giro_number": "5050-1056"})
    assert r.status_code == 200 and "error-summary" in r.content.decode()
    assert not ApplicantProfile.objects.filter(user=lead).exists()
    r = client.post(reverse("funding:my_organisation"), PROFILE)
    assert r.status_code == 302
    profile = ApplicantProfile.objects.get(user=lead)
    assert profile.kst == "4711" and profile.head_email == "alex.chef@example.org"

    app = start(client, lum)
    assert app.organisation == PROFILE["organisation"]
    html = client.get(reverse("funding:apply", args=[app.pk, "applicant"])).content.decode()
    for value in ["Rinkeby-Kista stadsdelsförvaltning", "Enheten för tidiga insatser", "4711", "5050-1055",
                  "Alex Chef", "Avdelningschef", "alex.chef@example.org", "Kim Projekt", "08-123 45 67"]:
        assert f'value="{value}"' in html, value

    # changed in this application only: the profile stays
    r = post_step(client, app, "applicant", {**APPLICANT, "organisation": "Annan förvaltning", "kst": "1002"})
    assert r.status_code == 302
    app.refresh_from_db()
    assert app.organisation == "Annan förvaltning" and app.answers("applicant")["kst"] == "1002"
    profile.refresh_from_db()
    assert profile.organisation == PROFILE["organisation"] and profile.kst == "4711"
    # reopening the step shows the application's own answers, not the profile's
    html = client.get(reverse("funding:apply", args=[app.pk, "applicant"])).content.decode()
    assert 'value="Annan förvaltning"' in html and 'value="4711"' not in html


def test_profile_needs_an_account(client):
    r = client.get(reverse("funding:my_organisation"))
    assert r.status_code == 302 and "/accounts/login/" in r["Location"]


def submitted_application(client, fund):
    app = start(client, fund)
    for step, fields in [("applicant", APPLICANT), ("project", PROJECT), ("effects", EFFECTS), ("method", METHOD),
                         ("equality", EQUALITY), ("budget", BUDGET), ("attachments", {})]:
        assert post_step(client, app, step, fields).status_code == 302, step
    r = post_step(client, app, "review", {"confirm": "on"})
    while r.status_code == 302 and "/apply/" in r["Location"]:
        r = client.get(r["Location"])
    app.refresh_from_db()
    assert app.status == "signature"  # LUM: waiting for the head's signature (test_funding_signatures.py)
    return app


def test_copy_as_a_new_application(client, lead, lum):
    client.force_login(lead)
    original = submitted_application(client, lum)
    page = client.get(original.get_absolute_url()).content.decode()
    assert reverse("funding:copy", args=[original.pk]) in page and "Kopiera som ny ansökan" in page

    r = client.post(reverse("funding:copy", args=[original.pk]))
    copy = Application.objects.filter(user=lead).latest("pk")
    assert copy.pk != original.pk and r["Location"] == reverse("funding:apply", args=[copy.pk, "applicant"])
    assert copy.status == "draft" and copy.fund == lum and copy.title == PROJECT["title"]
    assert copy.requested_total == 1_500_000 and not copy.attachments.exists()
    html = client.get(reverse("funding:apply", args=[copy.pk, "project"])).content.decode()
    assert 'value="Modell för tidigt socialt stöd"' in html
    html = client.get(reverse("funding:apply", args=[copy.pk, "budget"])).content.decode()
    assert 'value="1 450 000"' in html or 'value="1450000"' in html
    # the review's confirmation is given again for the copy
    assert "review" not in copy.data["wizard"]["step_data"]
    # the original is untouched
    original.refresh_from_db()
    assert original.status == "signature" and original.transitions.count() == 1


def test_a_fund_may_switch_copying_off(client, lead, lum):
    client.force_login(lead)
    original = submitted_application(client, lum)
    FundProgrammePage.objects.filter(pk=lum.pk).update(allow_copy=False)
    page = client.get(original.get_absolute_url()).content.decode()
    assert reverse("funding:copy", args=[original.pk]) not in page
    count = Application.objects.count()
    r = client.post(reverse("funding:copy", args=[original.pk]))
    assert r.status_code == 302 and Application.objects.count() == count


def test_another_leads_application_cannot_be_copied(client, lead):
    other = Application.objects.get(user__username="projektledare")
    client.force_login(lead)
    count = Application.objects.count()
    assert client.post(reverse("funding:copy", args=[other.pk])).status_code == 404
    assert client.get(reverse("funding:copy", args=[other.pk])).status_code == 405
    assert Application.objects.count() == count
