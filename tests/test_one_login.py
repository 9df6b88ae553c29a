"""One way in, with two-factor for staff (issue 11, "Trust boundary"): every login and password
form goes through allauth (Wagtail's front-end login and its password reset, Django admin's
password change and logout redirect there), a session that skipped allauth's two-factor step is
refused for a user who has an authenticator app (portal/mfa.py), the roles that see personal data
must enrol in TOTP when LOTSA_REQUIRE_MFA is on, and TOTP secrets are not shown in the Django
admin."""
import time

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]  # rate limits live in the cache

LOGIN = "/sv/accounts/login/"
ACTIVATE = "/sv/accounts/2fa/totp/activate/"


def password(username):
    return f"lotsa-{username}-demo"


def totp_code(secret, offset=0):
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + offset))


def enrol(user):
    """An authenticator app for `user`, as if they had enrolled; returns the secret."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def open_enrolment(client, username, lang="sv"):
    """The TOTP enrolment page; allauth first asks for the password again."""
    activate = f"/{lang}/accounts/2fa/totp/activate/"
    response = client.get(activate)
    if response.status_code == 302 and "/reauthenticate/" in response["Location"]:
        client.post(response["Location"], {"password": password(username)})
        response = client.get(activate)
    assert response.status_code == 200, response.get("Location")
    return response


def allauth_login(client, username, next_url="/admin/", secret=None):
    response = client.post(f"{LOGIN}?next={next_url}", {"login": f"{username}@lotsa.example",
                                                         "password": password(username)})
    assert response.status_code == 302, response.content.decode()[:2000]
    if secret:
        assert response["Location"].startswith(reverse("mfa_authenticate"))
        response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
        assert response.status_code == 302
    return response


@pytest.mark.parametrize("lang", ["sv", "en", "ar"])
def test_wagtails_front_end_login_is_allauths(client, lang):
    response = client.get(f"/{lang}/_util/login/?next=/admin/inbox/")
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/accounts/login/?next=/admin/inbox/"


def test_right_password_at_the_old_front_end_login_opens_nothing(client, demo_users):
    """The finding: the right password alone at /sv/_util/login/ opened the inbox for an enrolled
    Coordinator and the user list and Django admin for an enrolled Administrator; an e-mail
    address was accepted as the user name, and 12 wrong passwords first gave no lockout."""
    enrol(demo_users["Coordinators"])
    enrol(demo_users["Administrators"])
    for _attempt in range(12):
        client.post("/sv/_util/login/", {"username": "samordnare@lotsa.example", "password": "wrong-password"})
    for username, urls in [("samordnare", ["/admin/inbox/"]), ("admin", ["/admin/users/", "/django-admin/"])]:
        for login_name in (username, f"{username}@lotsa.example"):
            response = client.post("/sv/_util/login/?next=/admin/",
                                   {"username": login_name, "password": password(username)})
            assert response.status_code == 302 and response["Location"].startswith(LOGIN)
            assert "_auth_user_id" not in client.session
            for url in urls:
                assert client.get(url).status_code == 302, url


def test_unverified_sign_up_cannot_log_in_at_the_old_front_end_login(client, django_user_model):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user("ny", "ny@example.org", "a-long-password-123")
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.post("/sv/_util/login/", {"username": "ny@example.org", "password": "a-long-password-123"})
    assert "_auth_user_id" not in client.session
    assert client.get("/sv/funding/my/").status_code == 302


def test_djangos_plain_backend_is_gone():
    """Only allauth's backend: the user name (not a login method here) authenticates nobody, so a
    form that calls authenticate() outside allauth gets nothing."""
    from django.contrib.auth import authenticate

    assert authenticate(username="samordnare", password=password("samordnare")) is None
    assert authenticate(email="samordnare@lotsa.example", password=password("samordnare")).username == "samordnare"


def test_a_session_that_skipped_the_two_factor_step_is_refused(client, demo_users):
    """A door that bypasses allauth (here force_login, as Wagtail's front-end login did) does not
    give a user with an authenticator app a working session: the next request logs them out."""
    coordinator = demo_users["Coordinators"]
    secret = enrol(coordinator)
    client.force_login(coordinator)
    response = client.get("/admin/inbox/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session
    assert client.get("/sv/funding/my/").status_code == 302  # logged out everywhere, not just the admin
    page = client.get(response["Location"]).content.decode()
    assert "Logga in igen, med koden från din autentiseringsapp." in page

    allauth_login(client, "samordnare", secret=secret)  # password and code: the one way in
    assert client.get("/admin/inbox/").status_code == 200
    assert client.get("/sv/funding/my/").status_code == 200


def activate(client):
    """Type the current code on the enrolment page."""
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    secret = client.session[SECRET_SESSION_KEY]
    assert client.post(ACTIVATE, {"code": totp_code(secret)}).status_code == 302
    return secret


def test_enrolling_keeps_the_session(client):
    """Activating TOTP counts as the two-factor step of the session it happens in."""
    allauth_login(client, "moderator")
    open_enrolment(client, "moderator")
    activate(client)
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("url,target", [
    ("/admin/password_reset/", "/sv/accounts/password/reset/"),
    ("/admin/password_reset/done/", "/sv/accounts/password/reset/"),
    ("/admin/account/change_password/", "/sv/accounts/password/change/"),
    ("/django-admin/password_change/", "/sv/accounts/password/change/"),
    ("/django-admin/password_change/done/", "/sv/accounts/password/change/"),
    ("/django-admin/logout/", "/sv/accounts/logout/"),
    ("/admin/logout/", "/sv/accounts/logout/"),
])
def test_admin_password_forms_and_logouts_are_allauths(client_as, url, target):
    client = client_as("Administrators")
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == target


def test_wagtails_password_reset_sends_no_mail_of_its_own(client):
    from django.core import mail

    response = client.post("/admin/password_reset/", {"email": "samordnare@lotsa.example"})
    assert response.status_code == 307 and response["Location"] == "/sv/accounts/password/reset/"
    assert mail.outbox == []
    assert "wagtailadmin/account/password_reset" not in client.get("/admin/password_reset/", follow=True).content.decode()


def test_logout_buttons_of_the_admins_log_out_through_allauth(client_as):
    client = client_as("Administrators")
    response = client.post("/django-admin/logout/", follow=True)
    assert response.redirect_chain[0] == ("/sv/accounts/logout/", 307)
    assert "_auth_user_id" not in client.session
    client = client_as("Editors")
    client.post("/admin/logout/", follow=True)
    assert "_auth_user_id" not in client.session


def test_no_shared_password_pages(client, client_as):
    """Wagtail's page-password form is not a user login but a shared secret with no owner, rate
    limit or audit: the option is off in the admin and its form URL is gone."""
    from wagtail.admin.forms.pages import PageViewRestrictionForm
    from wagtail.models import PageViewRestriction

    form = PageViewRestrictionForm(private_page_options=["password", "login", "groups"])
    assert "password" not in form.fields
    assert PageViewRestriction.PASSWORD not in [value for value, _label in form.fields["restriction_type"].choices]
    assert client.post("/sv/_util/authenticate_with_password/1/3/", {"password": "x"}).status_code == 404
    assert client.post("/documents/authenticate_with_password/1/", {"password": "x"}, follow=True).status_code == 404


def test_pages_for_logged_in_users_send_visitors_to_allauths_login(client):
    from wagtail.models import Page, PageViewRestriction

    page = Page.objects.filter(locale__language_code="sv", depth=3).live().first()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302 and response["Location"].startswith(f"{LOGIN}?next=")


# --- TOTP required for the roles that see personal data -----------------------------------------

@pytest.mark.parametrize("role,username", [("Coordinators", "samordnare"), ("Fund managers", "fondforvaltare"),
                                           ("Administrators", "admin")])
def test_personal_data_roles_must_enrol_before_the_admin_opens(client, settings, role, username):
    settings.LOTSA_REQUIRE_MFA = True
    allauth_login(client, username)
    for url in ("/admin/", "/admin/inbox/", "/admin/funding_applications/", "/django-admin/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == ACTIVATE, url
    reauthenticate = client.get(ACTIVATE)  # allauth asks for the password again first
    assert reauthenticate.status_code == 302
    text = client.get(reauthenticate["Location"]).content.decode()
    assert "Din roll kan se personuppgifter" in text  # the explanation, in Swedish
    text = open_enrolment(client, username).content.decode()
    assert "Aktivera autentiseringsapp" in text
    assert client.get("/admin/logout/").status_code == 302  # logging out stays open

    activate(client)
    assert client.get("/admin/").status_code == 200


def test_the_enrolment_page_is_translated(client, settings):
    settings.LOTSA_REQUIRE_MFA = True
    allauth_login(client, "samordnare")
    client.cookies["lotsa_language"] = "ar"
    response = client.get("/admin/inbox/")
    assert response["Location"] == "/ar/accounts/2fa/totp/activate/"
    reauthenticate = client.get(response["Location"])
    assert reauthenticate["Location"].startswith("/ar/accounts/reauthenticate/")
    text = client.get(reauthenticate["Location"]).content.decode()
    assert "يتيح دورك رؤية البيانات الشخصية" in text and "personal data" not in text
    text = open_enrolment(client, "samordnare", lang="ar").content.decode()
    assert "تفعيل تطبيق المصادقة" in text and "Authenticator" not in text


def test_other_roles_and_residents_are_not_asked_to_enrol(client, settings, client_as, django_user_model):
    settings.LOTSA_REQUIRE_MFA = True
    allauth_login(client, "redaktor")
    assert client.get("/admin/").status_code == 200
    allauth_login(client, "projektledare", next_url="/sv/funding/my/")
    assert client.get("/sv/funding/my/").status_code == 200


def test_enrolment_is_not_required_when_the_setting_is_off(client, settings):
    settings.LOTSA_REQUIRE_MFA = False
    allauth_login(client, "samordnare")
    assert client.get("/admin/inbox/").status_code == 200


def test_require_mfa_is_on_in_production_and_off_in_dev():
    from tests.test_security import PROD_ENV, run_manage

    code = "from django.conf import settings; print(settings.LOTSA_REQUIRE_MFA)"
    assert run_manage("shell", "-c", code, env=PROD_ENV).stdout.strip().splitlines()[-1] == "True"
    dev = run_manage("shell", "-c", code, env={"DJANGO_SETTINGS_MODULE": "portal.settings.dev"})
    assert dev.stdout.strip().splitlines()[-1] == "False"


# --- TOTP secrets in the Django admin -------------------------------------------------------------

def test_totp_secrets_are_not_shown_in_the_django_admin(client_as, demo_users):
    from allauth.mfa.models import Authenticator

    secret = enrol(demo_users["Coordinators"])
    authenticator = Authenticator.objects.get(user=demo_users["Coordinators"], type="totp")
    client = client_as("Administrators")
    listing = client.get("/django-admin/mfa/authenticator/")
    assert listing.status_code == 200 and "samordnare" in listing.content.decode()
    page = client.get(f"/django-admin/mfa/authenticator/{authenticator.pk}/change/")
    assert page.status_code == 200
    assert secret not in page.content.decode() and "secret" not in page.content.decode()
    # an Administrator can still remove it for a user who lost their phone
    delete = client.post(f"/django-admin/mfa/authenticator/{authenticator.pk}/delete/", {"post": "yes"})
    assert delete.status_code == 302 and not Authenticator.objects.filter(pk=authenticator.pk).exists()


def test_the_admin_account_page_changes_the_password_through_allauth(client_as):
    html = client_as("Editors").get("/admin/account/").content.decode()
    assert 'href="/sv/accounts/password/change/"' in html  # our account menu item
    assert 'name="password_old"' not in html and "old_password" not in html  # Wagtail's own panel is off
