"""The comments to the applicant written before the thread existed become its first messages, so
the lead's "Messages from the fund managers" keep their place (now in the thread)."""
from django.db import migrations


def copy_comments(apps, schema_editor):
    Transition = apps.get_model("funding", "Transition")
    Message = apps.get_model("funding_threads", "Message")
    for t in Transition.objects.exclude(comment="").filter(message__isnull=True).order_by("at", "pk"):
        Message.objects.create(application_id=t.application_id, author_id=t.by_id, role="fund_manager",
                               body=t.comment, transition=t, created_at=t.at)


class Migration(migrations.Migration):
    dependencies = [("funding_threads", "0001_messages")]
    operations = [migrations.RunPython(copy_comments, migrations.RunPython.noop)]
