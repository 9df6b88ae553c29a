"""Purge the page cache whenever published content changes."""
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from portal.page_cache import purge


def connect():
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(purge, dispatch_uid=f"lotsa-purge-{id(signal)}")
    # A deleted page leaves menus, listings and cached searches (Wagtail sends no unpublish).
    post_delete.connect(purge, sender=_page_class(), dispatch_uid="lotsa-purge-page-delete")
    # Snippets and settings shown on every page (emergency numbers, contact details, places…),
    # and view restrictions and locales (the cached menus and language switchers depend on them).
    from django.apps import apps
    from wagtail.models import Locale, PageViewRestriction

    for model in (PageViewRestriction, Locale):
        post_save.connect(purge, sender=model, dispatch_uid=f"lotsa-purge-save-{model._meta.label}")
        post_delete.connect(purge, sender=model, dispatch_uid=f"lotsa-purge-del-{model._meta.label}")

    for model in apps.get_models():
        meta = model._meta
        if meta.app_label in {"home"} and not issubclass(model, _page_class()):
            post_save.connect(purge, sender=model, dispatch_uid=f"lotsa-purge-save-{meta.label}")
            post_delete.connect(purge, sender=model, dispatch_uid=f"lotsa-purge-del-{meta.label}")


def _page_class():
    from wagtail.models import Page

    return Page
