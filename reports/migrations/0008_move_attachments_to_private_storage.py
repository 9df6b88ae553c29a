"""Move final-report attachments that older versions kept under MEDIA_ROOT (reports/final/<id>/<name>)
into the private storage under new random names, and replace the type the uploader's browser sent
with the one read from the file."""
from django.db import migrations


def forwards(apps, schema_editor):
    from portal.private_files import move_public_files

    move_public_files(apps.get_model("reports", "FinalReportAttachment"), "final-reports")


class Migration(migrations.Migration):

    dependencies = [("reports", "0007_private_attachments")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
