"""Keep the knowledge-bank search rows (``reports.search_index``) in step with the reports.

The rows are written in the same transaction as the page, not by Wagtail's search indexing:
Wagtail queues that as a background task (with ``TASKS_BACKEND=database`` nothing is indexed until
a worker runs) and ``update_index`` bypasses the backend methods that used to write the rows. So:
a saved report (publish, unpublish, revision, copy) gets its row when the transaction commits, a
deleted one loses it, a move re-writes the rows below the moved page, ``update_index`` rebuilds
them all, and after ``migrate`` any report without a row gets one.
"""
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.signals import post_page_move

from reports import search_index


def _saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    pk = instance.pk
    # Now, so the row is in the page's own transaction, and again at commit: a page's topics
    # (modelcluster child rows) are saved after post_save.
    search_index.sync_pages([pk])
    transaction.on_commit(lambda: search_index.sync_pages([pk]))


def _deleted(sender, instance, **kwargs):
    search_index.delete_pages([instance.pk])


def _moved(sender, instance, **kwargs):
    from reports.models import ReportPage

    ids = list(ReportPage.objects.descendant_of(instance, inclusive=True).values_list("pk", flat=True))
    search_index.sync_pages(ids)


def fill_missing(**kwargs):
    """Rows for every report that has none (after migrate; cheap when nothing is missing)."""
    from reports.models import ReportPage

    missing = search_index.missing_page_ids(ReportPage.objects.values_list("pk", flat=True))
    if missing:
        search_index.sync_pages(missing)
        from portal.page_cache import purge

        purge()


def connect(sender_app):
    from reports.models import ReportPage

    for model in [ReportPage, *ReportPage.__subclasses__()]:
        post_save.connect(_saved, sender=model, dispatch_uid=f"lotsa-searchrow-save-{model.__name__}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"lotsa-searchrow-del-{model.__name__}")
    post_page_move.connect(_moved, dispatch_uid="lotsa-searchrow-move")
    post_migrate.connect(_after_migrate, sender=sender_app, dispatch_uid="lotsa-searchrow-migrate")


def _after_migrate(using="default", **kwargs):
    from django.db import connections

    if search_index.TABLE in connections[using].introspection.table_names():
        fill_missing()
