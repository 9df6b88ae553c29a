"""Merge interface translations into locales/<lang>/LC_MESSAGES/django.po.

    python manage.py translate_strings strings.json

strings.json maps an English msgid to its translations:
    {"Find support": {"sv": "Hitta stöd", "ar": "ابحث عن الدعم"},
     "%(n)s result": {"plural": "%(n)s results", "sv": ["%(n)s träff", "%(n)s träffar"],
                      "ar": ["…six Arabic plural forms…"]},
     "May": {"context": "month", "sv": "maj", "ar": "مايو"}}
English entries are filled from the msgid itself. A lock file keeps two people (or two
processes) from overwriting each other's edits.
"""
import fcntl
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def po_path(lang):
    return Path(settings.LOCALE_PATHS[0]) / lang / "LC_MESSAGES" / "django.po"


def fill_english(po):
    """English is the source language: msgstr = msgid."""
    for entry in po:
        if entry.obsolete:
            continue
        # A fuzzy entry holds makemessages' guess from a *similar* msgid: in English the right
        # text is always the msgid itself, so the guess is replaced, not kept.
        fuzzy = "fuzzy" in entry.flags
        if entry.msgid_plural:
            if fuzzy or not any(entry.msgstr_plural.values()):
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        elif fuzzy or not entry.msgstr:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")


class Command(BaseCommand):
    help = "Merge interface translations from a JSON file into the .po catalogues."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*")

    def handle(self, *args, files, **options):
        import polib

        lock_path = Path(settings.LOCALE_PATHS[0]) / ".lock"
        with open(lock_path, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            data = {}
            for name in files:
                data.update(json.loads(Path(name).read_text(encoding="utf-8")))
            langs = [code for code, _ in settings.LANGUAGES if po_path(code).exists()]
            if not langs:
                raise CommandError("No catalogues found: run `make messages` first.")
            for lang in langs:
                po = polib.pofile(str(po_path(lang)))
                if lang == "en":
                    fill_english(po)
                index = {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
                changed = 0
                for msgid, spec in data.items():
                    if lang not in spec:
                        continue
                    entry = index.get((spec.get("context"), msgid))
                    if entry is None:
                        continue
                    value = spec[lang]
                    if entry.msgid_plural:
                        values = value if isinstance(value, list) else [value]
                        nplurals = len(entry.msgstr_plural) or 2
                        entry.msgstr_plural = {i: values[min(i, len(values) - 1)] for i in range(max(nplurals, len(values)))}
                    else:
                        entry.msgstr = value
                    if "fuzzy" in entry.flags:
                        entry.flags.remove("fuzzy")
                    changed += 1
                po.save()
                self.stdout.write(f"{lang}: {changed} strings set")
