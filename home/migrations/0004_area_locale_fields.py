# Areas become translatable (step 1 of 3): the locale and translation key, empty for now.
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0003_services'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='area',
            name='locale',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.PROTECT,
                                    related_name='+', to='wagtailcore.locale', verbose_name='locale'),
        ),
        migrations.AddField(
            model_name='area',
            name='translation_key',
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AlterField(
            model_name='area',
            name='name',
            field=models.CharField(max_length=80, verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='area',
            name='slug',
            field=models.SlugField(help_text='Used in finder links; the same in every language.', max_length=80,
                                   verbose_name='slug'),
        ),
    ]
