"""allauth's and Wagtail's strings that we correct (portal/framework_strings.py), as a visitor
reads them on the login and sign-up pages (issue 15, items 10 and 13)."""
import pytest

pytestmark = pytest.mark.django_db


def test_swedish_login_page_invites_to_create_an_account(client):
    html = client.get("/sv/accounts/login/").content.decode()
    assert "Har du inget konto än?" in html and "Skapa ett konto" in html
    assert "Har du redan ett konto" not in html  # allauth's catalogue: "already have an account? log in"
    assert 'placeholder="E-postadress"' in html and "Epost-adress" not in html


def test_arabic_has_one_word_for_password_and_create_an_account(client):
    for path in ("/ar/accounts/login/", "/ar/accounts/signup/"):
        html = client.get(path).content.decode()
        assert "كلمة المرور" in html and "رمز المرور" not in html, path
    assert "إنشاء حساب" in client.get("/ar/accounts/signup/").content.decode()
    assert "الاشتراك" not in client.get("/ar/accounts/signup/").content.decode()


def test_booking_cancel_is_avboka_but_other_cancel_buttons_are_not(client):
    from django.utils import translation

    with translation.override("sv"):
        assert translation.pgettext("booking", "Cancel") == "Avboka"
        assert translation.gettext("Cancel") != "Avboka"
