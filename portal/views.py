"""Project-wide views: search, sitemap, robots.txt and the error pages."""
from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from wagtail.models import Locale, Page

from portal.sitemaps import sitemap  # noqa: F401  (re-exported for urls.py)

SEARCH_QUERY_MAX = 200


def search(request):
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX]
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


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


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
