# Areas become translatable (step 2 of 3): existing areas belong to the default language, and a
# place in another language gets its own copy of its area (same translation key, the name still
# in Swedish until a translator translates it), as wagtail-localize expects of a translated place.
import uuid

from django.conf import settings
from django.db import migrations


def forwards(apps, schema_editor):
    Area = apps.get_model("home", "Area")
    Place = apps.get_model("home", "Place")
    Locale = apps.get_model("wagtailcore", "Locale")
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first() or Locale.objects.order_by("pk").first()
    if default is None:
        return
    for area in Area.objects.filter(locale__isnull=True):
        area.locale = default
        area.translation_key = uuid.uuid4()
        area.save(update_fields=["locale", "translation_key"])
    for place in Place.objects.exclude(locale=default).filter(area__isnull=False).select_related("area"):
        if place.area.locale_id == place.locale_id:
            continue
        copy, _ = Area.objects.get_or_create(
            translation_key=place.area.translation_key, locale_id=place.locale_id,
            defaults={"name": place.area.name, "slug": place.area.slug},
        )
        place.area = copy
        place.save(update_fields=["area"])


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0004_area_locale_fields'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
