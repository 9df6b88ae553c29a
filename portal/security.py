"""Admin session lifetime: staff sessions end when the browser closes, after
STAFF_SESSION_IDLE_SECONDS without a request, and STAFF_SESSION_MAX_SECONDS after login at the
latest. Residents and project leads keep the ordinary SESSION_COOKIE_AGE.

"Staff" is anyone who may open the Wagtail admin (wagtailadmin.access_admin, which every Lotsa
group has) or the Django admin (is_staff). Login itself (rate limits, two-factor codes) goes
through allauth for the admin too; see portal/urls.py.
"""
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.utils.translation import gettext as _

STAFF_FLAG = "lotsa_staff"
LOGIN_AT = "lotsa_login_at"
SEEN_AT = "lotsa_seen_at"
SEEN_WRITE_EVERY = 60  # seconds: don't rewrite the session on every click


def is_staff_user(user):
    return bool(user.is_active and (user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")))


def mark_staff_session(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session") or not is_staff_user(user):
        return
    now = int(time.time())
    request.session[STAFF_FLAG] = True
    request.session[LOGIN_AT] = now
    request.session[SEEN_AT] = now
    request.session.set_expiry(0)  # the cookie dies with the browser


def connect():
    from portal import mfa

    user_logged_in.connect(mark_staff_session, dispatch_uid="lotsa-staff-session")
    mfa.connect()


class StaffSessionMiddleware:
    """Log a staff user out when their session is idle or too old, and send them to log in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        # Only a request that carries a session cookie can be a staff session: not touching the
        # session otherwise keeps anonymous responses free of "Vary: Cookie" (the page cache).
        if (session is not None and settings.SESSION_COOKIE_NAME in request.COOKIES
                and session.get(STAFF_FLAG) and request.user.is_authenticated):
            now = int(time.time())
            login_at = session.get(LOGIN_AT, 0)
            seen_at = session.get(SEEN_AT, login_at)
            if (now - login_at > settings.STAFF_SESSION_MAX_SECONDS
                    or now - seen_at > settings.STAFF_SESSION_IDLE_SECONDS):
                logout(request)
                messages.info(request, _("Your session has expired. Please log in again."))
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            if now - seen_at >= SEEN_WRITE_EVERY:
                session[SEEN_AT] = now
        response = self.get_response(request)
        # allauth's login form applies "Remember me" (an 8-hour cookie) after user_logged_in has
        # marked the staff session: end it with the browser again before the session is saved.
        if (session is not None and session.modified and session.get(STAFF_FLAG)
                and not session.get_expire_at_browser_close()):
            session.set_expiry(0)
        return response
