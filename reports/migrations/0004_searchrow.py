"""The knowledge-bank search table (one denormalised row per report, see reports/search_index.py),
filled for the reports that already exist."""
from django.db import migrations


def forwards(apps, schema_editor):
    from reports import search_index

    search_index.create_table(schema_editor)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT page_ptr_id FROM reports_reportpage")
        ids = [row[0] for row in cursor.fetchall()]
    search_index.sync_pages(ids)


def backwards(apps, schema_editor):
    from reports import search_index

    search_index.drop_table(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0003_final_report_wizard"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
