"""Project-wide views: search, sitemap, robots.txt and the error pages."""
import re
import unicodedata

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.views.decorators.cache import cache_control
from wagtail.models import Locale, Page

from portal.sitemaps import sitemap  # noqa: F401  (re-exported for urls.py)

SEARCH_QUERY_MAX = 200


def clean_search_query(raw):
    """What the search backend can parse: words (any script), spaces and balanced double quotes
    for phrases. Control characters (NUL) make SQLite's full-text MATCH and PostgreSQL fail with a
    database error, and so do punctuation and markup inside a phrase on SQLite (`"<b>"`: "fts5:
    syntax error"); none of them means anything to a resident's search."""
    # Letters, marks (Arabic vowel signs), digits, spaces and quotes; everything else a space.
    text = "".join(ch if ch == '"' or ch.isspace() or unicodedata.category(ch)[0] in "LMN" else " "
                   for ch in strip_tags(raw[:SEARCH_QUERY_MAX]))
    if text.count('"') % 2:
        text = text.replace('"', " ")
    return re.sub(r"\s+", " ", text).strip()


def search(request):
    query = clean_search_query(request.GET.get("q", ""))
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).exclude(depth__lte=1)
            .search(query, operator="and")
        )
    paginator = Paginator(results, 10)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page_obj = paginator.page(1)
    return render(request, "search/search.html", {"query": query, "page_obj": page_obj, "count": paginator.count})


@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    body = f"User-agent: *\nDisallow: /admin/\nDisallow: /django-admin/\nSitemap: {sitemap_url}\n"
    return HttpResponse(body, content_type="text/plain; charset=utf-8")


@cache_control(max_age=86400, public=True)
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the static icon."""
    from django.http import HttpResponsePermanentRedirect
    from django.templatetags.static import static

    return HttpResponsePermanentRedirect(static("lotsa/favicon.ico"))


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token (lost cookie, page open too long): the site's own
    translated page with a way back to the step, not Django's bare 403. The answers of the failed
    POST are not stored: they may come from another site."""
    from django.utils.http import url_has_allowed_host_and_scheme

    back = request.get_full_path()
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = None
    response = render(request, "403_csrf.html", {"back_url": back}, status=403)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    # No database access and no context processors: the database may be what failed.
    import sys

    from portal.dbfaults import is_database_error, service_unavailable

    exc = sys.exc_info()[1]
    if exc is not None and is_database_error(exc):  # raised in a middleware, not in a view
        return service_unavailable(request, exc)
    language = translation.get_language() or settings.LANGUAGE_CODE
    template = loader.get_template("500.html")
    html = template.render({"LANGUAGE_CODE": language, "LANGUAGE_BIDI": translation.get_language_bidi()})
    return HttpResponseServerError(html)
