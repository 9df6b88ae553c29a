"""Two-factor authentication: one way in, and TOTP for staff who see personal data.

Every login goes through allauth (portal/urls.py redirects the other login and password forms
there). allauth keeps a log of how the current session was authenticated
(`allauth.account.authentication.get_authentication_records`): "password" or "code", and "mfa"
once the two-factor step is passed. Two guards use it:

- `MFAMiddleware` refuses a session of a user who HAS an authenticator app (TOTP or a security
  key) when that session never went through allauth's two-factor step: it logs them out and sends
  them to the login page. So a login form that bypasses allauth (Wagtail's `_util/login/` was
  one), `force_login`, or a session from before the user enrolled cannot reach anything.
- With `LOTSA_REQUIRE_MFA` on (production), members of the groups that see personal data
  (`home.roles.PERSONAL_DATA_GROUPS`) and superusers without TOTP are sent from every admin page
  to the enrolment page until they enrol. Logging out and the enrolment pages stay open.

Enrolling proves a code too, so activating TOTP adds an "mfa" record to the session: the user
stays logged in after enrolling. A session from before the user enrolled (another browser) is
logged out at its next request.
"""
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
# Admin URLs a user who must enrol may still open: logging out (they redirect to allauth's).
ADMIN_ALWAYS_OPEN = ("/admin/logout/", "/django-admin/logout/", "/admin/jsi18n/")
STRONG_TYPES = ("totp", "webauthn")  # what allauth's AuthenticateStage asks a code for


def has_strong_authenticator(user):
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user_id=user.pk, type__in=STRONG_TYPES).exists()


def session_passed_mfa(request, user):
    from allauth.account.authentication import get_authentication_records

    return any(record.get("method") == "mfa" for record in get_authentication_records(request, user))


def must_use_mfa(user):
    """Members of a group that can see personal data, and superusers (home/roles.py)."""
    from home.roles import PERSONAL_DATA_GROUPS

    return bool(user.is_superuser or user.groups.filter(name__in=PERSONAL_DATA_GROUPS).exists())


class MFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only a request with a session cookie can be logged in; anonymous requests are left
        # alone (no session access, so no "Vary: Cookie" on cached pages).
        enrolling = None
        if (getattr(request, "session", None) is not None and settings.SESSION_COOKIE_NAME in request.COOKIES
                and request.user.is_authenticated):
            user = request.user
            if not session_passed_mfa(request, user):
                if has_strong_authenticator(user):
                    logout(request)
                    messages.error(request, _("Please log in again, with the code from your authenticator app."))
                    return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
                if (settings.LOTSA_REQUIRE_MFA and request.path.startswith(ADMIN_PREFIXES)
                        and not request.path.startswith(ADMIN_ALWAYS_OPEN) and must_use_mfa(user)):
                    messages.warning(request, _(
                        "Your role can see personal data, so your account needs two-factor "
                        "authentication before the admin opens. Set it up now: confirm your "
                        "password, scan the QR code with an authenticator app on your phone and "
                        "type the 6-digit code it shows."))
                    return redirect(reverse("mfa_activate_totp"))
                if request.method == "POST":
                    enrolling = user  # had no authenticator: this POST may be the enrolment
        response = self.get_response(request)
        if enrolling is not None:
            record_enrolment(request, enrolling)
        return response


def record_enrolment(request, user):
    """Activating TOTP means the user just typed a valid code for the new secret: count it as
    the two-factor step of this session, so that the guard does not log them out right after
    enrolling. (allauth's authenticator_added signal comes on commit, too late for this.)"""
    from allauth.account.internal.flows.login import record_authentication
    from allauth.mfa.models import Authenticator

    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name != "mfa_activate_totp" or not request.user.is_authenticated:
        return
    authenticator = Authenticator.objects.filter(user_id=user.pk, type="totp").first()
    if authenticator is not None:
        record_authentication(request, user, "mfa", type="totp", id=authenticator.pk, enrolled=True)


class AuthenticatorAdmin(admin.ModelAdmin):
    """allauth's Authenticator in the Django admin without its `data` (the TOTP secret, the
    recovery-code seed): an Administrator may see that a user has two-factor authentication and
    delete it (a lost phone), but never read the secret."""

    list_display = ("user", "type", "created_at", "last_used_at")
    list_filter = ("type",)
    fields = ("user", "type", "created_at", "last_used_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def connect():
    from allauth.mfa.models import Authenticator

    # allauth.mfa.admin registers a ModelAdmin that shows `data`. This runs in portal's ready(),
    # before the admin's autodiscover: import allauth's module now (autodiscover then finds it
    # imported and registers nothing again) and replace its registration.
    import allauth.mfa.admin  # noqa: F401

    if admin.site.is_registered(Authenticator):
        admin.site.unregister(Authenticator)
    admin.site.register(Authenticator, AuthenticatorAdmin)
