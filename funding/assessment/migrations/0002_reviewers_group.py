"""The group "Reviewers": Wagtail admin access and nothing else. What a reviewer sees comes from
their assignments (Assessment.objects.visible_to), not from a permission; home/roles.py re-applies
the permission after every migrate."""
from django.db import migrations

REVIEWERS = "Reviewers"


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=REVIEWERS)
    perm = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").first()
    if perm is not None:
        group.permissions.add(perm)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=REVIEWERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("funding_assessment", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(create_group, remove_group)]
