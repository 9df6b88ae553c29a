"""Create Lotsa's groups. Editors and Moderators (and the 'Moderators approval' workflow on the
whole tree) come from Wagtail's own initial data; their extra permissions are applied by
home.roles.sync_roles after every migrate."""
from django.db import migrations

GROUPS = ["Editors", "Moderators", "Coordinators", "Fund managers", "Administrators"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in GROUPS:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
