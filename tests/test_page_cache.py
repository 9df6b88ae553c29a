"""The anonymous page cache serves repeat visits from the cache and is purged on publish."""
import pytest
from django.core.cache import cache

from home.models import EmergencyNumber, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def test_second_visit_is_served_from_the_cache(client, page_cache):
    first = client.get("/sv/om-webbplatsen/")
    second = client.get("/sv/om-webbplatsen/")
    assert first["X-Lotsa-Cache"] == "miss" and second["X-Lotsa-Cache"] == "hit"
    assert second.content == first.content
    assert "unsafe-inline" not in second["Content-Security-Policy"]  # headers are kept


def test_publishing_purges_the_cache_so_the_edit_shows_at_once(client, page_cache):
    page = StandardPage.objects.get(locale__language_code="sv", slug="om-webbplatsen")
    client.get(page.url)
    assert client.get(page.url)["X-Lotsa-Cache"] == "hit"
    page.intro = "En helt ny ingress om webbplatsen."
    page.save_revision().publish()
    response = client.get(page.url)
    assert response["X-Lotsa-Cache"] == "miss"
    assert "En helt ny ingress om webbplatsen." in response.content.decode()


def test_editing_a_snippet_shown_on_every_page_purges_too(client, page_cache):
    client.get("/sv/")
    number = EmergencyNumber.objects.get(locale__language_code="sv", number="112")
    number.description = "Ring vid akut fara."
    number.save()
    assert "Ring vid akut fara." in client.get("/sv/").content.decode()


def test_visitors_with_a_session_and_queries_are_never_cached(client, page_cache, demo_users):
    client.get("/sv/search/?q=stöd")
    assert "X-Lotsa-Cache" not in client.get("/sv/search/?q=stöd")
    client.force_login(demo_users["Editors"])
    client.get("/sv/")
    assert "X-Lotsa-Cache" not in client.get("/sv/")


def test_cache_is_off_unless_configured(client):
    client.get("/sv/")
    assert "X-Lotsa-Cache" not in client.get("/sv/")
