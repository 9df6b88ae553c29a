"""Whole-page cache for anonymous visitors, shared by every app server through the Django cache
(Redis in production), purged on every publish.

Only plain GETs without a query string from visitors without a session are cached, and only
responses that neither set a cookie nor vary on it (a page with a form embeds a CSRF token and
varies on Cookie, so it is never cached). Purging bumps one generation number that is part of
every key, so one publish invalidates every cached page on every server at once.
"""
from django.conf import settings
from django.core.cache import cache
from django.utils.cache import cc_delim_re

GENERATION_KEY = "lotsa:page-cache:generation"


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


FRAGMENT_SECONDS = 600


def fragment(key, build, timeout=FRAGMENT_SECONDS):
    """`build()`, cached under `key` until the next purge (or `timeout` seconds): for the parts
    of every page that only change when something is published (menus, footer, emergency
    numbers, language versions). Works whether or not the whole-page cache is on."""
    full_key = f"lotsa:fragment:{generation()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout)
    return value


def purge(**kwargs):
    """Invalidate every cached page (connected to publish/unpublish/delete/move and snippet saves)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(("/admin/", "/django-admin/", "/static/", "/media/", "/documents/"))
    )


def _cacheable_response(response):
    if response.status_code != 200 or response.cookies or response.streaming:
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", ""))}
    return "cookie" not in vary and "no-store" not in response.get("Cache-Control", "")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if not seconds or not _cacheable_request(request):
            return self.get_response(request)
        key = f"lotsa:page:{generation()}:{request.get_host()}:{request.path}"
        cached = cache.get(key)
        if cached is not None:
            from django.http import HttpResponse

            content, headers = cached
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response["X-Lotsa-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable_response(response):
            cache.set(key, (response.content, list(response.items())), seconds)
            response["X-Lotsa-Cache"] = "miss"
        return response
