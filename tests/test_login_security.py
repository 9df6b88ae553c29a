"""Login hardening (issue 8, item 8): every login goes through allauth with a failed-login rate
limit, admin users can enrol in TOTP two-factor authentication and must then give a code to reach
/admin/, and admin sessions end with the browser, when idle and after 8 hours."""
import re
import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from portal import security

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]  # rate limits live in the cache

LOGIN = "/sv/accounts/login/"


def login(client, email, password, next_url="/admin/"):
    return client.post(f"{LOGIN}?next={next_url}", {"login": email, "password": password})


def totp_code(secret, offset=0):
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + offset))


def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302 and response["Location"] == f"{LOGIN}?next=/admin/pages/"
    response = client.get("/django-admin/login/?next=/django-admin/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)

    response = login(client, "redaktor@lotsa.example", "lotsa-redaktor-demo")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("email,password", [("redaktor@lotsa.example", "lotsa-redaktor-demo"),
                                            ("projektledare@lotsa.example", "lotsa-projektledare-demo")])
def test_sixth_wrong_password_is_refused_with_a_clear_message(client, email, password):
    for _attempt in range(5):
        response = login(client, email, "wrong-password")
        assert response.status_code == 200
        assert "lösenordet är felaktigt" in response.content.decode()
    response = login(client, email, "wrong-password")
    assert response.status_code == 200
    text = response.content.decode()
    assert "För många misslyckade inloggningsförsök. Försök igen senare." in text
    # even the right password is refused until the window has passed
    response = login(client, email, password)
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_admin_enrols_in_totp_and_then_needs_a_code(client):
    from allauth.mfa.models import Authenticator

    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    assert login(client, "moderator@lotsa.example", "lotsa-moderator-demo").status_code == 302
    account = client.get("/admin/account/")
    assert reverse("mfa_index") in account.content.decode()  # the enrolment link in the admin
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 302 and page["Location"].startswith(reverse("account_reauthenticate"))
    client.post(page["Location"], {"password": "lotsa-moderator-demo"})  # allauth asks for it again
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200, page.get("Location")
    secret = client.session[SECRET_SESSION_KEY]
    assert secret in page.content.decode()  # shown for apps that cannot scan the QR code
    wrong = client.post(reverse("mfa_activate_totp"), {"code": "000000" if totp_code(secret) != "000000" else "111111"})
    assert wrong.status_code == 200 and not Authenticator.objects.filter(user__username="moderator").exists()
    done = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert done.status_code == 302
    assert Authenticator.objects.filter(user__username="moderator", type="totp").exists()

    client.post(reverse("account_logout"))
    cache.clear()  # a code may be used once; the next step may fall in the same 30 s window
    response = login(client, "moderator@lotsa.example", "lotsa-moderator-demo")
    assert response.status_code == 302 and response["Location"].startswith(reverse("mfa_authenticate"))
    assert client.get("/admin/").status_code == 302  # password alone does not open the admin
    bad = client.post(reverse("mfa_authenticate"), {"code": "12345"})
    assert bad.status_code == 200 and client.get("/admin/").status_code == 302
    # the bad attempt above was a redirect-less form error; the flow is still pending
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_staff_session_ends_with_the_browser_and_after_idle_or_max_age(client, demo_users):
    client.force_login(demo_users["Coordinators"])
    assert client.session.get_expire_at_browser_close()
    assert client.get("/admin/").status_code == 200

    session = client.session
    session[security.SEEN_AT] = int(time.time()) - 2 * 60 * 60  # idle for two hours
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert client.get("/admin/").status_code == 302  # logged out, not just redirected once

    client.force_login(demo_users["Coordinators"])
    session = client.session
    session[security.LOGIN_AT] = int(time.time()) - 9 * 60 * 60  # active all day, 9 h after login
    session[security.SEEN_AT] = int(time.time())
    session.save()
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[0][0].startswith(LOGIN)
    assert re.search(r"(session has expired|session har gått ut)", response.content.decode(), re.I)
    assert client.get("/admin/").status_code == 302


def test_residents_keep_the_ordinary_session(client, django_user_model):
    from django.conf import settings

    resident = django_user_model.objects.create_user("resident", "resident@example.org", "a-long-password-123")
    client.force_login(resident)
    assert not client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert security.STAFF_FLAG not in client.session


# --- issue 11: strangers cannot lock the owner out; proxies; "remember me" for staff -------------

CODE_LOGIN = "/sv/accounts/login/code/"


def log_in_with_emailed_code(client, email, next_url="/admin/"):
    """Ask for a code on the code-login page, read it from the e-mail, type it."""
    from django.core import mail

    mail.outbox.clear()
    response = client.post(f"{CODE_LOGIN}?next={next_url}", {"email": email})
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_confirm_login_code"))
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [email]
    message = mail.outbox[0]
    code = re.search(r"^([A-Z0-9]{3,}(?:-[A-Z0-9]{3,})*)$", message.body, re.M).group(1)
    return message, client.post(response["Location"], {"code": code})


def test_strangers_wrong_passwords_do_not_lock_the_owner_out(client, demo_users):
    from django.test import Client

    stranger = Client(REMOTE_ADDR="198.51.100.7")
    for _attempt in range(6):
        response = login(stranger, "samordnare@lotsa.example", "guessing-123")
    text = response.content.decode()
    assert "För många misslyckade inloggningsförsök. Försök igen senare." in text
    # the lockout message offers the way in that stays open to the owner
    assert "Du kan fortfarande logga in med en engångskod" in text and f'href="{CODE_LOGIN}?next=%2Fadmin%2F"' in text
    # the owner's right password is refused too (per-account limit) ...
    assert login(client, "samordnare@lotsa.example", "lotsa-samordnare-demo").status_code == 200
    assert "_auth_user_id" not in client.session
    # ... but the code sent to their own e-mail address lets them in
    message, response = log_in_with_emailed_code(client, "samordnare@lotsa.example")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/inbox/").status_code == 200
    # the e-mail holds the code and nothing personal: no name, no user name, no address
    user = demo_users["Coordinators"]
    for personal in (user.email, user.username, user.first_name, user.last_name):
        if personal:
            assert personal not in message.body and personal not in message.subject, personal


def test_the_login_page_offers_a_code_in_every_language(client):
    assert "Skicka mig en inloggningskod" in client.get(LOGIN).content.decode()
    assert "أرسل لي رمز تسجيل الدخول" in client.get("/ar/accounts/login/").content.decode()
    assert "Send me a sign-in code" in client.get("/en/accounts/login/").content.decode()
    page = client.get(CODE_LOGIN).content.decode()
    assert "Du kommer att få en speciell kod för en lösenordsfri inloggning." in page


def test_a_code_login_still_asks_for_the_authenticator_code(client, demo_users):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(demo_users["Coordinators"], secret)
    _message, response = log_in_with_emailed_code(client, "samordnare@lotsa.example")
    assert response.status_code == 302 and response["Location"].startswith(reverse("mfa_authenticate"))
    assert client.get("/admin/inbox/").status_code == 302  # the e-mailed code alone opens nothing
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/inbox/").status_code == 200


def test_a_code_for_an_unknown_address_says_nothing_about_the_address(client):
    from django.core import mail

    client.post(CODE_LOGIN, {"email": "ingen-alls@example.org"})
    assert len(mail.outbox) == 1 and "ingen-alls@example.org" not in mail.outbox[0].body
    assert "inget konto" in mail.outbox[0].body


def test_clients_behind_the_proxy_have_their_own_failed_login_counts(settings):
    from django.test import Client

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    # both come through the same proxy (one REMOTE_ADDR); the proxy adds the real address last
    first = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="spoofed, 203.0.113.5")
    second = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.6")
    for attempt in range(6):  # a different account each time: only the per-address limit counts
        response = login(first, f"nobody{attempt}@example.org", "wrong-password")
    assert "För många misslyckade inloggningsförsök" in response.content.decode()
    response = login(second, "nobody-else@example.org", "wrong-password")
    assert "För många misslyckade inloggningsförsök" not in response.content.decode()
    assert "lösenordet är felaktigt" in response.content.decode()
    # the proxied client's own address, as allauth (and so the forms' rate limit) sees it
    from allauth.account.adapter import get_adapter
    from django.test import RequestFactory

    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="spoofed, 203.0.113.5")
    assert get_adapter().get_client_ip(request) == "203.0.113.5"


def test_proxy_settings_come_from_the_environment():
    from tests.test_security import run_manage

    code = ("from django.conf import settings; "
            "print(settings.ALLAUTH_TRUSTED_PROXY_COUNT, settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER)")
    result = run_manage("shell", "-c", code, env={"TRUSTED_PROXY_COUNT": "2", "TRUSTED_CLIENT_IP_HEADER": "X-Real-IP"})
    assert result.stdout.strip().splitlines()[-1] == "2 X-Real-IP", result.stderr
    assert run_manage("shell", "-c", code).stdout.strip().splitlines()[-1] == "0 None"


def test_remember_me_does_not_keep_a_staff_session_past_the_browser(client, django_user_model):
    response = client.post(f"{LOGIN}?next=/admin/", {"login": "redaktor@lotsa.example",
                                                     "password": "lotsa-redaktor-demo", "remember": "on"})
    assert response.status_code == 302 and client.get("/admin/").status_code == 200
    assert client.session.get_expire_at_browser_close()
    cookie = response.cookies["sessionid"]
    assert not cookie["expires"] and not cookie["max-age"]  # a browser-session cookie

    # residents who tick "remember me" keep the 8-hour cookie
    from allauth.account.models import EmailAddress
    from django.test import Client

    resident = django_user_model.objects.create_user("kvar", "kvar@example.org", "a-long-password-123")
    EmailAddress.objects.create(user=resident, email=resident.email, verified=True, primary=True)
    other = Client()
    response = other.post(LOGIN, {"login": "kvar@example.org", "password": "a-long-password-123", "remember": "on"})
    assert response.status_code == 302 and not other.session.get_expire_at_browser_close()
    assert response.cookies["sessionid"]["max-age"] == 8 * 60 * 60
