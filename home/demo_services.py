"""Demo service catalogue: areas, topics, places with hours, the services index, the 'Find
support' page and 28 services, in Swedish with real wagtail-localize translations in English
and Arabic. Idempotent: what exists is left alone."""
import datetime

from wagtail.models import Locale, Page

from home import demo_services_content as C
from home.demo import TARGET_LANGUAGES, collect_strings, ensure_home, translate_all
from home.localize import translate
from home.models import (Area, FindSupportPage, HomePage, OpeningHours, Place, PlaceException, ServiceIndexPage,
                         ServicePage, ServicePlace, ServiceTopic, Topic)

CONTACT_PAGE_SLUG = "kontakta-rad-och-stod"


def _time(value):
    return datetime.time.fromisoformat(value) if value else None


def ensure_areas(sv):
    """Areas in Swedish, translated before the places that point at them (a translated place
    points at the area's translation). A translation still carrying the Swedish name (made when
    areas became translatable) gets its name."""
    areas = {}
    for slug, name in C.AREAS:
        area = Area.objects.filter(locale=sv, slug=slug).first() or Area.objects.create(locale=sv, slug=slug, name=name["sv"])
        for lang in TARGET_LANGUAGES:
            locale = Locale.objects.filter(language_code=lang).first()
            if locale is None:
                continue
            target = area.get_translation_or_none(locale)
            if target is None or (target.name == area.name != name[lang]):
                translate(area, lang, {area.name: name[lang]})
        areas[slug] = area
    return areas


def ensure_topics(sv):
    topics = {}
    for order, (slug, name) in enumerate(C.TOPICS):
        topic = Topic.objects.filter(locale=sv, slug=slug).first()
        if topic is None:
            topic = Topic.objects.create(locale=sv, slug=slug, name=name["sv"], sort_order=order)
        translate_all(topic, {"name": name})
        topics[slug] = topic
    return topics


def ensure_places(sv, areas):
    places = {}
    for spec in C.PLACES:
        place = Place.objects.filter(locale=sv, slug=spec["slug"]).first()
        if place is None:
            place = Place(
                locale=sv, slug=spec["slug"], name=spec["name"]["sv"], street_address=spec["street"],
                postal_code=spec["postal"], city=C.CITY, area=areas[spec["area"]], directions=spec["directions"]["sv"],
                accessibility=spec["accessibility"]["sv"], phone=spec["phone"], latitude=spec["lat"], longitude=spec["lon"],
            )
            place.hours = [OpeningHours(kind=kind, weekday=day, opens=_time(o), closes=_time(c), sort_order=i)
                           for i, (kind, day, o, c) in enumerate(spec["hours"])]
            place.exceptions = [
                PlaceException(locale=sv, date=d, closed=closed, opens=_time(o), closes=_time(c), note=note["sv"], sort_order=i)
                for i, (d, closed, o, c, note) in enumerate(spec["exceptions"])
            ]
            place.save()
        translate_all(place, {"name": spec["name"], "directions": spec["directions"],
                              "accessibility": spec["accessibility"], "notes": [e[4] for e in spec["exceptions"]]})
        places[spec["slug"]] = place
    return places


def ensure_page(parent, model, spec, **fields):
    page = parent.get_children().filter(slug=spec["slug"]["sv"]).first()
    if page:
        return page.specific, False
    page = model(title=spec["title"]["sv"], slug=spec["slug"]["sv"], **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def rich_list(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def ensure_service(index, spec, topics, places, sv):
    lang = "sv"
    fields = dict(
        summary=spec["summary"][lang],
        body=[("paragraph", f"<p>{spec['body'][lang]}</p>")],
        age_groups=spec["ages"], audiences=spec["audiences"], level=spec["level"], provider=spec["provider"],
        provider_name=spec["provider_name"][lang] if spec["provider_name"] else "", access=spec["access"],
        cost=spec["cost"][lang] if spec["cost"] else "", anonymous=spec["anonymous"], languages=spec["languages"],
        phone=spec["phone"], email=spec["email"], decision_reference=spec["decision"][0],
        decision_date=spec["decision"][1], leaves_record=bool(spec["record"]),
        record_note=spec["record"][lang] if spec["record"] else "", last_reviewed=spec["reviewed"],
        quick_exit=spec["quick_exit"], easy_read=rich_list(spec["easy_read"][lang]) if spec["easy_read"] else "",
        home_order=spec["home_order"], show_in_menus=False,
    )
    existing = index.get_children().filter(slug=spec["slug"]["sv"]).first()
    if existing:
        return existing.specific
    page = ServicePage(title=spec["title"]["sv"], slug=spec["slug"]["sv"], locale=sv, **fields)
    page.service_topics = [ServiceTopic(topic=topics[slug], locale=sv, sort_order=i) for i, slug in enumerate(spec["topics"])]
    page.service_places = [ServicePlace(place=places[slug], locale=sv, sort_order=i) for i, slug in enumerate(spec["places"])]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def service_strings(spec):
    """The {sv, en, ar} texts of a service, including the easy-to-read list items one by one."""
    texts = {k: spec[k] for k in ("title", "slug", "summary", "body", "provider_name", "cost", "record") if spec.get(k)}
    if spec["easy_read"]:
        texts["easy_read"] = [{lang: spec["easy_read"][lang][i] for lang in C.ALL_LANGS}
                              for i in range(len(spec["easy_read"]["sv"]))]
    return texts


def load(stdout, with_users=False):
    home = ensure_home(stdout)
    sv = Locale.objects.get(language_code="sv")
    areas = ensure_areas(sv)
    topics = ensure_topics(sv)
    places = ensure_places(sv, areas)
    index, created = ensure_page(home, ServiceIndexPage, C.INDEX, intro=C.INDEX["intro"]["sv"], show_in_menus=True)
    services = [ensure_service(index, spec, topics, places, sv) for spec in C.SERVICES]
    if created:
        stdout.write(f"  {len(services)} services created")
    translate_all(index, C.INDEX)
    for page, spec in zip(services, C.SERVICES):
        translate_all(page, service_strings(spec))
    advice = next(page for page in services if page.slug == C.ADVICE_SLUG)
    find, _created = ensure_page(home, FindSupportPage, C.FIND, intro=C.FIND["intro"]["sv"],
                                 guide_intro=C.FIND["guide_intro"]["sv"], advice_service=advice,
                                 contact_page_slug=CONTACT_PAGE_SLUG, show_in_menus=True)
    translate_all(find, C.FIND)
    for home_page in HomePage.objects.all():
        if home_page.find_support_page_id is None:
            home_page.find_support_page = find
            home_page.save_revision().publish()
    return []


__all__ = ["load", "collect_strings", "Page"]


def make_bulk_services(index, count, *, word="Volymtjanst", places=(), topics=()):
    """Create `count` live services under `index` fast (no revisions, no moderation), for the
    query-count tests and bench/finder_bench.py. Each gets the given places and topics."""
    from django.db import models as dj_models
    from django.utils import timezone
    from django.utils.text import slugify

    index = Page.objects.get(pk=index.pk)
    last = index.get_last_child()
    first_step = ServicePage._str2int(last.path[-ServicePage.steplen:]) + 1 if last else 1
    now, today = timezone.now(), timezone.localdate()
    base = slugify(word)
    created = []
    for i in range(count):
        step = first_step + i
        slug = f"{base}-{step}"
        page = ServicePage(
            title=f"{word} {step}", draft_title=f"{word} {step}", slug=slug, depth=index.depth + 1, numchild=0,
            path=ServicePage._get_path(index.path, index.depth + 1, step), url_path=f"{index.url_path}{slug}/",
            locale_id=index.locale_id, live=True, has_unpublished_changes=False, first_published_at=now,
            last_published_at=now, summary=f"{word} {step}: stöd för test av prestanda.", age_groups=["19-65"],
            audiences=["parents"], access=["call"], languages=["sv", "ar"], level="early", last_reviewed=today,
        )
        created.append(page)
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import disable_reference_index_auto_update

    post_save.disconnect(post_save_signal_handler, sender=ServicePage)  # no search indexing: the finder does not use it
    try:
        with disable_reference_index_auto_update():
            for page in created:
                dj_models.Model.save(page)
    finally:
        post_save.connect(post_save_signal_handler, sender=ServicePage)
    ServicePlace.objects.bulk_create([ServicePlace(service=page, place=place, locale_id=index.locale_id, sort_order=n)
                                      for page in created for n, place in enumerate(places)])
    ServiceTopic.objects.bulk_create([ServiceTopic(service=page, topic=topic, locale_id=index.locale_id, sort_order=n)
                                      for page in created for n, topic in enumerate(topics)])
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
    from portal.page_cache import purge

    purge()  # no publish signal was sent: drop cached pages, menus and finder results
    return created
