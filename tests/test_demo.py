"""`load_demo` builds the site in three languages and is idempotent."""
import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()
            if not model._meta.proxy and model._meta.label not in {"sessions.Session"}}


def test_running_load_demo_twice_changes_nothing():
    before = row_counts()
    call_command("load_demo", "--with-users", stdout=StringIO())
    after = row_counts()
    changed = {label: (before[label], after[label]) for label in before if before[label] != after[label]}
    assert not changed, changed


def test_demo_pages_exist_in_all_three_languages():
    for slug_sv in ["om-webbplatsen", "personuppgifter", "tillganglighet"]:
        page = Page.objects.get(locale__language_code="sv", slug=slug_sv)
        for lang in ("en", "ar"):
            translated = page.get_translations().filter(locale__language_code=lang).live()
            assert translated.exists(), (slug_sv, lang)


@override_settings(DEBUG=False)
def test_credentials_are_printed_only_when_asked():
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "lotsa-admin-demo" not in out.getvalue()
    out = StringIO()
    call_command("load_demo", "--with-users", stdout=out)
    assert "admin" in out.getvalue() and "lotsa-admin-demo" in out.getvalue()
    assert re.search(r"redaktor@lotsa\.example +lotsa-redaktor-demo +Editors", out.getvalue())  # what logs in
    for group in ("Editors", "Moderators", "Coordinators", "Fund managers", "Administrators"):
        assert group in out.getvalue()


OLD_GAPS = "<p>Vissa äldre rapporter i kunskapsbanken är inskannade PDF-filer.</p>"


def old_statement():
    """The accessibility statement as an earlier demo left it: one known defect, in every language."""
    from home.localize import sync
    from home.models import AccessibilityStatementPage

    page = AccessibilityStatementPage.objects.get(locale__language_code="sv")
    page.known_gaps = OLD_GAPS
    page.save_revision().publish()
    sync(page)
    return page


def test_load_demo_completes_an_old_accessibility_statement_once(client):
    old_statement()
    assert "PDF موسومًا" not in client.get("/ar/about-the-site-ar/accessibility-ar/").content.decode()
    call_command("load_demo", stdout=StringIO())
    sv = client.get("/sv/om-webbplatsen/tillganglighet/").content.decode()
    ar = client.get("/ar/about-the-site-ar/accessibility-ar/").content.decode()
    assert "taggad PDF" in sv and "Redigeringsverktyget" in sv
    assert "PDF موسومًا" in ar and "أداة التحرير" in ar and "taggad PDF" not in ar
    before = row_counts()
    call_command("load_demo", stdout=StringIO())
    assert row_counts() == before  # idempotent: no new revision the second time


def test_load_demo_leaves_an_editors_statement_alone(demo_users):
    from home.models import AccessibilityStatementPage

    page = old_statement()
    page.save_revision(user=demo_users["Editors"]).publish()
    call_command("load_demo", stdout=StringIO())
    assert AccessibilityStatementPage.objects.get(pk=page.pk).known_gaps == OLD_GAPS
