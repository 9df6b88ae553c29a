"""PostgreSQL: a small title tsvector kept inline for ranking, and the big full-text vector moved
out of the table's main heap (toast_tuple_target) so that facet counts read a small table; the
rows are rebuilt to take both."""
from django.db import migrations


def forwards(apps, schema_editor):
    from reports import search_index

    search_index.add_title_vector(schema_editor)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT page_ptr_id FROM reports_reportpage")
        ids = [row[0] for row in cursor.fetchall()]
    search_index.sync_pages(ids)


class Migration(migrations.Migration):
    dependencies = [("reports", "0004_searchrow")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False)]
