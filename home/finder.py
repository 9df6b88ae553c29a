"""The service finder and the guided 'find support' questions: parsing the GET parameters
(unknown values are dropped and reported, never an error), and one search whose number of
queries does not depend on the number of services."""
import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from home.models import AGE_GROUPS, AUDIENCES, LEVELS, SERVICE_LANGUAGES, Area, ServicePage, ServiceTopic, Topic
from home.opening_hours import place_status

MAX_QUERY = 200
MAX_WORDS = 8
PAGE_SIZE = 40
WHO_CHOICES = AGE_GROUPS + AUDIENCES
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_text(value):
    """Free text as the finder uses it: control characters out, at most MAX_QUERY characters."""
    value = _CONTROL.sub(" ", value or "").strip()
    return " ".join(value[:MAX_QUERY].split())


@dataclass
class Filters:
    who: str = ""
    topic: str = ""
    area: str = ""
    lang: str = ""
    level: str = ""
    q: str = ""
    q_truncated: bool = False
    cleared: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    areas: list = field(default_factory=list)
    page: int = 1

    LABELS = {"who": _("Who it is for"), "topic": _("Topic"), "area": _("Area"), "lang": _("Language"),
              "level": _("Level")}

    @classmethod
    def from_query(cls, params, locale):
        from portal.page_cache import fragment

        topics = fragment(f"finder-topics:{locale.pk}", lambda: list(Topic.objects.filter(locale=locale)))
        areas = fragment(f"finder-areas:{locale.pk}", lambda: list(Area.objects.filter(locale=locale)))
        allowed = {
            "who": {k for k, _l in WHO_CHOICES},
            "topic": {t.slug for t in topics},
            "area": {a.slug for a in areas},
            "lang": {k for k, _l in SERVICE_LANGUAGES},
            "level": {k for k, _l in LEVELS},
        }
        filters = cls(topics=topics, areas=areas)
        for name, values in allowed.items():
            value = (params.get(name) or "").strip()
            if not value:
                continue
            if value in values:
                setattr(filters, name, value)
            else:
                filters.cleared.append(cls.LABELS[name])
        raw_q = params.get("q") or ""
        filters.q = clean_text(raw_q)
        filters.q_truncated = len(raw_q.strip()) > MAX_QUERY
        try:
            filters.page = max(1, min(int(params.get("page", 1)), 10_000))
        except (TypeError, ValueError):
            filters.page = 1
        return filters

    @property
    def active(self):
        return any([self.who, self.topic, self.area, self.lang, self.level, self.q])

    def query_string(self, **changes):
        from urllib.parse import urlencode

        values = {"who": self.who, "topic": self.topic, "area": self.area, "lang": self.lang,
                  "level": self.level, "q": self.q, **changes}
        return urlencode({k: v for k, v in values.items() if v})

    # Choices for the form's <select>s, in the active language.
    who_choices = property(lambda self: WHO_CHOICES)
    lang_choices = property(lambda self: SERVICE_LANGUAGES)
    level_choices = property(lambda self: LEVELS)


def services_queryset(filters, locale):
    qs = ServicePage.objects.live().public().filter(locale=locale)
    if filters.who:
        qs = qs.filter(Q(age_groups__contains=f",{filters.who},") | Q(audiences__contains=f",{filters.who},"))
    if filters.topic:
        qs = qs.filter(service_topics__topic__slug=filters.topic)
    if filters.area:
        qs = qs.filter(service_places__place__area__slug=filters.area)
    if filters.lang:
        qs = qs.filter(languages__contains=f",{filters.lang},")
    if filters.level:
        qs = qs.filter(level=filters.level)
    for word in filters.q.split()[:MAX_WORDS]:
        qs = qs.filter(Q(title__icontains=word) | Q(summary__icontains=word)
                       | Q(service_topics__topic__name__icontains=word))
    return qs.distinct().order_by("title")


def with_related(qs, topics=True):
    """Services with their place rows and topics (each place is attached by `share_places`)."""
    qs = qs.defer_streamfields().prefetch_related("service_places")
    if topics:
        qs = qs.prefetch_related(Prefetch("service_topics", queryset=ServiceTopic.objects.select_related("topic")))
    return qs


def share_places(services):
    """Attach one Place object per place (with its area, hours and exceptions) to every place
    row of `services`: a handful of places serve hundreds of services, so loading them once
    instead of once per row keeps a long result list cheap."""
    attach_places([row for service in services for row in service.service_places.all()])
    return services


def attach_places(rows):
    """Set `row.place` on place rows (ServicePlace) from every place of the language, kept in
    the fragment cache (purged whenever a place, its hours or anything published changes); a
    place the cache does not know yet is loaded."""
    from home.models import Place
    from portal.page_cache import fragment

    def load(**lookup):
        return {place.pk: place for place in
                Place.objects.filter(**lookup).select_related("area").prefetch_related("hours", "exceptions")}

    if not rows:
        return rows
    locale_id = rows[0].locale_id
    places = fragment(f"places:{locale_id}", lambda: load(locale_id=locale_id))
    missing = {row.place_id for row in rows} - set(places)
    if missing:
        places = {**places, **load(pk__in=missing)}
    for row in rows:
        row.place = places[row.place_id]
    return rows


class _CachedPage:
    """What a Paginator needs of one page of results that came from the cache."""

    def __init__(self, count, ids):
        self._count, self.ids = count, ids

    def count(self):
        return self._count

    def __getitem__(self, key):
        return self.ids


def _result_ids(filters, locale, page_size):
    """(count, page number, ids of that page, cache key) for the filters, from the fragment
    cache (purged on every publish): the same filters ask the same two SQL queries again and again."""
    from portal.page_cache import fragment

    def build():
        paginator = Paginator(services_queryset(filters, locale).values_list("pk", flat=True), page_size)
        page = paginator.get_page(filters.page)
        return paginator.count, page.number, list(page.object_list)

    wanted = (filters.who, filters.topic, filters.area, filters.lang, filters.level, filters.q, filters.page, page_size)
    key = f"{locale.pk}:" + hashlib.sha1(repr(wanted).encode()).hexdigest()
    return (*fragment(f"finder:{key}", build), key)


class Result:
    """One page of finder results: the count and the page come from the (cached) ids; the
    services, grouped by area with their places and opening status, are loaded only when a
    template asks for `groups` (not at all when the rendered list is in the cache)."""

    def __init__(self, count, page, ids, filters, key):
        self.count, self.page, self.ids, self.filters, self.key = count, page, ids, filters, key

    @cached_property
    def services(self):
        return share_places(list(with_related(ServicePage.objects.filter(pk__in=self.ids), topics=False)
                                 .order_by("title")))

    @cached_property
    def groups(self):
        """[(Area, "elsewhere" or None, [(service, place or None, Status or None)])]"""
        filters = self.filters
        groups, no_place, statuses = {}, [], {}
        for service in self.services:
            rows = [row for row in service.service_places.all()
                    if not filters.area or (row.place.area and row.place.area.slug == filters.area)]
            if not rows:
                no_place.append((service, None, None))
            for row in rows:
                if row.place_id not in statuses:
                    statuses[row.place_id] = place_status(row.place)
                groups.setdefault(row.place.area, []).append((service, row.place, statuses[row.place_id]))
        ordered = sorted(((area, items) for area, items in groups.items() if area is not None),
                         key=lambda g: g[0].name)
        if None in groups:
            ordered.append((None, groups[None]))
        if no_place:
            ordered.append(("elsewhere", no_place))
        return ordered


def search(filters, locale, page_size=PAGE_SIZE):
    count, number, ids, key = _result_ids(filters, locale, page_size)
    page = Paginator(_CachedPage(count, ids), page_size).get_page(number)
    return Result(count, page, ids, filters, key)


def rendered_results(result, request, place_base):
    """The HTML of the grouped result list, cached per filter combination and minute (it says
    "open now, until 17:00"), and purged with everything else on publish."""
    from django.template.loader import render_to_string

    from home.opening_hours import now_local
    from portal.page_cache import fragment

    minute = now_local().strftime("%Y%m%d%H%M")
    key = f"finder-html:{result.key}:{request.get_host()}:{translation.get_language()}:{minute}:{place_base}"
    return fragment(key, lambda: render_to_string("home/includes/result_groups.html",
                                                  {"result": result, "place_base": place_base}, request=request),
                    timeout=120)

def service_listing(locale):
    """Every live service of one language, A–Z, for the services index (constant queries)."""
    return share_places(list(with_related(ServicePage.objects.live().public().filter(locale=locale)).order_by("title")))


# --- the guided 'find support' ---------------------------------------------------------------

GUIDE_WHO = [
    ("0-12", _("A child (0–12 years)")), ("13-18", _("A young person (13–18 years)")),
    ("19-65", _("An adult (19–65 years)")), ("66+", _("An older person (66 years or more)")),
    ("parents", _("Me as a parent")), ("professionals", _("Me in my work, about someone else")),
]
GUIDE_URGENT = [("yes", _("Yes, it is urgent or someone is in danger")), ("no", _("No, it is not urgent"))]
NOT_SURE = "other"


QUESTIONS = ("who", "about", "urgent")


@dataclass
class Guide:
    """The three questions as GET parameters. `ask=<question>` asks an answered question again
    (the "Back" link): its answer is shown chosen and the later answers are dropped."""
    who: str = ""
    about: str = ""
    urgent: str = ""
    ask: str = ""
    topics: list = field(default_factory=list)
    cleared: bool = False

    @classmethod
    def from_query(cls, params, locale):
        topics = list(Topic.objects.filter(locale=locale))
        guide = cls(topics=topics)
        checks = {"who": {k for k, _l in GUIDE_WHO}, "about": {t.slug for t in topics} | {NOT_SURE},
                  "urgent": {k for k, _l in GUIDE_URGENT}}
        for name, allowed in checks.items():
            value = (params.get(name) or "").strip()
            if value in allowed:
                setattr(guide, name, value)
            elif value:
                guide.cleared = True
        ask = (params.get("ask") or "").strip()
        if ask in QUESTIONS and getattr(guide, ask):
            guide.ask = ask
            for later in QUESTIONS[QUESTIONS.index(ask) + 1:]:
                setattr(guide, later, "")
        return guide

    @property
    def step(self):
        if self.ask:
            return QUESTIONS.index(self.ask) + 1
        for number, name in enumerate(QUESTIONS, start=1):
            if not getattr(self, name):
                return number
        return 4

    @property
    def chosen(self):
        """The answer to show chosen on the current question (when asked again)."""
        return getattr(self, self.ask) if self.ask else ""

    def _query(self, names, **extra):
        from urllib.parse import urlencode

        return "?" + urlencode({**{n: getattr(self, n) for n in names if getattr(self, n)}, **extra})

    @property
    def earlier_answers(self):
        """(name, value) of the answers before the current question, kept as hidden fields."""
        return [(n, getattr(self, n)) for n in QUESTIONS[:self.step - 1] if getattr(self, n)]

    @property
    def back_query(self):
        """The previous question, its answer chosen; None on the first question."""
        if self.step == 1:
            return None
        previous = QUESTIONS[self.step - 2]
        return self._query(QUESTIONS[:self.step - 1], ask=previous)

    @property
    def complete(self):
        return self.step == 4

    @property
    def is_urgent(self):
        return self.urgent == "yes"

    who_choices = property(lambda self: GUIDE_WHO)
    urgent_choices = property(lambda self: GUIDE_URGENT)

    @property
    def about_choices(self):
        return [(t.slug, t.name) for t in self.topics] + [(NOT_SURE, _("Something else, or I am not sure"))]

    def label(self, name):
        value = getattr(self, name)
        choices = {"who": self.who_choices, "about": self.about_choices, "urgent": self.urgent_choices}[name]
        return dict(choices).get(value, "")

    def filters(self):
        return Filters(who=self.who, topic="" if self.about == NOT_SURE else self.about)

    def finder_query(self):
        return self.filters().query_string()
