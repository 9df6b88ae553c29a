"""Knowledge-bank search: full-text query (Wagtail search), facets with counts, sorting and
pagination. A constant number of queries whatever the number of reports: one count and one page
of results, one GROUP BY per facet, one prefetch of topics."""
import re
from dataclasses import dataclass, field

from django.db import connection
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.db.models import prefetch_related_objects
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from reports.models import ReportPage, ReportTopic, ReportType, Topic

PER_PAGE = 10
MAX_MATCHES = 50_000
QUERY_MAX = 200
SORTS = {
    "relevance": _("Relevance"),
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
    "title": _("Title A–Ö"),
}
FACETS = [
    # (GET parameter, heading)
    ("year", _("Year")),
    ("type", _("Report type")),
    ("topic", _("Topic")),
    ("org", _("Organisation")),
    ("fund", _("Fund")),
]


def clean_query(raw):
    text = strip_tags(raw or "")
    text = re.sub(r"[\x00-\x1f\x7f<>{}\[\]\\^~*\"]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()[:QUERY_MAX]


@dataclass
class Facet:
    key: str
    heading: str
    options: list = field(default_factory=list)  # [{value, label, count, selected}]

    @property
    def any_selected(self):
        return any(o["selected"] for o in self.options)


def _selected(request):
    get = request.GET
    years = []
    for value in get.getlist("year"):
        if value.isdigit() and 1900 < int(value) < 2200:
            years.append(int(value))
    return {
        "year": years,
        "type": [v for v in get.getlist("type") if v in ReportType.values],
        "topic": [v for v in get.getlist("topic") if v in Topic.values],
        "org": [v[:200] for v in get.getlist("org") if v.strip()],
        "fund": [v[:200] for v in get.getlist("fund") if v.strip()],
    }


def apply_filters(queryset, selected):
    if selected["year"]:
        queryset = queryset.filter(publication_date__year__in=selected["year"])
    if selected["type"]:
        queryset = queryset.filter(report_type__in=selected["type"])
    if selected["org"]:
        queryset = queryset.filter(organisation__in=selected["org"])
    if selected["fund"]:
        queryset = queryset.filter(fund__in=selected["fund"])
    if selected["topic"]:
        queryset = queryset.filter(pk__in=ReportTopic.objects.filter(topic__in=selected["topic"]).values("page_id"))
    return queryset


def reports_in(index_page):
    return ReportPage.objects.live().public().child_of(index_page).filter(locale_id=index_page.locale_id)


def facet_counts(matched, selected):
    """Counts of each facet value among the matching reports (one query per facet)."""
    years = (matched.annotate(y=ExtractYear("publication_date")).order_by().values("y")
             .annotate(n=Count("pk")).order_by("-y"))
    types = matched.order_by().values("report_type").annotate(n=Count("pk"))
    orgs = matched.order_by().values("organisation").annotate(n=Count("pk")).order_by("organisation")
    funds = matched.exclude(fund="").order_by().values("fund").annotate(n=Count("pk")).order_by("fund")
    topics = (ReportTopic.objects.filter(page__in=matched.order_by().values("pk")).values("topic")
              .annotate(n=Count("page_id", distinct=True)))
    type_labels = dict(ReportType.choices)
    topic_labels = dict(Topic.choices)

    def build(key, heading, rows, name, label=lambda v: v):
        counts = {row[name]: row["n"] for row in rows}
        for value in selected[key]:
            counts.setdefault(value, 0)
        options = [
            {"value": str(value), "label": label(value), "count": n, "selected": value in selected[key]}
            for value, n in counts.items() if value not in (None, "")
        ]
        return Facet(key, heading, options)

    headings = dict(FACETS)
    facets = [
        build("year", headings["year"], years, "y"),
        build("type", headings["type"], types, "report_type", lambda v: type_labels.get(v, v)),
        build("topic", headings["topic"], topics, "topic", lambda v: topic_labels.get(v, v)),
        build("org", headings["org"], orgs, "organisation"),
        build("fund", headings["fund"], funds, "fund"),
    ]
    facets[1].options.sort(key=lambda o: str(o["label"]))
    facets[2].options.sort(key=lambda o: (-o["count"], str(o["label"])))
    return [f for f in facets if f.options]


class _Counted:
    """Search results whose length is already known (Paginator calls count())."""

    def __init__(self, results, count):
        self.results, self._count = results, count

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, key):
        return self.results[key]


def search_reports(index_page, request):
    query = clean_query(request.GET.get("q", ""))
    selected = _selected(request)
    sort = request.GET.get("sort", "")
    if sort not in SORTS or (sort == "relevance" and not query):
        sort = "relevance" if query else "newest"

    filtered = apply_filters(reports_in(index_page), selected)
    if query:
        # The search backend accepts only simple filters on indexed fields; facet filters (years,
        # topics) go in through the primary key.
        searchable = ReportPage.objects.filter(pk__in=filtered.order_by().values("pk")) if any(selected.values()) else filtered
        results = searchable.search(query, operator="and", order_by_relevance=True)
        matching = results.get_queryset().order_by().values("pk")
        if connection.vendor == "postgresql":
            # Run the full-text match once and reuse its ids for the count, facets and sorting.
            matching = list(matching.values_list("pk", flat=True)[:MAX_MATCHES])
        matched = ReportPage.objects.filter(pk__in=matching)
    else:
        results = None
        matched = filtered

    if results is not None and sort == "relevance":
        listing = results
        if isinstance(matching, list):
            # The count is already known: no second full-text count query.
            listing = _Counted(results, len(matching))
    else:
        order = {"newest": ("-publication_date", "-pk"), "oldest": ("publication_date", "pk"),
                 "title": ("title", "pk")}[sort if sort != "relevance" else "newest"]
        listing = matched.order_by(*order)

    paginator = Paginator(listing, PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(paginator.num_pages)
    items = list(page_obj.object_list)
    prefetch_related_objects(items, "topics")
    page_obj.object_list = items

    return {
        "kb_query": query,
        "selected": selected,
        "sort": sort,
        "sorts": [(key, label) for key, label in SORTS.items() if key != "relevance" or query],
        "page_obj": page_obj,
        "count": paginator.count,
        "facets": facet_counts(matched, selected),
        "any_filter": any(selected.values()),
        "searched": bool(query) or any(selected.values()),
    }
