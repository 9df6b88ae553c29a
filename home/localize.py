"""Helpers around wagtail-localize for code that creates content (demo data, tests): translate a
page or snippet by giving the target text for each source string, exactly as a translator would
in the editor, and keep the translation in sync with its source."""
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


def translate(instance, language_code, strings, *, user=None, publish=True):
    """Create or update the `language_code` translation of `instance` (a page or a
    translatable snippet). `strings` maps each source string to its translation; a source
    string without an entry falls back to the source text. Returns (translated, missing)."""
    locale = Locale.objects.get(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    missing = []
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text is None:
            missing.append(segment.string.data)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string, locale=locale, context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                      "last_translated_by": user},
        )
    translation.save_target(user=user, publish=publish)
    target = instance.get_translation(locale)
    return target, missing


def sync(instance, *, user=None, publish=True):
    """After the source changed: refresh the source and re-save every translation of it
    (what 'Sync translated pages' does in the admin)."""
    source = TranslationSource.objects.get_for_instance(instance)
    source.update_from_db()
    for translation in Translation.objects.filter(source=source, enabled=True):
        translation.save_target(user=user, publish=publish)
