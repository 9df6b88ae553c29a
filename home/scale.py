"""Scale data for `manage.py load_scale`: many services in every language, fast.

`bulk_add_children` inserts pages under a parent with a handful of multi-row INSERTs per batch
(the Page rows, then the specific rows) instead of Wagtail's one-page-at-a-time `add_child`,
which is what makes thousands of pages load in seconds. Pages made this way are live, have no
revisions and are not in the search index unless `index=True`."""
import datetime
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page

SCALE_PREFIX = "skala"  # slug prefix of every scale page: how load_scale recognises its own data

WORDS = ("stöd samtal föräldrar barn unga familj råd grupp träffpunkt boende ekonomi skola fritid "
         "hälsa språk arbete trygghet nätverk mottagning rådgivning").split()
AGE_GROUPS = ["0-12", "13-18", "19-65", "66+"]
AUDIENCES = ["parents", "relatives", "professionals"]
ACCESS = ["call", "drop_in", "book", "email"]
LEVELS = ["promotive", "preventive", "early"]


def bulk_add_children(parent, pages, *, batch=500, index=False):
    """Add `pages` (unsaved instances of one Page subclass that inherits directly from Page)
    as the last children of `parent`, live and published now. Returns the saved pages."""
    if not pages:
        return []
    model = type(pages[0])
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen:]) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    child_fields = model._meta.local_concrete_fields
    saved = []
    for start in range(0, len(pages), batch):
        chunk = pages[start:start + batch]
        with transaction.atomic():
            for page in chunk:
                page.path = Page._get_path(parent.path, parent.depth + 1, step)
                step += 1
                page.depth = parent.depth + 1
                page.numchild = 0
                page.url_path = f"{parent.url_path}{page.slug}/"
                page.locale_id = page.locale_id or parent.locale_id
                page.content_type = content_type
                page.draft_title = page.title
                page.live, page.has_unpublished_changes = True, False
                page.first_published_at = page.last_published_at = now
                page.latest_revision_created_at = None
            Page.objects.bulk_create([Page(**{f.attname: getattr(p, f.attname) for f in Page._meta.concrete_fields})
                                      for p in chunk])
            ids = dict(Page.objects.filter(path__in=[p.path for p in chunk]).values_list("path", "pk"))
            for page in chunk:
                page.pk = page.id = page.page_ptr_id = ids[page.path]
                page._state.adding = False
            model._base_manager._insert(chunk, fields=child_fields, raw=True)
            Page.objects.filter(pk=parent.pk).update(numchild=Page.objects.child_of(parent).count())
        if index:
            from wagtail.search.backends import get_search_backend

            get_search_backend().add_bulk(model, list(model.objects.filter(pk__in=[p.pk for p in chunk])))
        saved += chunk
    from portal.page_cache import purge

    purge()  # no publish signal was sent: drop cached pages, menus and finder results
    return saved


def _pick(rng, values, low=1, high=2):
    return sorted(rng.sample(values, rng.randint(low, min(high, len(values)))))


def existing_services():
    from home.models import ServicePage

    return ServicePage.objects.filter(slug__startswith=f"{SCALE_PREFIX}-", locale=Locale.get_default()).count()


def make_services(count, *, rng, batch=500, stdout=None):
    """`count` services in Swedish, each with its English and Arabic version (same
    translation_key, under each language's services index, with that language's topics and
    places), so 3 × count pages. Returns the number of pages created."""
    from home.models import ServiceIndexPage, ServicePage, ServicePlace, ServiceTopic, Place, Topic

    sv = Locale.get_default()
    source_index = ServiceIndexPage.objects.get(locale=sv)
    indexes = {sv.language_code: source_index}
    for translation in source_index.get_translations():
        indexes[translation.locale.language_code] = translation.specific
    keys = [uuid.uuid4() for _ in range(count)]
    first = existing_services()
    specs = []
    today = timezone.localdate()
    for n in range(count):
        words = rng.sample(WORDS, 3)
        specs.append(dict(
            n=first + n + 1, words=words, age_groups=_pick(rng, AGE_GROUPS, 1, 3), audiences=_pick(rng, AUDIENCES, 0, 2),
            access=_pick(rng, ACCESS, 1, 2), level=rng.choice(LEVELS), languages=_pick(rng, ["sv", "en", "ar"], 1, 3),
            anonymous=rng.random() < 0.3, reviewed=today - datetime.timedelta(days=rng.randint(0, 500)),
            topics=rng.randint(0, 12), places=rng.randint(0, 5),
        ))
    made = 0
    for language, index_page in indexes.items():
        locale = index_page.locale
        topics = list(Topic.objects.filter(locale=locale).order_by("sort_order", "pk"))
        places = list(Place.objects.filter(locale=locale).order_by("pk"))
        pages = []
        for key, spec in zip(keys, specs):
            title = f"{spec['words'][0].capitalize()} och {spec['words'][1]} {spec['n']}"
            label = {"sv": "Stöd", "en": "Support", "ar": "دعم"}.get(language, "Stöd")
            pages.append(ServicePage(
                title=title if language == "sv" else f"{label} {spec['n']}: {title}",
                slug=slugify(f"{SCALE_PREFIX}-{spec['n']}-{'-'.join(spec['words'][:2])}") + ("" if language == "sv" else f"-{language}"),
                locale=locale, translation_key=key, show_in_menus=False,
                summary=f"{label}: " + " ".join(spec["words"]) + f" för invånare ({spec['n']}).",
                body=[("paragraph", "<p>" + " ".join(rng.choice(WORDS) for _ in range(60)) + ".</p>")],
                age_groups=spec["age_groups"], audiences=spec["audiences"], access=spec["access"],
                level=spec["level"], languages=spec["languages"], anonymous=spec["anonymous"],
                last_reviewed=spec["reviewed"], phone="08-508 000 00",
            ))
        saved = bulk_add_children(index_page, pages, batch=batch)
        rows_t, rows_p = [], []
        for page, spec in zip(saved, specs):
            if topics:
                for order, i in enumerate(sorted({(spec["topics"] + k * 5) % len(topics) for k in range(2)})):
                    rows_t.append(ServiceTopic(service_id=page.pk, topic=topics[i], locale=locale, sort_order=order))
            if places:
                rows_p.append(ServicePlace(service_id=page.pk, place=places[spec["places"] % len(places)],
                                           locale=locale, sort_order=0))
        ServiceTopic.objects.bulk_create(rows_t, batch_size=1000)
        ServicePlace.objects.bulk_create(rows_p, batch_size=1000)
        made += len(saved)
        if stdout:
            stdout.write(f"  services ({language}): {len(saved)}")
    return made
