from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import Http404
from django.shortcuts import redirect
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import views


def to_allauth(pattern_name):
    """Redirect to allauth's view of the same job; a POST stays a POST (307), so the admins'
    logout buttons log out at allauth's logout."""
    def view(request, *args, **kwargs):
        return redirect(pattern_name, preserve_request=request.method not in ("GET", "HEAD"))
    return view


def gone(request, *args, **kwargs):
    raise Http404


urlpatterns = [
    # Every login (Wagtail admin, Django admin, applicants) goes through allauth: one form with
    # ACCOUNT_RATE_LIMITS and the two-factor step (allauth.mfa). Old login URLs redirect there,
    # and so do the admins' own password forms and logouts (portal/mfa.py guards the rest).
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("django-admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    re_path(r"^admin/password_reset/", to_allauth("account_reset_password")),
    path("admin/account/change_password/", to_allauth("account_change_password")),
    path("admin/logout/", to_allauth("account_logout")),
    re_path(r"^django-admin/password_change/", to_allauth("account_change_password")),
    path("django-admin/logout/", to_allauth("account_logout")),
    # Shared passwords for documents are off (WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS).
    path("documents/authenticate_with_password/<int:restriction_id>/", gone),
    # Wagtail's "failwhale" answers a deliberate 500 to any admin user; no route may (the guard,
    # tests/test_url_inventory.py).
    path("admin/failwhale/", gone),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
]

# Each job's app owns its URLs; the language-prefixed ones come first so that
# Wagtail's catch-all page serving stays last.
urlpatterns += [
    path("", include("forms.urls_root")),
    path("", include("funding.urls_root")),
    path("", include("reports.urls_root")),
]

urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    path("accounts/", include("allauth.urls")),
    path("", include("home.urls")),
    path("", include("forms.urls")),
    path("", include("forms.bookings.urls")),
    path("", include("forms.surveys.urls")),
    path("", include("funding.urls")),
    path("", include("reports.urls")),
    # Wagtail's front-end login (a plain Django LoginView) is allauth's; shared page passwords
    # are off (WAGTAIL_PRIVATE_PAGE_OPTIONS), so their form is gone too.
    path("_util/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("_util/authenticate_with_password/<int:restriction_id>/<int:page_id>/", gone),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns = staticfiles_urlpatterns() + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
