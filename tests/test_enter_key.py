"""Enter means "save and go on" in every multi-step form (issue 15, item 5).

A browser submits a form on Enter with the form's *first* submit button. In the funding wizard
and the final-report wizard that was "Previous step" (formnovalidate: the lead landed on the
previous step and what was typed here was gone), "Save and continue later" on step 1 (out of
the wizard) or "Add a row" on the table steps. Now each form starts with a hidden copy of the
"next" button, and "Previous step" keeps what was typed.

The HTML test walks every step of both wizards and the contact form; the browser test shows
Chromium really submits with it.
"""
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from funding.forms import STEPS as APPLICATION_STEPS
from funding.models import Application, FundProgrammePage
from reports.final_forms import STEPS as FINAL_STEPS


class FirstSubmit(HTMLParser):
    """The first submit button inside the first form with method=post."""

    def __init__(self):
        super().__init__()
        self.in_form = False
        self.first = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post" and self.first is None:
            self.in_form = True
        elif tag == "button" and self.in_form and self.first is None and attrs.get("type", "submit") == "submit":
            self.first = attrs

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False


def first_submit(response):
    parser = FirstSubmit()
    parser.feed(response.content.decode())
    assert parser.first is not None, "no submit button in the form"
    return parser.first


def is_next_button(attrs):
    """A plain submit: no name (not previous, save-for-later or add-a-row) and validated."""
    return "name" not in attrs and "formnovalidate" not in attrs


@pytest.mark.django_db
@pytest.mark.parametrize("step", [name for name, _form, _title in APPLICATION_STEPS])
def test_application_wizard_enter_goes_on(client, step):
    lead = Application.objects.filter(user__username="projektledare").first().user
    client.force_login(lead)
    fund = FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel")
    client.post(reverse("funding:start", args=[fund.pk]))
    app = Application.objects.filter(user=lead).latest("pk")
    response = client.get(reverse("funding:apply", args=[app.pk, step]))
    assert response.status_code == 200
    assert is_next_button(first_submit(response)), first_submit(response)


@pytest.mark.django_db
@pytest.mark.parametrize("step", [name for name, _form, _title in FINAL_STEPS])
def test_final_report_wizard_enter_goes_on(client, step):
    project = Application.objects.get(user__username="projektledare2")
    client.force_login(project.user)
    response = client.get(f"/sv/funding/my/{project.pk}/final-report/{step}/")
    assert response.status_code == 200
    assert is_next_button(first_submit(response)), first_submit(response)


@pytest.mark.django_db
@pytest.mark.parametrize("lang,slug", [("sv", "kontakta"), ("sv", "boka-mote"), ("ar", "contact"),
                                       ("en", "request-a-meeting")])
def test_contact_and_school_forms_enter_goes_on(client, lang, slug):
    from forms.models import FormPage

    form = FormPage.objects.get(locale__language_code=lang, slug__startswith=slug)
    response = client.get(form.url)
    assert response.status_code == 200
    assert is_next_button(first_submit(response))


@pytest.mark.django_db
def test_previous_step_keeps_what_was_typed(client):
    from tests.test_funding_wizard import post_step

    lead = Application.objects.filter(user__username="projektledare").first().user
    client.force_login(lead)
    fund = FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel")
    client.post(reverse("funding:start", args=[fund.pk]))
    app = Application.objects.filter(user=lead).latest("pk")
    response = post_step(client, app, "project", {"title": "Halvskriven titel"}, wizard_goto_step="applicant")
    assert response.status_code == 302
    page = client.get(reverse("funding:apply", args=[app.pk, "project"])).content.decode()
    assert 'value="Halvskriven titel"' in page


@pytest.mark.browser
def test_enter_in_the_funding_wizard_saves_and_goes_on(live_url, page):
    from tests.browser.test_funding_browser import log_in

    log_in(page, live_url, "projektledare@lotsa.example", "lotsa-projektledare-demo")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto(f"{live_url}/sv/sok-medel/lokala-utvecklingsmedel/")
    with page.expect_navigation():
        page.get_by_role("button", name="Ansök", exact=True).click()
    assert page.url.endswith("/applicant/")
    page.fill("#id_applicant-organisation", "Norrby stadsdelsförvaltning")
    with page.expect_navigation():
        page.press("#id_applicant-organisation", "Enter")
    # the lead's organisation profile filled in the rest of the step: Enter saved it and went on
    assert page.url.endswith("/project/"), page.url
    page.goto(page.url.replace("/project/", "/applicant/"))
    assert page.input_value("#id_applicant-organisation") == "Norrby stadsdelsförvaltning"
    page.fill("#id_applicant-kst", "1002")
    page.check("#id_applicant-giro_type_0")
    page.fill("#id_applicant-giro_number", "5050-1055")
    page.fill("#id_applicant-contact_name", "Kim Projekt")
    page.fill("#id_applicant-contact_email", "kim@example.org")
    page.fill("#id_applicant-head_name", "Alex Chef")
    page.fill("#id_applicant-sign_place", "Stockholm")
    with page.expect_navigation():
        page.press("#id_applicant-sign_place", "Enter")
    assert page.url.endswith("/project/"), page.url
    page.fill("#id_project-title", "Tidigt stöd i Norrby")
    with page.expect_navigation():
        page.press("#id_project-title", "Enter")  # was: "Previous step", and the title was gone
    assert page.url.endswith("/project/"), page.url
    assert page.input_value("#id_project-title") == "Tidigt stöd i Norrby"
    assert re.search(r"error", page.locator(".error-summary").get_attribute("class") or "")
