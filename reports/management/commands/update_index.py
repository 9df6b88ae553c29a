"""Wagtail's ``update_index``, plus the knowledge-bank search rows.

Wagtail's rebuild writes through the index classes, not the backend methods that keep
``reports_searchrow`` in step, so without this an ``update_index`` after lost rows left every
knowledge-bank search empty. (``reports`` comes before ``wagtail.search`` in INSTALLED_APPS, so
this command is the one ``manage.py update_index`` runs.)
"""
from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from reports import search_index


class Command(WagtailUpdateIndex):
    def handle(self, **options):
        super().handle(**options)
        if not options.get("schema_only"):
            rows = search_index.rebuild()
            from portal.page_cache import purge

            purge()  # cached searches were answered from the old rows
            self.write(f"knowledge bank: {rows} search rows")
