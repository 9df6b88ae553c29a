# Areas become translatable (step 3 of 3): locale and translation key required, one area per
# slug and language.
import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0005_area_locale_data'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.AlterField(
            model_name='area',
            name='locale',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+',
                                    to='wagtailcore.locale', verbose_name='locale'),
        ),
        migrations.AlterField(
            model_name='area',
            name='translation_key',
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name='area',
            unique_together={('translation_key', 'locale'), ('slug', 'locale')},
        ),
    ]
