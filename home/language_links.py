"""Where the language switcher leads: the same place in the other language, not its start.

A page's translation shares its `translation_key`; what the visitor is looking at within the page
(a form step, the guide's questions, a place under the services index: RoutablePageMixin routes)
is the part of the path after the page's own URL, and the finder's, the knowledge bank's and the
guide's state is the query string. Both are carried over. Routes and GET parameters are the same in
every language (topics, areas, report types and form fields have language-neutral slugs), so the
kept path resolves in the translation too. A page without a live translation leads to that
language's start page with a notice (never to a 404)."""
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404
from django.urls import translate_url

# One-off notices that belong to the page they were shown on, not to the place.
DROPPED_PARAMS = ("untranslated", "expired")

# The field a step form posts when its answers are saved on the way to another language (see
# portal/static/lotsa/js/language-switch.js and the views that honour it).
SWITCH_FIELD = "switch_language"


def kept_query(request):
    """The request's query string without the one-off notices ('' if nothing is left)."""
    if request is None:
        return ""
    params = request.GET.copy()
    for name in DROPPED_PARAMS:
        params.pop(name, None)
    return params.urlencode()


def with_query(url, query):
    if not query:
        return url
    return url + ("&" if "?" in url else "?") + query


def subpage_path(request, page):
    """The part of the request's path below `page`'s own URL ('' on the page itself), or None when
    the request is not within the page (a view that merely shows the page in its context)."""
    if request is None:
        return None
    own = urlsplit(page.get_url(request) or "").path
    if not own or not request.path.startswith(own):
        return None
    rest = request.path[len(own):]
    if rest and hasattr(page.specific_deferred, "resolve_subpage"):
        try:
            page.specific_deferred.resolve_subpage("/" + rest)
        except Http404:
            return ""
    return rest


def page_version_url(request, page, translated_url):
    """`translated_url` (the URL of `page`'s translation) with the visitor's place kept."""
    rest = subpage_path(request, page)
    if rest is None:
        return translated_url
    return with_query(translated_url + rest, kept_query(request))


def path_version_url(request, code):
    """For views that are not pages (funding, bookings, search): the same URL pattern in `code`,
    query string kept (Django's translate_url keeps it)."""
    if request is None:
        return f"/{code}/"
    full = with_query(request.path, kept_query(request))
    return translate_url(full, code)


def is_language(code):
    return code in dict(settings.LANGUAGES)


def url_for_language(request, page, code):
    """Where switching to `code` from this request leads (for the views that save a step's
    answers first and then redirect): the same logic as the switcher's links."""
    from wagtail.models import Page, Site

    if not isinstance(page, Page):
        return path_version_url(request, code)
    other = Page.objects.filter(translation_key=page.translation_key, locale__language_code=code).live().public().first()
    if other is not None:
        return page_version_url(request, page, other.get_url(request))
    site = Site.find_for_request(request)
    root = site and Page.objects.filter(translation_key=site.root_page.translation_key,
                                        locale__language_code=code).live().first()
    return ((root and root.get_url(request)) or f"/{code}/") + "?untranslated=1"
