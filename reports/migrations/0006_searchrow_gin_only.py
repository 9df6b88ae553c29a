"""PostgreSQL tuning of the search table:

- only the GIN index: with btree indexes on locale and path the planner read the matches through
  them and tested every report's full-text vector (5-10x slower than the GIN bitmap); without a
  query a sequential scan of the small table is fastest;
- the short columns never compressed (STORAGE PLAIN): with the low TOAST threshold of 0005 the
  titles and organisations were compressed in place, and grouping by them cost 40 ms.
The rows are rebuilt to take the new storage."""
from django.db import migrations

PLAIN = ["path", "title", "report_type", "organisation", "fund"]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from reports import search_index

    schema_editor.execute("DROP INDEX IF EXISTS reports_searchrow_path")
    schema_editor.execute("DROP INDEX IF EXISTS reports_searchrow_locale_date")
    for column in PLAIN:
        schema_editor.execute(f"ALTER TABLE reports_searchrow ALTER COLUMN {column} SET STORAGE PLAIN")
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT page_ptr_id FROM reports_reportpage")
        ids = [row[0] for row in cursor.fetchall()]
    search_index.sync_pages(ids)
    schema_editor.execute("ANALYZE reports_searchrow")


class Migration(migrations.Migration):
    dependencies = [("reports", "0005_searchrow_title_vector")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False)]
