"""A new project lead signs up from a fund page, confirms the address from the e-mail and is
back on that fund page, logged in, with the Apply button (issue 15, item 18); an empty
"My applications" links to the funds (item 15)."""
import re
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.django_db

PASSWORD = "Lotsa-test-losen-2026"
FUND = "/sv/sok-medel/lokala-utvecklingsmedel/"


def confirm_link(message):
    return re.sub(r"^https?://[^/]+", "", re.search(r"https?://\S+/confirm-email/\S+", message.body).group(0))


def test_confirming_the_address_logs_in_and_returns_to_the_fund_page(client, mailoutbox, fresh_cache):
    fund_page = client.get(FUND).content.decode()
    signup = re.search(r'href="(/sv/accounts/signup/\?next=[^"]+)"', fund_page).group(1)
    response = client.get(signup)
    assert 'name="next"' in response.content.decode()
    response = client.post(signup, {"email": "ny.ledare@example.org", "password1": PASSWORD,
                                    "password2": PASSWORD, "next": FUND})
    assert response.status_code == 302 and "/confirm-email/" in response.url
    link = confirm_link(mailoutbox[-1])
    assert client.get(link).status_code == 200
    response = client.post(link, follow=True)
    assert response.redirect_chain[-1][0].endswith(FUND)
    assert response.context["user"].is_authenticated
    assert ">Ansök</button>" in response.content.decode()


def test_a_confirmation_link_opened_elsewhere_logs_no_one_in(client, mailoutbox, fresh_cache):
    from django.test import Client

    client.post(f"/sv/accounts/signup/?next={FUND}", {"email": "annan.ledare@example.org", "password1": PASSWORD,
                                                       "password2": PASSWORD, "next": FUND})
    other = Client()  # the link in another browser: confirmed, but no login from a link alone
    response = other.post(confirm_link(mailoutbox[-1]), follow=True)
    assert not response.context["user"].is_authenticated
    from allauth.account.models import EmailAddress

    assert EmailAddress.objects.get(email="annan.ledare@example.org").verified
    # ... on the login page, which then goes on to the fund page the sign-up started from
    assert response.redirect_chain[-1][0] == f"/sv/accounts/login/?next={quote(FUND, safe='')}"
    assert f'name="next" value="{FUND}"' in response.content.decode()
    response = other.post(response.redirect_chain[-1][0], {"login": "annan.ledare@example.org",
                                                            "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0].endswith(FUND) and response.context["user"].is_authenticated
    assert ">Ansök</button>" in response.content.decode()


def test_the_fund_index_signup_link_returns_to_the_funds(client):
    html = client.get("/sv/sok-medel/").content.decode()
    assert 'href="/sv/accounts/signup/?next=/sv/sok-medel/"' in html


def test_confirmation_email_is_under_the_site_name_and_names_no_user(client, mailoutbox, fresh_cache):
    client.post("/sv/accounts/signup/", {"email": "tredje.ledare@example.org", "password1": PASSWORD,
                                         "password2": PASSWORD})
    message = mailoutbox[-1]
    assert message.subject == "Lotsa: Bekräfta din e-postadress"
    assert message.body.startswith("Hej från Lotsa!")
    assert "Hej från testserver" not in message.body and "testserver" not in message.subject
    from django.contrib.auth import get_user_model

    username = get_user_model().objects.get(email="tredje.ledare@example.org").username
    assert username not in message.body


def test_empty_list_of_applications_links_to_the_funds(client, fresh_cache):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("tom", "tom@example.org", PASSWORD)
    client.force_login(user)
    for lang, index in [("sv", "/sv/sok-medel/"), ("ar", "/ar/apply-for-funding-ar/")]:
        html = client.get(f"/{lang}/funding/my/").content.decode()
        assert f'href="{index}"' in html, lang
