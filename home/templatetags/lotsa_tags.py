"""Template tags for the site chrome: language switcher, hreflang alternates, navigation,
breadcrumbs. Cheap queries by default (no .specific())."""
from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


def _locales():
    return {locale.language_code: locale for locale in Locale.objects.all()}


@register.simple_tag(takes_context=True)
def language_versions(context):
    """One entry per language: the same page in that language if it is live, else that
    language's home page with a notice (`?untranslated=1`)."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    locales = _locales()
    root = _site_root(request)
    translations = {}
    if isinstance(page, Page):
        for other in Page.objects.filter(translation_key=page.translation_key).live().public().select_related("locale"):
            translations[other.locale.language_code] = other
    roots = {}
    if root is not None:
        for other in Page.objects.filter(translation_key=root.translation_key).live().select_related("locale"):
            roots[other.locale.language_code] = other
    versions = []
    for code, name in settings.LANGUAGES:
        if code not in locales:
            continue
        url, translated = None, True
        if isinstance(page, Page):
            if code in translations:
                url = translations[code].get_url(request)
            else:
                translated = False
                home = roots.get(code)
                url = (home.get_url(request) if home else f"/{code}/") + "?untranslated=1"
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = f"/{code}/"
        versions.append({
            "code": code, "name": name, "url": url, "translated": translated,
            "current": code == current, "bidi": translation.get_language_info(code)["bidi"]
            if code in translation.trans_real.get_languages() else False,
        })
    return versions


@register.simple_tag(takes_context=True)
def menu_pages(context):
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return []
    localized_root = root.localized
    return localized_root.get_children().live().public().in_menu()


@register.simple_tag(takes_context=True)
def home_url(context):
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return "/"
    return root.localized.get_url(request) or "/"


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return page.get_ancestors().filter(depth__gte=2)


@register.simple_tag
def emergency_numbers():
    from home.models import EmergencyNumber

    return EmergencyNumber.objects.filter(locale=Locale.get_active())


@register.filter
def lang_dir(code):
    try:
        return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """The accessibility statement and the pages under 'About the site', in this language."""
    from home.models import AccessibilityStatementPage

    return AccessibilityStatementPage.objects.live().public().filter(locale=Locale.get_active())[:1]
