"""Wagtail search backend that stems each language with its own rules.

Wagtail's database backend has one ``SEARCH_CONFIG`` for the whole index, so on PostgreSQL every
page would be stemmed as Swedish (or as English). Here each indexed object is turned into a
tsvector with the text-search configuration of its locale (``LANGUAGE_CONFIGS``: sv -> swedish,
en -> english, ar -> arabic), and each query is parsed with the configuration of the language
that is active when it runs (the public views always search the active language's pages).
The index table stays the same, so one backend serves every language and ``update_index`` still
works. SQLite and other databases get Wagtail's own database backend (simpler matching).

The knowledge bank's own search rows (``reports.search_index``) are not kept here but in the
page's transaction (``reports/search_rows.py``): Wagtail may index in a background task.

    WAGTAILSEARCH_BACKENDS = {"default": {
        "BACKEND": "reports.search_backend",
        "SEARCH_CONFIG": "swedish",                      # for objects without a locale
        "LANGUAGE_CONFIGS": {"sv": "swedish", "en": "english", "ar": "arabic"},
    }}
"""
import copy
from collections import defaultdict

from django.db import connection
from django.utils import translation

DEFAULT_LANGUAGE_CONFIGS = {"sv": "swedish", "en": "english", "ar": "arabic", "fi": "finnish"}


def SearchBackend(params):  # noqa: N802 (Wagtail looks up this name)
    if connection.vendor == "postgresql":
        backend = _postgres_backend_class()(params)
    else:
        from modelsearch.backends.database import SearchBackend as database_backend

        backend = database_backend(params)
    return backend


def _locale_codes():
    from wagtail.models import Locale

    return dict(Locale.objects.values_list("pk", "language_code"))


def _postgres_backend_class():
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )

    class LanguageIndex(PostgresIndex):
        def add_items(self, model, objs):
            """Index each object with its own language's configuration."""
            codes = _locale_codes() if any(hasattr(obj, "locale_id") for obj in objs) else {}
            groups = defaultdict(list)
            for obj in objs:
                code = codes.get(getattr(obj, "locale_id", None))
                groups[self.backend.config_for_language(code)].append(obj)
            for config, group in groups.items():
                index = copy.copy(self)
                index.backend = copy.copy(self.backend)
                index.backend.config = config
                PostgresIndex.add_items(index, model, group)

    class LanguageQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return backend.config_for_language(translation.get_language())

    class LanguageResults(PostgresSearchResults):
        pass

    class MultilingualPostgresSearchBackend(PostgresSearchBackend):
        index_class = LanguageIndex
        query_compiler_class = LanguageQueryCompiler
        results_class = LanguageResults

        def __init__(self, params):
            super().__init__(params)
            self.config = params.get("SEARCH_CONFIG") or "simple"
            self.language_configs = {**DEFAULT_LANGUAGE_CONFIGS, **params.get("LANGUAGE_CONFIGS", {})}

        def config_for_language(self, code):
            if not code:
                return self.config
            return self.language_configs.get(code, self.language_configs.get(code.split("-")[0], self.config))

    return MultilingualPostgresSearchBackend
