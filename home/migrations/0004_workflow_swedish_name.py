"""Wagtail's initial data names the moderation workflow and its task "Moderators approval", in
English: Swedish editors read "Lämna in till Moderators approval" on the button and in e-mails.
Workflow and task names are data, not translatable strings, so they get the organisation's
working language. Reversible; a workflow someone has already renamed is left alone."""
from django.db import migrations

OLD, NEW = "Moderators approval", "Granskning av moderator"


def rename(apps, old, new):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    rename(apps, OLD, NEW)


def backwards(apps, schema_editor):
    rename(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_services"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
