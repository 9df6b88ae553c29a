"""Digits typed in any script are stored in one form (issue 15, item 8): Arabic-Indic and Persian
digits and the Arabic separators become 0-9 on the server for every public form, and the live
budget totals read them too."""
import pytest
from django.urls import reverse

from funding.models import Application, FundProgrammePage
from portal.digits import normalise
from tests.factories import ApplicantFactory
from tests.test_funding_wizard import APPLICANT, BUDGET, EFFECTS, EQUALITY, METHOD, PROJECT, post_step


@pytest.mark.parametrize("typed,stored", [
    ("١٤٥٠٠٠٠", "1450000"), ("۱۴۵۰۰۰۰", "1450000"), ("١٬٤٥٠٬٠٠٠", "1 450 000"), ("٣٫٥", "3,5"),
    ("٠٧٠-١١١ ٢٢ ٣٣", "070-111 22 33"), ("٥٠٥٠-١٠٥٥", "5050-1055"), ("بيت، ٣ غرف", "بيت، 3 غرف"),
    ("أهلاً، كيف حالك؟", "أهلاً، كيف حالك؟"), ("1 450 000", "1 450 000"), ("", "")])
def test_normalise(typed, stored):
    assert normalise(typed) == stored


@pytest.mark.django_db
def test_budget_and_bankgiro_typed_in_arabic_indic_digits_are_stored_as_digits(client):
    lead = ApplicantFactory(username="layla", email="layla@example.org")
    client.force_login(lead)
    fund = FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel")
    client.post(reverse("funding:start", args=[fund.pk]))
    app = Application.objects.filter(user=lead).latest("pk")
    assert post_step(client, app, "applicant", {**APPLICANT, "giro_number": "٥٠٥٠-١٠٥٥", "kst": "١٠٠٢"}).status_code == 302
    for step, fields in [("project", PROJECT), ("effects", EFFECTS), ("method", METHOD), ("equality", EQUALITY)]:
        assert post_step(client, app, step, fields).status_code == 302
    arabic = {key: value.replace("1 450 000", "١٤٥٠٠٠٠").replace("500 000", "٥٠٠٬٠٠٠").replace("1 000 000", "۱۰۰۰۰۰۰")
              for key, value in BUDGET.items()}
    assert post_step(client, app, "budget", arabic).status_code == 302
    app.refresh_from_db()
    stored = str(app.data)
    assert "5050-1055" in stored and "1002" in stored and "٥" not in stored and "١" not in stored
    assert app.requested_total == 1_500_000 and app.cost_total == 4_500_000


@pytest.mark.django_db
def test_contact_form_phone_in_arabic_indic_digits(client):
    from forms.models import FormPage

    base = FormPage.objects.get(locale__language_code="ar", slug__startswith="contact").url
    client.post(base, {"arende": "الاقتصاد والديون", "meddelande": "مساعدة"})
    client.post(base + "step/2/", {"fornamn": "ليلى", "telefon": "٠٧٠-١١١ ٢٢ ٣٣", "kontaktsatt": ["رسالة نصية"]})
    html = client.get(base + "step/2/").content.decode()
    assert 'value="070-111 22 33"' in html


@pytest.mark.django_db
def test_passwords_are_left_as_typed(client):
    password = "كلمة-سر-١٢٣٤٥٦٧"
    response = client.post("/ar/accounts/signup/", {"email": "sara@example.org", "password1": password, "password2": password})
    assert response.status_code == 302
    from django.contrib.auth import get_user_model

    assert get_user_model().objects.get(email="sara@example.org").check_password(password)


@pytest.mark.browser
def test_live_budget_totals_read_arabic_indic_digits(live_url, page):
    from tests.browser.test_funding_browser import log_in

    log_in(page, live_url, "projektledare@lotsa.example", "lotsa-projektledare-demo")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    fund = FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel")
    page.goto(f"{live_url}/sv/sok-medel/lokala-utvecklingsmedel/")
    with page.expect_navigation():
        page.get_by_role("button", name="Ansök", exact=True).click()
    app = Application.objects.filter(user__username="projektledare", fund=fund).latest("pk")
    page.goto(f"{live_url}/ar/funding/apply/{app.pk}/budget/")
    cell = page.locator("table.budget input.amount").first
    cell.fill("١٤٥٠٠٠٠")
    cell.dispatch_event("input")
    totals = page.locator("table.budget [data-col-total]").all_inner_texts()
    assert any(t.replace("\u00a0", " ").strip().startswith("1 450 000") for t in totals), totals
