"""Every interface string in the code has a Swedish, English and Arabic translation."""
import shutil
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parent.parent
IGNORE = [".venv", "node_modules", "staticfiles", "media", ".test-media", "tests", "bench"]


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    """The committed catalogues, re-extracted from the current code into a temporary copy."""
    target = tmp_path_factory.mktemp("locales")
    shutil.copytree(ROOT / "locales", target, dirs_exist_ok=True)
    with override_settings(LOCALE_PATHS=[target]):
        call_command("makemessages", locale=["sv", "en", "ar"], ignore_patterns=IGNORE, no_location=True,
                     no_obsolete=True, verbosity=0, stdout=StringIO())
    return target


@pytest.mark.parametrize("lang", ["sv", "en", "ar"])
def test_every_string_is_translated(fresh_catalogues, lang):
    po = polib.pofile(str(fresh_catalogues / lang / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not missing, f"{len(missing)} strings lack a {lang} translation (make messages; translate_strings): {missing[:20]}"
    assert not fuzzy, f"{len(fuzzy)} {lang} translations are fuzzy (check and clear the flag): {fuzzy[:20]}"


def test_arabic_catalogue_has_six_plural_forms():
    po = polib.pofile(str(ROOT / "locales" / "ar" / "LC_MESSAGES" / "django.po"))
    assert "nplurals=6" in po.metadata["Plural-Forms"]
    for entry in po:
        if entry.msgid_plural and not entry.obsolete:
            assert len([v for v in entry.msgstr_plural.values() if v]) == 6, entry.msgid


def test_catalogues_are_compiled_for_every_language():
    for code, _name in settings.LANGUAGES:
        assert (ROOT / "locales" / code / "LC_MESSAGES" / "django.mo").exists(), code
