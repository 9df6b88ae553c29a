"""Small cross-cutting middleware: headers Django does not send, and language-prefix handling."""
import re

from django.conf import settings
from django.http import Http404
from django.middleware.locale import LocaleMiddleware as _DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

# Top-level paths that are not language prefixes even though they look like one.
NON_LANGUAGE_PREFIXES = {"oai", "api", "ics"}
LANGUAGE_LIKE = re.compile(r"^/([a-z]{2,3}(?:-[a-z0-9]{2,8})?)(?:/|$)")
ADMIN_CSP = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline'; font-src 'self' data:; frame-ancestors 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


class PermissionsPolicyMiddleware:
    """Permissions-Policy on every response, and a (looser) CSP for the Wagtail admin, whose
    own scripts are inline; public pages get the strict policy from django-csp."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if request.path.startswith(("/admin/", "/django-admin/")):
            response.setdefault("Content-Security-Policy", ADMIN_CSP)
        return response


class UnknownLanguagePrefixMiddleware:
    """`/xx/...` with a code we do not serve is a 404 in the default language, rather than a
    redirect to `/sv/xx/...`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = LANGUAGE_LIKE.match(request.path_info)
        if match:
            code = match.group(1)
            known = {c for c, _name in settings.LANGUAGES}
            if code not in known and code not in NON_LANGUAGE_PREFIXES:
                translation.activate(settings.LANGUAGE_CODE)
                request.LANGUAGE_CODE = settings.LANGUAGE_CODE
                raise Http404("Unknown language")
        return self.get_response(request)


NOT_LANGUAGE_PREFIXED = ("/admin/", "/django-admin/", "/documents/")


class LocaleMiddleware(_DjangoLocaleMiddleware):
    """Django's, except that a 404 in the admin stays a 404. Django redirects a 404 outside the
    language prefixes to `/sv/<path>` whenever that path resolves, and Wagtail's page serving
    under `/sv/` resolves every path: a missing or hidden record at `/admin/...` became a 302
    to a public "page not found"."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(NOT_LANGUAGE_PREFIXED):
            response.headers.setdefault("Content-Language", translation.get_language())
            patch_vary_headers(response, ("Accept-Language",))
            return response
        return super().process_response(request, response)


# One person's data: the applicant area (/<lang>/funding/my/..., the application and final-report
# wizards, their PDFs and attachments), a booking's personal link, and every step of a form
# (the check page shows the answers; a step shows them again after "change").
PERSONAL_NAMESPACES = {"funding", "reports"}
PERSONAL_VIEWS = {"bookings:manage", "bookings:cancel"}


def is_personal(request):
    match = getattr(request, "resolver_match", None)
    if match is not None and (PERSONAL_NAMESPACES & set(match.namespaces) or match.view_name in PERSONAL_VIEWS):
        return True
    routable = getattr(request, "routable_resolver_match", None)  # a Wagtail page's own route
    if routable is not None:
        from forms.models import FormPage

        return isinstance(getattr(routable.func, "__self__", None), FormPage)
    return False


class PersonalPagesNoStoreMiddleware:
    """`Cache-Control: no-store, private` on pages with one person's data, so that neither a
    shared proxy nor the browser's cache (a library computer's back button) keeps them. Public
    pages are untouched (the anonymous page cache stays). The admin has Wagtail's never_cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_personal(request):
            patch_cache_control(response, no_store=True, private=True)
        return response
