"""A lost CSRF cookie gives the site's own translated page with a way back to the step, not
Django's bare 403 "More information is available with DEBUG=True" (issue 15, item 6)."""
import re

import pytest
from django.test import Client

from forms.models import FormPage

pytestmark = pytest.mark.django_db


def token(client, url):
    html = client.get(url).content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


@pytest.mark.parametrize("lang,slug,heading,back", [
    ("sv", "kontakta", "Sidan kunde inte skickas", "Tillbaka till formuläret"),
    ("ar", "contact", "تعذّر إرسال الصفحة", "العودة إلى النموذج")])
def test_lost_csrf_cookie_gives_a_page_that_leads_back_with_the_answers(lang, slug, heading, back):
    client = Client(enforce_csrf_checks=True)
    base = FormPage.objects.get(locale__language_code=lang, slug__startswith=slug).url
    first = "Ekonomi" if lang == "sv" else "الاقتصاد والديون"
    response = client.post(base, {"csrfmiddlewaretoken": token(client, base), "arende": first,
                                  "meddelande": "Hjälp"})
    assert response.status_code == 302
    step2 = base + "step/2/"
    client.get(step2)
    del client.cookies["csrftoken"]  # the cookie is gone (cleared, expired, blocked)
    response = client.post(step2, {"csrfmiddlewaretoken": "stale", "fornamn": "Amira"})
    html = response.content.decode()
    assert response.status_code == 403
    assert heading in html and "DEBUG" not in html
    assert f'lang="{lang}"' in html and "<header" in html and "<footer" in html  # the site's layout
    assert re.search(rf'<a href="{re.escape(step2)}">{back}</a>', html)
    assert response["Cache-Control"] == "no-store"
    # back on the step, the earlier step's answer is still there
    page1 = client.get(base).content.decode()
    assert re.search(r'value="[^"]*"[^>]*checked', page1) and first in page1
