"""The knowledge-bank search is always there (issue 14, item 4): whatever the task backend, and
after update_index, migrate, load_demo or load_scale, the search finds every published report.

Before: the rows were written by the search backend, which Wagtail calls from a background task
(with a queueing task backend nothing was written until a worker ran) and which update_index
bypasses (rows deleted + update_index = every search empty)."""
import re
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from reports import search_index
from reports.models import KnowledgeBankIndexPage, ReportPage

pytestmark = pytest.mark.django_db
SV = "/sv/kunskapsbanken/"
QUEUED = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # tasks never run


def found(client, query=""):
    html = client.get(SV, {"q": query} if query else {}).content.decode()
    return int(re.search(r'<p role="status" class="kb-count">(\d+)', html).group(1))


def live_sv_reports():
    return ReportPage.objects.live().public().filter(locale__language_code="sv").count()


def empty_the_table():
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {search_index.TABLE}")
    cache.clear()  # searches are cached until the next publish


@pytest.fixture
def queued_tasks(settings):
    settings.TASKS = QUEUED


def test_a_report_published_while_tasks_wait_for_a_worker_is_found(queued_tasks, client, django_capture_on_commit_callbacks):
    index = KnowledgeBankIndexPage.objects.get(locale__language_code="sv")
    with django_capture_on_commit_callbacks(execute=True):
        page = ReportPage(title="Rapport om väntande arbetare", slug="vantande-arbetare", summary="Kösystem.",
                          organisation="Testförvaltningen", publication_date="2022-05-01", report_type="evaluation")
        index.add_child(instance=page)
        page.save_revision().publish()
    assert found(client, "väntande") == 1
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert found(client, "väntande") == 0


def test_update_index_rebuilds_lost_rows(client):
    expected = live_sv_reports()
    assert expected > 0 and found(client) == expected
    empty_the_table()
    assert found(client) == 0  # what visitors saw before the fix, after update_index too
    call_command("update_index", stdout=StringIO())
    assert found(client) == expected


def test_migrate_fills_in_missing_rows(client):
    expected = live_sv_reports()
    empty_the_table()
    call_command("migrate", verbosity=0, stdout=StringIO())
    assert found(client) == expected


def test_load_demo_with_queued_tasks_leaves_a_searchable_bank(queued_tasks, client, django_capture_on_commit_callbacks):
    empty_the_table()
    ReportPage.objects.filter(locale__language_code="sv").delete()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO())
    expected = live_sv_reports()
    assert expected > 0 and found(client) == expected


def test_load_scale_reports_are_found(queued_tasks, client):
    from reports.scale import make_reports

    before = found(client)
    made = make_reports(15, other_languages={})
    assert made == 15 and found(client) == before + 15
