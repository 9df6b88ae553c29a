"""The anonymous page cache serves repeat visits from the cache and is purged on publish."""
import pytest
from django.core.cache import cache
from wagtail.models import Locale

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


# --- The menus, footer and language switcher are cached too, and purged on publish ------------

def test_renaming_a_menu_page_shows_in_the_menu_at_once(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the chrome's fragment cache works with or without the page cache
    cache.clear()
    page = StandardPage.objects.get(locale__language_code="sv", slug="om-webbplatsen")
    page.show_in_menus = True
    page.save_revision().publish()
    link = f'<a href="{page.url}">'
    assert f"{link}Om webbplatsen</a>" in client.get("/sv/").content.decode()
    page.title = "Om Lotsa"
    page.save_revision().publish()
    html = client.get("/sv/").content.decode()
    assert f"{link}Om Lotsa</a>" in html and f"{link}Om webbplatsen</a>" not in html


def test_unpublishing_a_translation_removes_it_from_the_language_switcher_at_once(client):
    cache.clear()
    page = StandardPage.objects.get(locale__language_code="sv", slug="om-webbplatsen")
    english = page.get_translation(Locale.objects.get(language_code="en"))
    assert f'href="{english.url}"' in client.get(page.url).content.decode()
    english.unpublish()
    assert f'href="{english.url}"' not in client.get(page.url).content.decode()


# --- Redis: one cache shared by every app server -----------------------------------------------

REDIS_URL = "redis://127.0.0.1:6379/5"


def _redis_reachable():
    try:
        import redis

        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except Exception:  # noqa: BLE001 - any failure means: no Redis here
        return False


@pytest.fixture
def redis_cache(settings):
    if not _redis_reachable():
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    settings.CACHES = {"default": {
        "BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "lotsa-test",
        "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
    }}
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield cache
    cache.clear()


def test_with_redis_a_publish_on_one_server_purges_the_page_on_every_server(redis_cache):
    import redis
    from django.test import Client

    page = StandardPage.objects.get(locale__language_code="sv", slug="om-webbplatsen")
    server_a, server_b = Client(), Client()
    assert server_a.get(page.url)["X-Lotsa-Cache"] == "miss"
    assert server_b.get(page.url)["X-Lotsa-Cache"] == "hit"  # stored in Redis, not in one process
    assert redis.Redis.from_url(REDIS_URL).keys("lotsa-test:*lotsa:page:*")
    page.intro = "Ny ingress, publicerad på en annan server."
    page.save_revision().publish()
    response = server_b.get(page.url)
    assert response["X-Lotsa-Cache"] == "miss"
    assert "Ny ingress, publicerad på en annan server." in response.content.decode()
