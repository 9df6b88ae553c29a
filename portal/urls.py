from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import views

urlpatterns = [
    # Every login (Wagtail admin, Django admin, applicants) goes through allauth: one form with
    # ACCOUNT_RATE_LIMITS and the two-factor step (allauth.mfa). Old login URLs redirect there.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("django-admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
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
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns = staticfiles_urlpatterns() + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
