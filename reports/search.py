"""Knowledge-bank search: full-text query, facets with counts, sorting and pagination.

Everything reads the denormalised search table (``reports.search_index``): on PostgreSQL a
``tsvector`` per report stemmed with the report's language (GIN index), on SQLite lower-cased text
matched word by word. Three queries whatever the number of reports: one statement with every
facet's counts (one GROUP BY per facet over the matched rows; their sum is the total), the ids of
one page of results (ranked on PostgreSQL with ``ts_rank``, LIMIT/OFFSET), and those pages. The
answer of the first statement is cached per search until the next publish."""
import hashlib
import re
from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection, transaction
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from reports.models import ReportPage, ReportTopic, ReportType, Topic

PER_PAGE = 10
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
    text = re.sub(r"[\x00-\x1f\x7f<>{}\[\]\\^~*]+", " ", text)  # quotes stay: "a phrase"
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
        # PostgreSQL cannot compare text containing NUL: drop it rather than answer 500
        "org": [v.replace("\x00", "")[:200] for v in get.getlist("org") if v.replace("\x00", "").strip()],
        "fund": [v.replace("\x00", "")[:200] for v in get.getlist("fund") if v.replace("\x00", "").strip()],
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


def _where(index_page, query, selected):
    """SQL conditions (and their parameters) for the live, public reports of this knowledge bank
    that match the query and the selected facets, on the search table."""
    from reports.search_index import config_for_language

    where = [
        "r.locale_id = %s", "r.live = %s", "r.depth = %s", "r.path LIKE %s",
        # Wagtail's .public(): nothing under a page with a view restriction.
        "NOT EXISTS (SELECT 1 FROM wagtailcore_pageviewrestriction v "
        "JOIN wagtailcore_page vp ON vp.id = v.page_id WHERE r.path LIKE vp.path || '%%')",
    ]
    params = [index_page.locale_id, True, index_page.depth + 1, index_page.path + "%"]
    rank, rank_params = None, []
    if query:
        if connection.vendor == "postgresql":
            config = config_for_language(_language_code(index_page.locale_id))
            where.append("r.search @@ websearch_to_tsquery(%s::regconfig, %s)")
            params += [config, query]
            # Ranked by the title's (inline, small) vector, then newest first: ranking every match
            # by the whole text costs ~8x more (each vector read from TOAST).
            rank, rank_params = "ts_rank(r.title_search, websearch_to_tsquery(%s::regconfig, %s))", [config, query]
        else:
            terms = simple_terms(query)
            if not terms:
                where.append("1 = 0")
            for term in terms:
                where.append("r.search LIKE %s ESCAPE '\\'")
                params.append("%" + re.sub(r"([\\%_])", r"\\\1", term) + "%")
            if terms:
                # The row's text starts with the lower-cased title: title matches first.
                rank, rank_params = "(instr(substr(r.search, 1, length(r.title)), %s) > 0)", [terms[0]]
    for key, column in [("year", "r.year"), ("type", "r.report_type"), ("org", "r.organisation"),
                        ("fund", "r.fund")]:
        if selected[key]:
            where.append(f"{column} IN ({', '.join(['%s'] * len(selected[key]))})")
            params += list(selected[key])
    if selected["topic"]:
        where.append("r.page_id IN (SELECT t.page_id FROM reports_reporttopic t WHERE t.topic IN (%s))"
                     % ", ".join(["%s"] * len(selected["topic"])))
        params += list(selected["topic"])
    return " AND ".join(where), params, rank, rank_params


def simple_terms(query):
    """Lower-cased words and quoted phrases, for the simpler matching on SQLite."""
    terms = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', query):
        term = re.sub(r"^\W+|\W+$", "", (phrase or word).lower())
        if term and term not in terms:
            terms.append(term)
    return terms


_LOCALE_CODES = {}


def _language_code(locale_id):
    if locale_id not in _LOCALE_CODES:
        from wagtail.models import Locale

        _LOCALE_CODES.update(Locale.objects.values_list("pk", "language_code"))
    return _LOCALE_CODES.get(locale_id)


SEARCH_SQL = """
WITH m AS (SELECT r.page_id, r.year, r.report_type, r.organisation, r.fund, r.publication_date, r.title,
                  {rank} AS rank FROM reports_searchrow r WHERE {where})
SELECT 'year', CAST(m.year AS varchar(10)), COUNT(*) FROM m GROUP BY m.year
UNION ALL SELECT 'type', m.report_type, COUNT(*) FROM m GROUP BY m.report_type
UNION ALL SELECT 'org', m.organisation, COUNT(*) FROM m GROUP BY m.organisation
UNION ALL SELECT 'fund', m.fund, COUNT(*) FROM m WHERE m.fund <> '' GROUP BY m.fund
UNION ALL SELECT 'topic', x.topic, COUNT(*) FROM (SELECT DISTINCT t.page_id, t.topic FROM reports_reporttopic t
    WHERE t.page_id IN (SELECT m.page_id FROM m)) x GROUP BY x.topic
UNION ALL SELECT 'hit', CAST(h.page_id AS varchar(20)), h.n FROM (
    SELECT m.page_id, ROW_NUMBER() OVER (ORDER BY {order}) AS n FROM m ORDER BY {order} LIMIT %s OFFSET %s) h
"""
PAGE_SQL = """
SELECT r.page_id FROM reports_searchrow r WHERE {where}
ORDER BY {order} LIMIT %s OFFSET %s
"""


def facet_counts(rows, selected):
    """Facets from (facet, value, count) rows; returns (total, facets)."""
    counts = {key: {} for key, _heading in FACETS}
    for key, value, n in rows:
        if key == "hit":
            continue
        if key == "year":
            value = int(value) if value is not None else None
        counts[key][value] = n
    total = sum(counts["year"].values())
    type_labels = dict(ReportType.choices)
    topic_labels = dict(Topic.choices)
    labels = {"type": lambda v: type_labels.get(v, v), "topic": lambda v: topic_labels.get(v, v)}
    facets = []
    for key, heading in FACETS:
        found = counts[key]
        for value in selected[key]:
            found.setdefault(value, 0)
        label = labels.get(key, lambda v: v)
        options = [
            {"value": str(value), "label": label(value), "count": n, "selected": value in selected[key]}
            for value, n in found.items() if value not in (None, "")
        ]
        if key == "year":
            options.sort(key=lambda o: -int(o["value"]))
        elif key == "topic":
            options.sort(key=lambda o: (-o["count"], str(o["label"])))
        else:
            options.sort(key=lambda o: str(o["label"]))
        if options:
            facets.append(Facet(key, heading, options))
    return total, facets


ORDERS = {
    "relevance": "{t}.rank DESC, {t}.publication_date DESC, {t}.page_id DESC",
    "newest": "{t}.publication_date DESC, {t}.page_id DESC",
    "oldest": "{t}.publication_date ASC, {t}.page_id ASC",
    "title": "{t}.title ASC, {t}.page_id ASC",
}


MAX_PAGE = 100_000  # far past any real bank; keeps OFFSET inside a database integer


def _page_number(value):
    try:
        return min(max(1, int(value)), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


class _Listing:
    """One page of results fetched on demand (the Paginator asks for count() and a slice)."""

    def __init__(self, count, fetch):
        self._count, self._fetch = count, fetch

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self._fetch(key, 1)[0]
        start = key.start or 0
        stop = self._count if key.stop is None else min(key.stop, self._count)
        return self._fetch(start, max(0, stop - start))


def search_reports(index_page, request):
    query = clean_query(request.GET.get("q", ""))
    selected = _selected(request)
    sort = request.GET.get("sort", "")
    if sort not in SORTS or (sort == "relevance" and not query):
        sort = "relevance" if query else "newest"

    where, params, rank, rank_params = _where(index_page, query, selected)
    if not rank:
        rank, rank_params = "0", []
    order = sort if sort in ORDERS else "newest"
    offset = (_page_number(request.GET.get("page", 1)) - 1) * PER_PAGE
    sql = SEARCH_SQL.format(where=where, rank=rank, order=ORDERS[order].format(t="m"))
    args = [*rank_params, *params, PER_PAGE, offset]

    def run_search():
        with connection.cursor() as cursor:
            if query and connection.vendor == "postgresql":
                # Facet counts need no tsvector: reading the matches from the GIN index (a bitmap)
                # is ~20x faster than the sequential scan the planner picks when most reports match.
                with transaction.atomic(savepoint=False):
                    cursor.execute("SET LOCAL enable_seqscan = off")
                    cursor.execute(sql, args)
                    rows = cursor.fetchall()
                    cursor.execute("RESET enable_seqscan")
            else:
                cursor.execute(sql, args)
                rows = cursor.fetchall()
        return rows

    # The bank only changes when something is published, and the page cache's generation (part
    # of every fragment key) moves on every publish: the same search (the unfiltered listing, a
    # popular word) is answered from the cache until then, on every server. Public reports only,
    # the same for every visitor.
    from portal.page_cache import fragment

    wanted = repr((index_page.pk, index_page.path, query, sorted(selected.items()), order, offset))
    rows = fragment("kb-search:" + hashlib.sha1(wanted.encode()).hexdigest(), run_search)
    total, facets = facet_counts(rows, selected)
    hits = [int(value) for _n, value in sorted((n, value) for key, value, n in rows if key == "hit")]

    def fetch(start, limit):
        if limit <= 0:
            return []
        if start == offset:
            ids = hits[:limit]
        else:  # a page past the end: the paginator shows the last one
            with connection.cursor() as cursor:
                cursor.execute(PAGE_SQL.format(where=where, order=ORDERS[order].format(t="r").replace(
                    "r.rank", rank)), [*params, *(rank_params if order == "relevance" else []), limit, start])
                ids = [row[0] for row in cursor.fetchall()]
        if not ids:
            return []
        pages = ReportPage.objects.filter(pk__in=ids).defer_streamfields().defer("document_text")
        by_id = {page.pk: page for page in pages}
        return [by_id[pk] for pk in ids if pk in by_id]

    paginator = Paginator(_Listing(total, fetch), PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(paginator.num_pages)
    page_obj.object_list = list(page_obj.object_list)

    return {
        "kb_query": query,
        "selected": selected,
        "sort": sort,
        "sorts": [(key, label) for key, label in SORTS.items() if key != "relevance" or query],
        "page_obj": page_obj,
        "count": total,
        "facets": facets,
        "any_filter": any(selected.values()),
        "searched": bool(query) or any(selected.values()),
    }
