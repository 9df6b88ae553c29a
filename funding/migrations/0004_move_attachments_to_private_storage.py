"""Move the attachments that older versions kept under MEDIA_ROOT (funding/applications/<id>/<name>,
served by whatever served MEDIA_URL) into the private storage, each under a new random name."""
from django.db import migrations


def forwards(apps, schema_editor):
    from portal.private_files import move_public_files

    move_public_files(apps.get_model("funding", "Attachment"), "applications")


class Migration(migrations.Migration):

    dependencies = [("funding", "0003_private_attachments")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
