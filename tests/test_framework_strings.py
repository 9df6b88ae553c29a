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


def about_page():
    from home.models import StandardPage

    return StandardPage.objects.get(locale__language_code="sv", slug="om-webbplatsen")


def test_the_moderation_workflow_is_named_in_swedish(client_as):
    from django.urls import reverse

    page = about_page()
    html = client_as("Editors").get(reverse("wagtailadmin_pages:edit", args=[page.id]), HTTP_ACCEPT_LANGUAGE="sv")
    html = html.content.decode()
    assert "Granskning av moderator" in html
    assert "Moderators approval" not in html


def test_approving_from_the_editor_says_the_page_was_published(client_as, demo_users):
    from django.urls import reverse
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    page = about_page()
    editor = demo_users["Editors"]
    page.intro = "Granskad ingress"
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    client = client_as("Moderators")
    data = nested_form_data({
        "title": page.title, "slug": page.slug, "intro": "Granskad ingress", "body": streamfield([]),
        "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
        "action-workflow-action": "true", "workflow-action-name": "approve", "workflow-action-extra-data": "{}",
    })
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.id]), data, HTTP_ACCEPT_LANGUAGE="sv",
                           follow=True)
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    html = response.content.decode()  # the page the moderator lands on, with its messages
    assert "har godkänts och publicerats" in html
    assert "har blivit uppdaterad" not in html


def test_translation_editor_strings_are_translated_and_spaced(client_as):
    import json
    import re

    from django.urls import reverse
    from wagtail.models import Locale

    arabic = about_page().get_translation(Locale.objects.get(language_code="ar"))
    response = client_as("Administrators").get(reverse("wagtailadmin_pages:edit", args=[arabic.id]),
                                              HTTP_ACCEPT_LANGUAGE="sv", follow=True)
    html = response.content.decode()
    strings = json.loads(re.search(r'<script id="localize-strings" type="application/json">(.*?)</script>',
                                   html).group(1))
    assert strings["publish_in"] == "Publicera på "
    assert strings["more_actions"] != "More actions"
    assert strings["heading"] == "Översättning från {source} till {target}"
    assert "localize-editor-strings.js" in html
