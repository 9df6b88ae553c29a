"""A database outage gives a short, translated "try again" page (HTTP 503), not a 500.

`DatabaseUnavailableMiddleware.process_exception` catches `OperationalError`/`InterfaceError`
raised by a view; `SessionMiddleware` (in place of Django's) does the same when saving the
session at the end of a request fails; `portal.views.server_error` (handler500) renders the same
page when the error comes from any other middleware. The page is
rendered without any database access and without context processors, since the database is
what failed.

What the user typed survives an outage: multi-step form answers (forms.flow.FormSession) live in
the server-side session and funding wizard steps on the Application row, both committed by the
previous successful request. The request that fails changes nothing: Django's SessionMiddleware
does not save the session for a response with status >= 500, so the session row and cookie stay
as they were, and every write (a submission, a wizard step) is one statement or one transaction
that either committed before the outage or did not happen at all. We deliberately do not move the
answers into a signed cookie: they hold sensitive personal data (health, family), a cookie is
readable on a shared computer and sent with every request, and free-text answers do not fit in
4 KB. Nor into the cache alone: a cache eviction or Redis restart would lose them silently.

Logging: one line with the exception class and the path (never the POST body, the session or the
exception text, which can quote SQL parameters), so no personal data reaches the logs.
"""
import logging

from django.conf import settings
from django.contrib.sessions.exceptions import SessionInterrupted
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template import loader
from django.utils import translation

logger = logging.getLogger("lotsa")

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def is_database_error(exc):
    """True for a database error, or an error raised while handling one (e.g. Django's
    SessionInterrupted, raised when saving the session fails with a broken connection)."""
    for _depth in range(6):
        if exc is None:
            return False
        if isinstance(exc, DATABASE_ERRORS):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _drop_broken_connections():
    """Close connections that failed, so the next request reconnects at once when the database
    is back (Django also does this at the start of each request; this covers code paths that
    run before that, such as the test client)."""
    for conn in connections.all(initialized_only=True):
        if conn.connection is not None and conn.errors_occurred:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - the socket is already gone
                conn.connection = None


def service_unavailable(request, exc=None):
    """The 503 page in the request's language, rendered without the database."""
    if exc is not None:
        logger.warning("Database unavailable (%s) on %s %s: answered 503",
                       type(exc).__name__, request.method, request.path)
    _drop_broken_connections()
    language = translation.get_language() or settings.LANGUAGE_CODE
    html = loader.get_template("503.html").render({
        "LANGUAGE_CODE": language, "LANGUAGE_BIDI": translation.get_language_bidi(),
        "retry_url": request.get_full_path() if request.method == "GET" else "",
    })
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class SessionMiddleware(DjangoSessionMiddleware):
    """Django's session middleware, except that a session save that fails because the database
    went away answers 503 "try again", not 400: Django turns the failed update into
    SessionInterrupted (a "suspicious operation"), which would tell the user nothing useful."""

    def process_response(self, request, response):
        try:
            return super().process_response(request, response)
        except (SessionInterrupted, *DATABASE_ERRORS) as exc:
            if is_database_error(exc):
                return service_unavailable(request, exc)
            raise


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_error(exception):
            return service_unavailable(request, exception)
        return None
