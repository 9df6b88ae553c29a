"""The language switcher keeps the visitor's place: the step, the answers, the filters, the page.

The first tests are fast unit tests of the link building (home/language_links.py, no database);
the others follow the switcher's links and the step forms' switch posts over HTTP."""
import re
from html import unescape

import pytest
from django.test import RequestFactory

from home import language_links

rf = RequestFactory()


class FakePage:
    """A page at /sv/hitta-stod/ with the routes '' and 'guide/' (like FindSupportPage)."""

    def __init__(self, url="/sv/hitta-stod/"):
        self._url = url
        self.specific_deferred = self

    def get_url(self, request=None):
        return self._url

    def resolve_subpage(self, path):
        from django.http import Http404

        if path not in ("/", "/guide/"):
            raise Http404
        return None, (), {}


def test_query_string_is_kept_without_one_off_notices():
    request = rf.get("/sv/hitta-stod/", {"topic": "ekonomi", "area": "norrby", "untranslated": "1", "expired": "1"})
    assert language_links.kept_query(request) == "topic=ekonomi&area=norrby"
    assert language_links.kept_query(rf.get("/sv/")) == ""
    assert language_links.kept_query(None) == ""


def test_with_query_joins_with_the_right_separator():
    assert language_links.with_query("/ar/", "") == "/ar/"
    assert language_links.with_query("/ar/", "q=a") == "/ar/?q=a"
    assert language_links.with_query("/ar/?x=1", "q=a") == "/ar/?x=1&q=a"


def test_page_link_keeps_the_route_and_the_filters():
    page = FakePage()
    request = rf.get("/sv/hitta-stod/guide/", {"who": "child", "about": "ekonomi"})
    assert language_links.page_version_url(request, page, "/ar/find-support-ar/") == \
        "/ar/find-support-ar/guide/?who=child&about=ekonomi"
    request = rf.get("/sv/hitta-stod/", {"topic": "ekonomi", "q": "råd och stöd"})
    assert language_links.page_version_url(request, page, "/en/find-support/") == \
        "/en/find-support/?topic=ekonomi&q=r%C3%A5d+och+st%C3%B6d"


def test_page_link_drops_a_route_the_page_does_not_have():
    request = rf.get("/sv/hitta-stod/nonsense/", {"topic": "ekonomi"})
    assert language_links.page_version_url(request, FakePage(), "/en/find-support/") == \
        "/en/find-support/?topic=ekonomi"


def test_page_shown_by_another_view_links_to_the_plain_translation():
    request = rf.get("/sv/elsewhere/", {"topic": "ekonomi"})
    assert language_links.page_version_url(request, FakePage(), "/en/find-support/") == "/en/find-support/"


def test_other_views_keep_path_and_query(settings):
    request = rf.get("/sv/bookings/", {"service": "12", "untranslated": "1"})
    assert language_links.path_version_url(request, "ar") == "/ar/bookings/?service=12"


# --- over HTTP, with the demo content -------------------------------------------------------

def switcher(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {code: unescape(href) for href, code in re.findall(r'<a href="([^"]*)" lang="([a-z]+)"', nav)}


@pytest.mark.django_db
def test_finder_and_guide_links_keep_filters_and_question(client):
    links = switcher(client.get("/sv/hitta-stod/?topic=ekonomi&who=19-65&untranslated=1").content.decode())
    assert links["ar"] == "/ar/find-support-ar/?topic=ekonomi&who=19-65"
    assert links["en"].startswith("/en/") and links["en"].endswith("?topic=ekonomi&who=19-65")
    links = switcher(client.get("/sv/hitta-stod/guide/?who=13-18").content.decode())
    assert links["ar"] == "/ar/find-support-ar/guide/?who=13-18"
    html = client.get(links["ar"]).content.decode()
    assert 'name="who" value="13-18"' in html  # the guide goes on at its second question


@pytest.mark.django_db
def test_knowledge_bank_links_keep_search_and_filters(client):
    links = switcher(client.get("/sv/kunskapsbanken/?q=samverkan&type=interim").content.decode())
    assert links["ar"] == "/ar/knowledge-bank-ar/?q=samverkan&type=interim"
    assert links["en"] == "/en/knowledge-bank/?q=samverkan&type=interim"


@pytest.mark.django_db
@pytest.mark.usefixtures("fresh_cache")
def test_contact_form_switch_keeps_step_answers_and_unsent_text(client):
    from forms.models import FormPage, Submission

    sv = FormPage.objects.get(locale__language_code="sv", slug__startswith="kontakta")
    ar = FormPage.objects.get(locale__language_code="ar", translation_key=sv.translation_key)
    first = sv.get_form_fields().exclude(field_type="step").filter(field_type="radio").first()
    choices = [c.strip() for c in first.choices.splitlines()]
    ar_first = ar.get_form_fields().get(clean_name=first.clean_name)
    ar_choices = [c.strip() for c in ar_first.choices.splitlines()]
    # Step 1 answered in Swedish (whatever it asks: the step's own answers are posted back).
    step1 = client.get(sv.url)
    assert step1.status_code == 200
    data = _valid_answers(sv, 1)
    r = client.post(sv.url, data)
    assert r.status_code == 302 and r["Location"].endswith("/step/2/")
    # The switcher on step 2 leads to step 2 in Arabic.
    links = switcher(client.get(sv.url + "step/2/").content.decode())
    assert links["ar"] == ar.url + "step/2/"
    # Posting step 2 for the switch (what language-switch.js does) keeps the half-typed text.
    step2_names = _step_field_names(sv, 2)
    text_name = next(n for n in step2_names if _field(sv, n).field_type in ("singleline", "multiline"))
    r = client.post(sv.url + "step/2/", {text_name: "Ami", language_links.SWITCH_FIELD: "ar"})
    assert r.status_code == 302 and r["Location"] == ar.url + "step/2/"
    html = client.get(r["Location"]).content.decode()
    assert 'value="Ami"' in html or ">Ami</textarea>" in html
    # Step 1 in Arabic shows the Swedish answer as the same Arabic choice.
    html = unescape(client.get(ar.url).content.decode())
    chosen = ar_choices[choices.index(data[first.clean_name])]
    assert re.search(rf'value="{re.escape(chosen)}"[^>]*checked', html), chosen
    # Finishing in Arabic stores the choice in Swedish, as every submission does.
    _finish(client, ar, start=2)
    submission = Submission.objects.get(form_page=sv)
    assert submission.data[first.clean_name] == data[first.clean_name] and submission.language == "ar"


@pytest.mark.django_db
def test_switch_on_a_page_without_translation_goes_to_that_languages_home(client):
    from home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="sv")
    page = home.add_child(instance=StandardPage(title="Bara på svenska", slug="bara-svenska-2"))
    page.save_revision().publish()
    request = rf.get(page.url)
    assert language_links.url_for_language(request, page, "ar") == "/ar/?untranslated=1"


@pytest.mark.django_db
def test_funding_wizard_switch_keeps_what_was_typed(client):
    from django.urls import reverse

    from funding.models import Application, FundProgrammePage
    from tests.factories import ApplicantFactory

    lead = ApplicantFactory(username="kim-switch", email="kim-switch@example.org")
    client.force_login(lead)
    fund = FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel")
    client.post(reverse("funding:start", args=[fund.pk]))
    app = Application.objects.filter(user=lead).latest("pk")
    url = reverse("funding:apply", args=[app.pk, "applicant"])
    r = client.post(url, {"applicant-organisation": "Norrby förening", "applicant-giro_number": "12",
                          f"application_{app.pk}-current_step": "applicant", language_links.SWITCH_FIELD: "ar"})
    assert r.status_code == 302 and r["Location"] == url.replace("/sv/", "/ar/", 1)
    html = client.get(r["Location"]).content.decode()
    assert 'value="Norrby förening"' in html and 'value="12"' in html


@pytest.mark.django_db
@pytest.mark.usefixtures("fresh_cache")
def test_booking_switch_keeps_the_place_the_time_and_what_was_typed(client):
    from forms.bookings import services
    from forms.bookings.models import Schedule
    from home.models import ServicePage

    service = ServicePage.objects.live().filter(locale__language_code="sv").first()
    links = switcher(client.get(f"/sv/boka/?service={service.pk}").content.decode())
    assert links["ar"] == f"/ar/boka/?service={service.pk}" and links["en"] == f"/en/boka/?service={service.pk}"
    schedule = next(s for s in Schedule.objects.filter(active=True) if services.bookable_slots(s))
    slot = services.bookable_slots(schedule)[0]
    url, booked = f"/sv/boka/{schedule.pk}/", slot.bookings.count()
    assert switcher(client.get(url).content.decode())["ar"] == f"/ar/boka/{schedule.pk}/"
    r = client.post(url, {"slot": slot.pk, "first_name": "Amina", "phone": "070-123 45 67",
                          language_links.SWITCH_FIELD: "ar"})
    assert r.status_code == 302 and r["Location"] == f"/ar/boka/{schedule.pk}/"
    html = client.get(r["Location"]).content.decode()
    assert 'lang="ar"' in html and 'value="Amina"' in html and 'value="070-123 45 67"' in html
    assert re.search(rf'value="{slot.pk}"[^>]*checked', html)
    # Shown once: nothing of it is left in the session, and no booking was made.
    assert 'value="Amina"' not in client.get(r["Location"]).content.decode()
    assert slot.bookings.count() == booked


# --- helpers: answers for whatever a demo form's step asks ------------------------------------

def _steps(page):
    from forms import flow

    return flow.build_steps(page)


def _field(page, name):
    return page.get_form_fields().get(clean_name=name)


def _step_field_names(page, number):
    return [f.clean_name for f in _steps(page)[number - 1].fields]


def _valid_answers(page, number):
    """Answers that pass a step of the demo forms: the first choice, a Swedish phone number…"""
    data = {}
    for field in _steps(page)[number - 1].fields:
        choices = [c.strip() for c in (field.choices or "").splitlines() if c.strip()]
        kind = field.field_type
        if kind in ("radio", "dropdown"):
            data[field.clean_name] = choices[0]
        elif kind in ("checkboxes",):
            data[field.clean_name] = [choices[0]]
        elif kind in ("checkbox", "consent"):
            data[field.clean_name] = "on"
        elif kind == "phone":
            data[field.clean_name] = "070-123 45 67"
        elif kind == "email":
            data[field.clean_name] = "amira@example.com"
        elif kind in ("date", "futuredate"):
            import datetime

            data[field.clean_name] = (datetime.date.today() + datetime.timedelta(days=7)).isoformat()
        elif kind == "number":
            data[field.clean_name] = "1"
        else:
            data[field.clean_name] = "Amira"
    return data


def _finish(client, page, start):
    steps = _steps(page)
    for number in range(start, len(steps) + 1):
        url = page.url if number == 1 else page.url + f"step/{number}/"
        r = client.post(url, _valid_answers(page, number))
        assert r.status_code == 302, r.content.decode()[:2000]
    r = client.post(page.url + "check/")
    assert r.status_code == 302 and r["Location"].endswith("/sent/"), r["Location"]
