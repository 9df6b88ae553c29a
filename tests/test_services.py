"""Service pages, places and hours, quick exit, easy-to-read, JSON-LD, HSDS open data, the
sitemap, the home page's most asked-for services and the admin's review report."""
import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest

from home.hsds import REQUIRED
from home.models import OpeningHours, Place, PlaceException, ServicePage
from home.opening_hours import place_status

pytestmark = pytest.mark.django_db
STHLM = ZoneInfo("Europe/Stockholm")
ADVICE = {"sv": "/sv/insatser/rad-och-stod/", "en": "/en/services/advice-and-support/",
          "ar": "/ar/services-ar/advice-and-support-ar/"}
VIOLENCE = "/sv/insatser/stodsamtal-vid-vald/"


def jsonld(text):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    return json.loads(match.group(1))


# --- demo content ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["sv", "en", "ar"])
def test_demo_catalogue_in_each_language(lang):
    assert ServicePage.objects.live().filter(locale__language_code=lang).count() >= 25
    assert Place.objects.filter(locale__language_code=lang).count() >= 6


def test_advice_and_support_has_drop_in_at_the_library_and_three_neighbourhood_offices():
    advice = ServicePage.objects.get(locale__language_code="sv", slug="rad-och-stod")
    places = [row.place for row in advice.service_places.all()]
    assert [p.slug for p in places] == ["stadsbiblioteket", "traffpunkt-norrby", "traffpunkt-oster", "traffpunkt-vaster"]
    for place in places:
        assert place.hours.filter(kind=OpeningHours.Kind.DROP_IN).exists()


def test_translated_service_points_at_translated_places():
    arabic = ServicePage.objects.get(locale__language_code="ar", slug="advice-and-support-ar")
    names = [row.place.name for row in arabic.service_places.all()]
    assert names[0] == "مكتبة المدينة"
    assert all(row.place.locale_id == arabic.locale_id for row in arabic.service_places.all())


# --- the service page --------------------------------------------------------------------------

def test_service_page_shows_who_how_where_and_when(client):
    response = client.get(ADVICE["sv"])
    assert response.status_code == 200
    text = response.content.decode()
    assert "<h1>Råd- och stöd</h1>" in text
    for fact in ["Vem det är för", "Barn 0–12 år", "Tidigt stöd", "Kostnadsfritt", "Drop-in", "Somaliska",
                 "Dokumenteras något om mig?", "Stadsbiblioteket", "Bibliotekstorget 1, 251 10 Lotsby",
                 "Inrättad genom nämndbeslut SN 2025/112", "Senast granskad 15 oktober 2026"]:
        assert fact in text, fact
    assert re.search(r"(Öppet nu|Stängt nu)", text)
    assert 'href="/sv/insatser/places/stadsbiblioteket/"' in text
    assert 'href="/sv/insatser/rad-och-stod/easy-read/"' in text


def test_arabic_service_page_is_right_to_left_and_translated(client):
    text = client.get(ADVICE["ar"]).content.decode()
    assert '<html lang="ar" dir="rtl">' in text
    assert "<h1>النصح والدعم</h1>" in text
    assert "مكتبة المدينة" in text and "مجانًا" in text


def test_service_page_json_ld_is_a_government_service(client):
    data = jsonld(client.get(ADVICE["en"]).content.decode())
    assert data["@type"] == "GovernmentService"
    assert data["name"] == "Advice & Support"
    assert data["url"] == "http://testserver" + ADVICE["en"]
    assert data["availableLanguage"] == ["sv", "en", "ar", "so"]
    locations = data["availableChannel"]["serviceLocation"]
    assert locations[0]["address"]["streetAddress"] == "Bibliotekstorget 1"
    assert {"dayOfWeek": "https://schema.org/Tuesday", "opens": "10:00", "closes": "19:00",
            "@type": "OpeningHoursSpecification"} in locations[0]["openingHoursSpecification"]


def test_service_without_places_still_renders(client):
    text = client.get("/sv/insatser/faltassistenter/").content.decode()
    assert "Insatsen har ingen fast plats" in text
    assert "Öppet nu" not in text


def test_quick_exit_only_on_sensitive_pages(client):
    text = client.get(VIOLENCE).content.decode()
    assert 'id="quick-exit"' in text and "Lämna sidan snabbt" in text
    assert "home/quick-exit.js" in text
    # before the header and its menu: the first stop after the skip link (tested by Tab in
    # tests/browser/test_finder_browser.py)
    assert text.index('class="skip-link"') < text.index('id="quick-exit"') < text.index('<header')
    assert 'id="quick-exit"' not in client.get(ADVICE["sv"]).content.decode()


def test_easy_to_read_version(client):
    text = client.get(ADVICE["sv"] + "easy-read/").content.decode()
    assert "Lättläst" in text and "Du behöver inte ansöka." in text
    ar = client.get(ADVICE["ar"] + "easy-read/").content.decode()
    assert "لا تحتاج إلى تقديم طلب." in ar
    assert client.get("/sv/insatser/laxhjalp/easy-read/").status_code == 404


def test_place_page_lists_hours_exceptions_and_services(client):
    response = client.get("/sv/insatser/places/stadsbiblioteket/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "<h1>Stadsbiblioteket</h1>" in text
    assert "Hörslinga vid informationsdisken".lower() in text.lower()
    assert '<th scope="row">tisdag</th>' in text and "13:00–16:00" in text
    assert "Läxhjälp" in text and "Råd- och stöd" in text
    assert client.get("/sv/insatser/places/finns-inte/").status_code == 404


# --- opening hours -----------------------------------------------------------------------------

def library():
    return Place.objects.prefetch_related("hours", "exceptions").get(locale__language_code="sv", slug="stadsbiblioteket")


def at(*args):
    return datetime.datetime(*args, tzinfo=STHLM)


def test_open_now_and_drop_in_now_on_a_tuesday_afternoon():
    status = place_status(library(), at(2026, 11, 24, 14, 0))  # a Tuesday
    assert status.open_now and status.closes_at == at(2026, 11, 24, 19, 0)
    assert status.drop_in_now and status.drop_in_ends == at(2026, 11, 24, 16, 0)


def test_closed_at_night_shows_the_next_opening_and_drop_in():
    status = place_status(library(), at(2026, 11, 23, 22, 30))  # Monday night
    assert not status.open_now
    assert status.next_open == at(2026, 11, 24, 10, 0)
    assert status.next_drop_in == at(2026, 11, 24, 13, 0)


def test_holiday_exception_closes_the_place():
    status = place_status(library(), at(2026, 12, 24, 12, 0))  # Christmas Eve, a Thursday
    assert not status.open_now
    assert status.exception_today.note == "Julafton"
    assert status.next_open == at(2026, 12, 26, 11, 0)  # Boxing Day is a Saturday


def test_exception_with_shorter_hours():
    status = place_status(library(), at(2026, 12, 31, 15, 0))  # New Year's Eve: 10-14 only
    assert not status.open_now


def test_status_is_computed_in_stockholm_time():
    # 12:30 UTC on a Tuesday in winter is 13:30 in Stockholm: drop-in has started.
    utc = datetime.datetime(2026, 11, 24, 12, 30, tzinfo=datetime.UTC)
    assert place_status(library(), utc).drop_in_now
    # in summer (UTC+2) 10:30 UTC is 12:30 local: open, drop-in not yet.
    summer = place_status(library(), datetime.datetime(2026, 6, 9, 10, 30, tzinfo=datetime.UTC))
    assert summer.open_now and not summer.drop_in_now


def test_place_without_hours():
    place = Place(name="Utan tider", slug="utan-tider")
    assert place_status(place).has_hours is False
    place.exceptions = [PlaceException(date=datetime.date(2026, 12, 24), closed=True)]
    assert place_status(place).has_hours is False


# --- open data ---------------------------------------------------------------------------------

def test_hsds_export_has_every_required_field_and_consistent_links(client):
    response = client.get("/sv/open-data/hsds.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["hsds_version"] == "3.0" and data["catalogue_language"] == "sv"
    for kind, required in REQUIRED.items():
        assert data[kind], kind
        ids = [item["id"] for item in data[kind]]
        assert len(ids) == len(set(ids)), f"duplicate ids in {kind}"
        for item in data[kind]:
            for field in required:
                assert item.get(field) not in (None, ""), f"{kind} {item['id']} lacks {field}"
    services = {s["id"]: s for s in data["service"]}
    locations = {loc["id"] for loc in data["location"]}
    assert len(services) == ServicePage.objects.live().filter(locale__language_code="sv").count()
    assert {s["organization_id"] for s in services.values()} <= {o["id"] for o in data["organization"]}
    for link in data["service_at_location"]:
        assert link["service_id"] in services and link["location_id"] in locations
    terms = {t["id"] for t in data["taxonomy_term"]}
    assert all(a["taxonomy_term_id"] in terms and a["link_id"] in services for a in data["attribute"])
    advice = next(s for s in services.values() if s["name"] == "Råd- och stöd")
    assert advice["url"] == "http://testserver" + ADVICE["sv"]
    assert {lang["code"] for lang in data["language"] if lang["service_id"] == advice["id"]} == {"sv", "en", "ar", "so"}
    drop_ins = {(s["byday"], s["opens_at"], s["closes_at"]) for s in data["schedule"]
                if s.get("freq") == "WEEKLY" and s.get("description") == "drop-in"}
    assert ("TU", "13:00", "16:00") in drop_ins  # the city library's drop-in
    closed = [s for s in data["schedule"] if s.get("valid_from") == "2026-12-24"]
    assert closed and closed[0]["notes"] == "closed"


def test_hsds_ids_are_the_same_in_every_language(client):
    sv = {s["id"] for s in client.get("/sv/open-data/hsds.json").json()["service"]}
    ar = client.get("/ar/open-data/hsds.json").json()
    assert sv == {s["id"] for s in ar["service"]}
    assert "النصح والدعم" in {s["name"] for s in ar["service"]}


# --- sitemap, home page, admin -------------------------------------------------------------------

def test_sitemap_has_services_places_guides_and_easy_read(client):
    text = client.get("/sitemap.xml").content.decode()
    for path in [ADVICE["sv"], ADVICE["ar"], "/sv/insatser/places/stadsbiblioteket/",
                 "/ar/services-ar/places/stadsbiblioteket/", "/en/find-support/guide/", ADVICE["en"] + "easy-read/"]:
        assert f"<loc>http://testserver{path}</loc>" in text, path


def test_home_page_shows_most_asked_for_services_and_find_support(client):
    text = client.get("/sv/").content.decode()
    assert "Mest efterfrågade insatser" in text
    assert text.index("Råd- och stöd</a></h3>") < text.index("Föräldrarådgivning</a></h3>")
    assert 'href="/sv/hitta-stod/"' in text
    ar = client.get("/ar/").content.decode()
    assert 'href="/ar/find-support-ar/"' in ar and "الخدمات الأكثر طلبًا" in ar


def test_admin_lists_services_not_reviewed_for_a_year(client_as):
    client = client_as("Editors")
    response = client.get("/admin/reports/unreviewed-services/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Kvällsgrupper för barn som har anhöriga med problem" in text
    assert "Samtal för dig som utövar våld" in text
    assert "Läxhjälp" not in text


def test_editors_can_edit_the_catalogue_snippets(client_as):
    client = client_as("Editors")
    assert client.get("/admin/snippets/home/place/").status_code == 200
    assert client.get("/admin/snippets/home/topic/").status_code == 200


def test_an_administrator_adds_a_service_in_the_admin(client_as):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    from home.models import ServiceIndexPage, Topic

    client = client_as("Administrators")
    index = ServiceIndexPage.objects.get(locale__language_code="sv")
    topic = Topic.objects.get(locale=index.locale, slug="ensamhet")
    data = nested_form_data({
        "title": "Promenadgrupp", "slug": "promenadgrupp", "summary": "Vi går tillsammans varje torsdag.",
        "body": streamfield([]), "level": "promotive",
        "provider": "civil_society", "provider_name": "Friskis", "cost": "", "phone": "", "email": "", "decision_reference": "", "decision_date": "",
        "record_note": "", "last_reviewed": "2026-11-01", "easy_read": rich_text(""), "home_order": "",
        "service_topics": inline_formset([{"topic": topic.pk}]), "service_places": inline_formset([]),
        "action-publish": "publish",
    })
    # several checkboxes with the same name (nested_form_data would number them)
    data.update({"age_groups": ["19-65", "66+"], "access": ["walk_in"], "languages": ["sv", "ar"]})
    response = client.post(f"/admin/pages/add/home/servicepage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ServicePage.objects.get(slug="promenadgrupp")
    assert page.live and page.age_groups == ["19-65", "66+"] and page.languages == ["sv", "ar"]
    assert [row.topic.slug for row in page.service_topics.all()] == ["ensamhet"]
    text = client.get("/sv/hitta-stod/", {"who": "66+", "topic": "ensamhet"}).content.decode()
    assert "Promenadgrupp" in text


def test_place_page_breadcrumb_and_closed_day_in_swedish_and_arabic(client):
    for lang in ("sv", "ar"):
        place = Place.objects.get(locale__language_code=lang, slug="familjehuset")
        PlaceException.objects.create(place=place, locale=place.locale, date=datetime.date.today() + datetime.timedelta(days=2),
                                      closed=True, note="Testdag")
    text = client.get("/sv/insatser/places/familjehuset/").content.decode()
    assert '<li><a href="/sv/insatser/">Insatser</a></li><li aria-current="page">Familjehuset</li>' in text
    assert "stängt (Testdag)" in text and "avslutad" not in text
    ar = client.get("/ar/services-ar/places/familjehuset/").content.decode()
    assert "مغلق (Testdag)" in ar


def test_finder_and_guide_on_a_sensitive_topic_offer_the_quick_exit_and_private_browsing(client):
    """Issue 15, item 14: the finder's and the guide's sensitive topics get the quick exit, the
    topic kept out of the history, and a word on private windows and clearing the history."""
    for path, neutral in [("/sv/hitta-stod/?topic=vald", "/sv/hitta-stod/"),
                          ("/sv/hitta-stod/guide/?who=19-65&about=vald", "/sv/hitta-stod/guide/")]:
        text = client.get(path).content.decode()
        assert 'id="quick-exit"' in text and f'data-forget-url="{neutral}"' in text, path
        assert "Så döljer du ditt besök" in text and "privat fönster" in text, path
        assert text.index('class="skip-link"') < text.index('id="quick-exit"') < text.index('<header')
    assert 'id="quick-exit"' not in client.get("/sv/hitta-stod/").content.decode()
    assert 'id="quick-exit"' not in client.get("/sv/hitta-stod/?topic=ekonomi").content.decode()
    ar = client.get("/ar/find-support-ar/?topic=vald").content.decode()
    assert 'id="quick-exit"' in ar and "نافذة خاصة" in ar
