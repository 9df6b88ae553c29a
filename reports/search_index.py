"""One denormalised search row per knowledge-bank report (table ``reports_searchrow``).

The knowledge-bank search needs a full-text match, five facets with counts, sorting and one page
of results. Through Wagtail's generic index that was a dozen queries joining the page tree with
``pk IN (thousands of ids)`` lists (~2.4 s at 10,000 reports). Here each report has one row with
everything the search reads: locale, tree position, live flag, the facet columns and, on
PostgreSQL, a ``tsvector`` built with the report's own language configuration (title weight A,
summary B, the rest C) under a GIN index. A search is then two indexed queries on one table:
facet counts (one statement, one ``GROUP BY`` per facet over the matched rows, the total is the
sum of the year counts) and the ids of one page of results (ranked by ``ts_rank`` with a LIMIT),
plus one query for those ten pages.

On SQLite the row holds lower-cased plain text and each word must occur in it (simpler matching).

The rows follow the pages in the page's own transaction (``reports/search_rows.py``: save,
delete, move, and after ``migrate``), whatever the task backend; ``update_index`` rebuilds them
all (``reports/management/commands/update_index.py``); :func:`sync_pages` also works in bulk.
"""
import html
import json
import re

from django.conf import settings
from django.db import connection

TABLE = "reports_searchrow"
TEXT_MAX = 400_000  # characters of body + PDF text per report (a tsvector holds at most 1 MB)
CHUNK = 500

_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


# --- Schema (used by the migration) ------------------------------------------------------------

def create_table(schema_editor):
    vendor = schema_editor.connection.vendor
    search_type = "tsvector" if vendor == "postgresql" else "text"
    schema_editor.execute(f"""
        CREATE TABLE {TABLE} (
            page_id integer NOT NULL PRIMARY KEY,
            locale_id integer NOT NULL,
            path varchar(255) NOT NULL,
            depth integer NOT NULL,
            live boolean NOT NULL,
            title varchar(255) NOT NULL,
            publication_date date NULL,
            year integer NULL,
            report_type varchar(20) NOT NULL,
            organisation varchar(200) NOT NULL,
            fund varchar(200) NOT NULL,
            search {search_type} NOT NULL
        )""")
    pattern_ops = " varchar_pattern_ops" if vendor == "postgresql" else ""
    schema_editor.execute(f"CREATE INDEX {TABLE}_path ON {TABLE} (path{pattern_ops})")
    schema_editor.execute(f"CREATE INDEX {TABLE}_locale_date ON {TABLE} (locale_id, publication_date)")
    if vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX {TABLE}_search ON {TABLE} USING gin (search)")


def add_title_vector(schema_editor):
    """PostgreSQL only: ``title_search`` (the title's tsvector, stored inline: ranking reads it for
    every matched row) and a low TOAST threshold, so the full vector lives out of line and the
    main table that facet counts scan stays small."""
    global _HAS_TITLE
    _HAS_TITLE = None
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} ADD COLUMN title_search tsvector NOT NULL DEFAULT ''")
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN title_search SET STORAGE PLAIN")
    schema_editor.execute(f"ALTER TABLE {TABLE} SET (toast_tuple_target = 128)")


def drop_table(schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


# --- Text ------------------------------------------------------------------------------------

def config_for_language(code):
    """The PostgreSQL text-search configuration for a language code (sv -> swedish...)."""
    from reports.search_backend import DEFAULT_LANGUAGE_CONFIGS

    params = settings.WAGTAILSEARCH_BACKENDS.get("default", {})
    configs = {**DEFAULT_LANGUAGE_CONFIGS, **params.get("LANGUAGE_CONFIGS", {})}
    fallback = params.get("SEARCH_CONFIG") or "simple"
    if not code:
        return fallback
    return configs.get(code, configs.get(code.split("-")[0], fallback))


def plain(value):
    """Text of a rich-text or plain string: tags removed, entities decoded, spaces collapsed."""
    return _SPACE.sub(" ", html.unescape(_TAGS.sub(" ", value or ""))).strip()


def stream_text(raw):
    """Every string inside a StreamField's JSON (block values), whatever the block types."""
    if raw is None:
        return ""
    if isinstance(raw, (str, bytes)):
        try:
            raw = json.loads(raw or "[]")
        except ValueError:
            return plain(raw if isinstance(raw, str) else raw.decode("utf-8", "replace"))
    parts = []

    def walk(value, key=None):
        if isinstance(value, str):
            if key not in ("type", "id", "chart", "unit") and value:
                parts.append(plain(value))
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v, key if key != "type" else None)

    walk(raw)
    return " ".join(p for p in parts if p)


# --- Keeping the rows in step ------------------------------------------------------------------

_SELECT = """
    SELECT p.id, p.locale_id, l.language_code, p.path, p.depth, p.live, p.title,
           r.publication_date, r.report_type, r.organisation, r.fund,
           r.summary, r.authors, r.administration, r.project, r.body, r.document_text
    FROM reports_reportpage r
    JOIN wagtailcore_page p ON p.id = r.page_ptr_id
    JOIN wagtailcore_locale l ON l.id = p.locale_id
"""


def _row(record):
    (pk, locale_id, code, path, depth, live, title, date, rtype, org, fund,
     summary, authors, administration, project, body, document_text) = record
    if isinstance(date, str):  # SQLite hands dates back as text in raw queries
        year = int(date[:4]) if date[:4].isdigit() else None
    else:
        year = date.year if date else None
    rest = " ".join(x for x in [authors, org, administration, fund, project, stream_text(body),
                                plain(document_text)] if x)[:TEXT_MAX]
    return {
        "page_id": pk, "locale_id": locale_id, "path": path, "depth": depth, "live": bool(live),
        "title": title[:255], "publication_date": date, "year": year, "report_type": rtype,
        "organisation": org, "fund": fund, "config": config_for_language(code),
        "a": title, "b": plain(summary), "c": rest,
    }


_COLUMNS = "page_id, locale_id, path, depth, live, title, publication_date, year, report_type, organisation, fund"


def sync_pages(page_ids):
    """(Re)build the rows of these pages from the database, in bulk; ids of other page types or of
    deleted pages just lose their row."""
    ids = sorted({int(pk) for pk in page_ids if pk is not None})
    if not ids:
        return 0
    postgres = connection.vendor == "postgresql"
    written = 0
    with connection.cursor() as cursor:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {TABLE} WHERE page_id IN ({marks})", chunk)
            cursor.execute(f"{_SELECT} WHERE p.id IN ({marks})", chunk)
            rows = [_row(record) for record in cursor.fetchall()]
            if not rows:
                continue
            if postgres:
                title_column, title_value = _title_vector(cursor)
                sql = (f"INSERT INTO {TABLE} ({_COLUMNS}, search{title_column}) VALUES (%s, %s, %s, %s, %s, %s, %s, "
                       "%s, %s, %s, %s, "
                       "setweight(to_tsvector(%s::regconfig, %s), 'A') || "
                       "setweight(to_tsvector(%s::regconfig, %s), 'B') || "
                       f"setweight(to_tsvector(%s::regconfig, %s), 'C'){title_value})")
                params = [[r["page_id"], r["locale_id"], r["path"], r["depth"], r["live"], r["title"],
                           r["publication_date"], r["year"], r["report_type"], r["organisation"], r["fund"],
                           r["config"], r["a"], r["config"], r["b"], r["config"], r["c"],
                           *([r["config"], r["a"]] if title_column else [])] for r in rows]
            else:
                sql = f"INSERT INTO {TABLE} ({_COLUMNS}, search) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
                params = [[r["page_id"], r["locale_id"], r["path"], r["depth"], r["live"], r["title"],
                           r["publication_date"], r["year"], r["report_type"], r["organisation"], r["fund"],
                           " ".join([r["a"], r["b"], r["c"]]).lower()] for r in rows]
            cursor.executemany(sql, params)
            written += len(rows)
    return written


def _title_vector(cursor):
    """The title column's SQL, when the table has it (it does after migration 0005)."""
    global _HAS_TITLE
    if _HAS_TITLE is None:
        cursor.execute("SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
                       [TABLE, "title_search"])
        _HAS_TITLE = cursor.fetchone() is not None
    return (", title_search", ", to_tsvector(%s::regconfig, %s)") if _HAS_TITLE else ("", "")


_HAS_TITLE = None


def delete_pages(page_ids):
    ids = [int(pk) for pk in page_ids if pk is not None]
    if ids:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE page_id IN ({', '.join(['%s'] * len(ids))})", ids)


def missing_page_ids(page_ids):
    """The ids among ``page_ids`` that have no search row."""
    ids = {int(pk) for pk in page_ids}
    if not ids:
        return []
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT page_id FROM {TABLE}")
        return sorted(ids - {row[0] for row in cursor.fetchall()})


def rebuild():
    """Rows for every report (and none for pages that are gone)."""
    from reports.models import ReportPage

    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")
    return sync_pages(ReportPage.objects.values_list("pk", flat=True))
