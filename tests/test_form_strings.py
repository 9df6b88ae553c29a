"""Issue 15, items 10–12: required fields say what to do, fields of a known purpose have
`autocomplete`, login and sign-up show the site's error summary, and Arabic pages carry Arabic
names, separators and currency."""
import re
import types

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from forms import demo_content as C
from forms.fields import required_message
from forms.flow import build_steps
from forms.models import FormField, FormPage
from funding import forms as funding_forms
from portal.punctuation import day_and_time
from portal.required_messages import say_what_to_do
from reports import final_forms
from tests.test_funding_wizard import post_step, start

pytestmark = pytest.mark.django_db

DJANGO_DEFAULTS = {"Det här fältet är obligatoriskt.", "This field is required.", "هذا الحقل مطلوب."}
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def errors_of(form):
    return [str(e) for errs in form.errors.values() for e in errs]


# ---- required-field messages ------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["sv", "en", "ar"])
def test_every_required_field_of_every_demo_form_says_what_to_do(lang):
    """Whatever fields the demo forms have: an empty step gives each required field its own
    message (the editor's, or one made from the label), never Django's "This field is required"."""
    pages = FormPage.objects.filter(locale__language_code=lang)
    assert pages.count() >= 3
    checked = 0
    with translation.override(lang):
        for page in pages:
            for step in build_steps(page):
                form = step.form_class()(data={})
                form.is_valid()
                for field in step.fields:
                    if field.required or field.field_type == "consent":
                        assert form.errors[field.clean_name] == [required_message(field)], (page, field.clean_name)
                        checked += 1
                assert not DJANGO_DEFAULTS & set(errors_of(form)), (page.title, step.number)
    assert checked >= 10


def test_messages_made_from_the_label_follow_the_kind_of_answer():
    with translation.override("sv"):
        assert required_message(FormField(label="Förnamn", field_type="singleline")) == "Skriv förnamn."
        assert required_message(FormField(label="Din roll", field_type="dropdown")) == "Välj din roll."
        assert (required_message(FormField(label="Vem gäller det?", field_type="radio"))
                == "Välj ett svar på frågan: Vem gäller det?")
        assert (required_message(FormField(label="Vad hände?", field_type="multiline"))
                == "Svara på frågan: Vad hände?")
        assert required_message(FormField(label="Jag samtycker", field_type="consent")) == "Kryssa i rutan: Jag samtycker"
        own = FormField(label="Förnamn", field_type="singleline", required_message="Skriv ditt förnamn")
        assert required_message(own) == "Skriv ditt förnamn"
    with translation.override("ar"):
        assert required_message(FormField(label="الاسم الأول", field_type="singleline")) == "اكتب الاسم الأول."


def test_the_demo_forms_use_their_own_wording():
    page = FormPage.objects.get(locale__language_code="sv", slug=C.SCHOOL["slug"]["sv"])
    form = build_steps(page)[0].form_class()(data={})
    form.is_valid()
    assert form.errors["namn"] == ["Skriv ditt namn"]
    assert form.errors["skola"] == ["Skriv vilken skola du arbetar på"]


def wizard_forms(module):
    for name, form_class, _title in module.STEPS:
        form = form_class(data={})
        yield name, say_what_to_do(form)


@pytest.mark.parametrize("module", [funding_forms, final_forms], ids=["application", "final report"])
def test_wizard_steps_say_what_to_do(module):
    with translation.override("sv"):
        for name, form in wizard_forms(module):
            form.is_valid()
            assert not DJANGO_DEFAULTS & set(errors_of(form)), name


def test_application_wizard_names_what_is_missing(client, lum):
    from tests.factories import ApplicantFactory

    client.force_login(ApplicantFactory(username="kim2", email="kim2@example.org"))
    app = start(client, lum)
    html = post_step(client, app, "applicant", {"giro_type": "bankgiro"}).content.decode()
    assert "Skriv förvaltningen eller organisationen." in html
    assert "Skriv kontaktpersonens e-postadress." in html
    assert "obligatoriskt" not in html


@pytest.fixture
def lum():
    from funding.models import FundProgrammePage

    return FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel")


@pytest.mark.parametrize("path", ["/sv/accounts/login/", "/sv/accounts/signup/"])
def test_login_and_sign_up_show_the_error_summary_not_browser_bubbles(client, path, fresh_cache):
    page = client.get(path).content.decode()
    assert re.search(r"<form method=\"post\"[^>]*novalidate", page)
    html = client.post(path, {}).content.decode()
    assert 'class="error-summary"' in html
    assert "Skriv din e-postadress." in html and "obligatoriskt" not in html


# ---- autocomplete -----------------------------------------------------------------------------

def rendered(page, clean_name):
    for step in build_steps(page):
        form = step.form_class()()
        if clean_name in form.fields:
            return str(form[clean_name])
    raise AssertionError(clean_name)


@pytest.mark.parametrize("lang", ["sv", "ar"])
def test_fields_of_a_known_purpose_have_autocomplete(lang):
    pages = FormPage.objects.filter(locale__language_code=lang)
    seen = 0
    for page in pages:
        for step in build_steps(page):
            form = step.form_class()()
            for field in step.fields:
                token = C.AUTOCOMPLETE.get(field.clean_name) or {"email": "email", "phone": "tel"}.get(field.field_type)
                if token:
                    assert f'autocomplete="{token}"' in str(form[field.clean_name]), (page, field.clean_name)
                    seen += 1
    assert seen >= 4
    school = pages.get(translation_key=FormPage.objects.get(locale__language_code="sv",
                                                             slug=C.SCHOOL["slug"]["sv"]).translation_key)
    assert 'autocomplete="name"' in rendered(school, "namn")
    assert 'autocomplete="organization"' in rendered(school, "skola")


def test_wizard_organisation_and_contact_fields_have_autocomplete():
    form = funding_forms.ApplicantForm()
    assert 'autocomplete="organization"' in str(form["organisation"])
    assert 'autocomplete="name"' in str(form["contact_name"])
    assert 'autocomplete="email"' in str(form["contact_email"])
    assert 'autocomplete="tel"' in str(form["contact_phone"])


# ---- Arabic pages in Arabic -------------------------------------------------------------------

def test_arabic_footer_names_the_organisation_in_arabic(client):
    html = client.get("/ar/").content.decode()
    footer = html[html.index('id="footer-contact"'):]
    assert "Socialförvaltningen" not in footer
    assert "الإدارة الاجتماعية، فريق النصح والدعم" in footer


def test_arabic_finder_names_the_areas_in_arabic(client):
    from home.models import FindSupportPage

    finder = FindSupportPage.objects.get(locale__language_code="ar")
    html = client.get(finder.url + "?area=centrum").content.decode()
    select = re.search(r'<select id="f-area".*?</select>', html, re.S).group(0)
    assert "Centrum" not in select and "Norrby" not in select
    assert "وسط المدينة" in select and "نوربي" in select
    assert re.search(r'<h3 id="area-\d+">وسط المدينة', html)
    status = re.findall(r'<p class="place-status">(.*?)</p>', html)
    assert status
    for text in status:
        assert not re.search(r"[,;]", re.sub(r"<[^>]+>", "", text)), text


def test_area_slugs_are_the_same_in_every_language():
    from home.models import Area

    sv = set(Area.objects.filter(locale__language_code="sv").values_list("slug", flat=True))
    ar = set(Area.objects.filter(locale__language_code="ar").values_list("slug", flat=True))
    assert sv and sv == ar
    assert not Area.objects.filter(locale__language_code="ar", name__in=["Centrum", "Norrby"]).exists()


def test_date_and_time_joined_with_the_arabic_comma():
    when = timezone.make_aware(timezone.datetime(2026, 12, 3, 10, 0))
    with translation.override("ar"):
        assert day_and_time(when, "l j F Y").endswith("2026، 10:00")
    with translation.override("sv"):
        assert day_and_time(when, "l j F Y") == "torsdag 3 december 2026, 10:00"


def test_open_now_and_the_next_drop_in_are_two_sentences():
    status = types.SimpleNamespace(has_hours=True, exception_today=None, open_now=True,
                                   closes_at=timezone.datetime(2026, 1, 1, 16, 0).time(), next_open=None,
                                   drop_in_now=False, next_drop_in=timezone.make_aware(timezone.datetime(2026, 12, 5, 11)))
    with translation.override("sv"):
        text = re.sub(r"<[^>]+>", "", render_to_string("home/includes/place_status.html", {"status": status}))
    assert re.search(r"16:00\. \S", text), text
    with translation.override("ar"):
        text = re.sub(r"<[^>]+>", "", render_to_string("home/includes/place_status.html", {"status": status}))
    assert "، 11:00" in text and ", " not in text


def test_arabic_report_page_names_its_language_in_arabic(client):
    from reports.models import ReportPage

    report = ReportPage.objects.live().filter(locale__language_code="ar", language="sv").first()
    html = client.get(report.url).content.decode()
    assert "Svenska" not in html[html.index("<main"):]
    assert "السويدية" in html


def test_arabic_fund_page_says_kronor_in_arabic(client):
    from funding.models import FundProgrammePage

    fund = FundProgrammePage.objects.live().filter(locale__language_code="ar").exclude(max_amount=None).first()
    main = client.get(fund.url).content.decode().split("<main", 1)[1]
    assert "كرونة" in main
    assert not re.search(r"\d\u2069? kr\b", main)


def test_arabic_school_form_addresses_one_person():
    sv = FormPage.objects.get(locale__language_code="sv", slug=C.SCHOOL["slug"]["sv"])
    page = FormPage.objects.get(locale__language_code="ar", translation_key=sv.translation_key)
    texts = " ".join(f.label + " " + f.help_text for f in page.form_fields.all())
    assert ARABIC_LETTER.search(texts)
    for plural in ("تفضلون", "يناسبكم", "قلقكم"):
        assert plural not in texts


def test_arabic_wording_in_the_catalogue():
    with translation.override("ar"):
        assert translation.gettext("Effects") == "الأثر المتوقع"
        assert translation.gettext("Sign Up") == "إنشاء حساب"
        assert translation.gettext("Password") == "كلمة المرور"
        assert translation.pgettext("list separator", ", ") == "، "
        assert translation.pgettext("clause separator", "; ") == "؛ "
