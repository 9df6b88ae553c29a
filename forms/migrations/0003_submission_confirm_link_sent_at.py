from django.db import migrations, models
from django.db.models import F


def links_already_sent(apps, schema_editor):
    # Requests waiting for confirmation before this field existed had their link sent (or it
    # failed unseen): do not mail them again on the next daily run.
    Submission = apps.get_model("forms", "Submission")
    Submission.objects.filter(confirmed_at__isnull=True).update(confirm_link_sent_at=F("created_at"))


class Migration(migrations.Migration):

    dependencies = [
        ("forms", "0002_formpage_offer_booking"),
    ]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="confirm_link_sent_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="confirmation link sent"),
        ),
        migrations.RunPython(links_already_sent, migrations.RunPython.noop),
    ]
