"""A payment plan for every application approved before payments existed (same rule as
funding/payments/services.py create_plan: 1 February of each granted year, or the decision day)."""
import datetime

from django.db import migrations
from django.utils import timezone


def make_plans(apps, schema_editor):
    Application = apps.get_model("funding", "Application")
    PlannedPayment = apps.get_model("funding_payments", "PlannedPayment")
    for app in Application.objects.filter(status="approved"):
        decided_on = timezone.localdate(app.decided_at) if app.decided_at else timezone.localdate()
        for year, amount in (app.granted or {}).items():
            if int(amount or 0) <= 0:
                continue
            try:
                planned = max(datetime.date(int(year), 2, 1), decided_on)
            except ValueError:
                planned = decided_on
            PlannedPayment.objects.get_or_create(application=app, year=str(year),
                                                 defaults={"amount": int(amount), "planned_on": planned})


class Migration(migrations.Migration):
    dependencies = [("funding_payments", "0001_initial")]
    operations = [migrations.RunPython(make_plans, migrations.RunPython.noop)]
