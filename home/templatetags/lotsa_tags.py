"""Template tags for the site chrome: language switcher, hreflang alternates, navigation,
breadcrumbs. Cheap queries by default (no .specific()); what only changes on publish (menu,
footer, emergency numbers, language versions) is kept in the fragment cache, which every
publish purges (portal/page_cache.py), so most pages render their chrome without queries."""
from django import template
from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from home import language_links
from portal.page_cache import fragment

register = template.Library()


def _site(request):
    return Site.find_for_request(request) if request else None


def _site_root(request):
    site = _site(request)
    return site.root_page if site else None


def _site_key(request):
    site = _site(request)
    return f"{site.pk if site else 0}:{request.get_host() if request else ''}"


def _locales():
    return fragment("locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()})


def active_locale():
    """Locale.get_active() without a query (the locales come from the fragment cache)."""
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        code = None
    return _locales().get(code) or Locale.get_active()


def _lang():
    return translation.get_language() or settings.LANGUAGE_CODE


@register.simple_tag(takes_context=True)
def language_versions(context):
    """One entry per language: the same page in that language if it is live, with the visitor's
    place in it kept (form step, guide question, filters: home/language_links.py), else that
    language's home page with a notice (`?untranslated=1`)."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    locales = _locales()
    site_key = _site_key(request)

    def live_urls(translation_key, public):
        pages = Page.objects.filter(translation_key=translation_key).live().select_related("locale")
        if public:
            pages = pages.public()
        return {other.locale.language_code: other.get_url(request) for other in pages}

    translations = {}
    if isinstance(page, Page):
        translations = fragment(f"versions:{site_key}:{page.translation_key}",
                                lambda: live_urls(page.translation_key, True))

    def root_urls():
        root = _site_root(request)
        return live_urls(root.translation_key, False) if root is not None else {}

    roots = fragment(f"roots:{site_key}", root_urls)
    versions = []
    for code, name in settings.LANGUAGES:
        if code not in locales:
            continue
        url, translated = None, True
        if isinstance(page, Page):
            if code in translations:
                url = language_links.page_version_url(request, page, translations[code])
            else:
                translated = False
                url = (roots.get(code) or f"/{code}/") + "?untranslated=1"
        elif request is not None:
            url = language_links.path_version_url(request, code)
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

    def build():
        root = _site_root(request)
        if root is None:
            return []
        return list(root.localized.get_children().live().public().in_menu())

    return fragment(f"menu:{_site_key(request)}:{_lang()}", build)


@register.simple_tag(takes_context=True)
def home_url(context):
    request = context.get("request")

    def build():
        root = _site_root(request)
        return (root.localized.get_url(request) if root is not None else None) or "/"

    return fragment(f"home-url:{_site_key(request)}:{_lang()}", build)


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return page.get_ancestors().filter(depth__gte=2)


@register.simple_tag
def emergency_numbers():
    from home.models import EmergencyNumber

    return fragment(f"emergency:{_lang()}", lambda: list(EmergencyNumber.objects.filter(locale=active_locale())))


@register.simple_tag
def footer_organisation(fallback=""):
    """The organisation's name in the page's language (its home page), else `fallback`."""
    from home.models import HomePage

    name = fragment(f"organisation:{_lang()}", lambda: HomePage.objects.filter(locale=active_locale())
                    .values_list("organisation", flat=True).first() or "")
    return name or fallback


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

    return fragment(f"footer:{_lang()}", lambda: list(
        AccessibilityStatementPage.objects.live().public().filter(locale=active_locale())[:1]))


@register.simple_tag
def meta_description(page=None):
    """The page's search description, else its summary or introduction as plain text (cut at a
    word near 160 characters), else one line about the site: every page has a description."""
    from django.utils.html import strip_tags
    from django.utils.text import Truncator
    from django.utils.translation import gettext

    text = ""
    if page is not None:
        text = getattr(page, "search_description", "") or ""
        for name in ("summary", "intro"):
            if not text:
                text = strip_tags(str(getattr(page, name, "") or ""))
    text = " ".join(text.split())
    if not text:
        text = gettext("Lotsa: support from the city's social services without an individual needs assessment, "
                       "forms, funding and the knowledge bank.")
    return Truncator(text).chars(160)
