"""The read-only group "Managers": Wagtail admin access and view-only permissions on the case log
and its statistics (home/roles.py re-applies them after every migrate)."""
from django.db import migrations

MANAGER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"), ("cases", "view_case"), ("cases", "view_statistics"),
    ("cases", "view_problemcategory"), ("cases", "view_schoolconcernmonth"), ("cases", "view_benefitinputs"),
    ("surveys", "view_results"),
]


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for config in apps.get_app_configs():
        config.models_module = True  # create_permissions skips apps it thinks have no models
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Managers")
    for app_label, codename in MANAGER_PERMISSIONS:
        perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if perm is not None:
            group.permissions.add(perm)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Managers").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_case_log"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("surveys", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(create_group, remove_group)]
