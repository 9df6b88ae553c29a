"""Shared fixtures for the whole suite.

The demo content is loaded once per test database (per xdist worker) in `django_db_setup`, so
every test starts from the same realistic site. Tests using `db` run in a rolled-back
transaction on top of it. Browser tests use `live_url`: a live server on that same database,
with the demo content re-created if a transactional test flushed it.
"""
import os
import threading

import pytest
from django.core.management import call_command
from django.db import connections

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LANGUAGES = ["sv", "en", "ar"]


def load_demo():
    from io import StringIO

    call_command("load_demo", "--with-users", stdout=StringIO())


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """The test database with the demo content, for every session.

    pytest-django only creates test databases when some collected test asks for `db`; a run of
    browser tests alone (they use `live_url`) would otherwise write to the real database.
    """
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        load_demo()
    yield
    with django_db_blocker.unblock():
        connections.close_all()
        name = connections["default"].settings_dict["NAME"]
        try:
            teardown_databases(config, verbosity=0)
        except Exception as exc:  # noqa: BLE001 - a leftover connection must not fail the run
            request.node.warn(pytest.PytestWarning(f"Could not drop the test database: {exc!r}"))
        if connections["default"].vendor == "sqlite":
            from pathlib import Path

            for leftover in (f"{name}-wal", f"{name}-shm"):  # SQLite's write-ahead log files
                Path(leftover).unlink(missing_ok=True)


@pytest.fixture
def fresh_cache():
    """An empty cache before and after the test: rate limits (logins, forms, bookings, surveys),
    used TOTP codes and cached pages live there, and one test's must not count in the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_users(db):
    """{role: user} for the demo users, one per group."""
    from django.contrib.auth import get_user_model

    from home.demo import DEMO_USERS

    User = get_user_model()
    return {group: User.objects.get(username=username) for username, group, _su in DEMO_USERS}


@pytest.fixture
def client_as(client, demo_users):
    """client_as("Coordinators") -> a test client logged in as that group's demo user."""
    def login(group):
        client.force_login(demo_users[group])
        return client
    return login


# --- Live server and browser ------------------------------------------------------------------

class _LiveServer:
    """Every request thread opens its own database connection (the SQLite test database is a
    file, see portal/settings/test.py), so the server and the test see each other's commits as
    two users of the real site do."""

    def __init__(self):
        from django.test.testcases import LiveServerThread, _StaticFilesHandler

        self.thread = LiveServerThread("127.0.0.1", _StaticFilesHandler, port=0)
        self.thread.daemon = True
        self.thread.start()
        if not self.thread.is_ready.wait(60):
            raise RuntimeError("the live server did not start within 60 s")
        if self.thread.error:
            raise self.thread.error
        self.url = f"http://127.0.0.1:{self.thread.port}"

    def stop(self):
        self.thread.terminate()


@pytest.fixture(scope="session")
def _live_server_session(django_db_setup, django_db_blocker):
    django_db_blocker.unblock()  # the server thread and the browser tests share the demo DB
    server = _LiveServer()
    yield server
    server.stop()
    django_db_blocker.restore()


@pytest.fixture
def live_url(_live_server_session):
    """Base URL of a live server with the demo content (re-loaded if a flush removed it)."""
    from home.models import HomePage

    if not HomePage.objects.exists():
        load_demo()
    return _live_server_session.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def axe():
    from pathlib import Path

    from axe_playwright_python.sync_playwright import Axe

    local = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
    return Axe.from_file(str(local)) if local.exists() else Axe()


WCAG_TAGS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def assert_accessible(axe):
    """assert_accessible(page): axe-core finds no WCAG 2.1 A/AA violation on the open page."""
    def check(page, context=""):
        result = axe.run(page, options=WCAG_TAGS)
        assert result.violations_count == 0, f"{context or page.url}\n{result.generate_report()}"
    return check


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language: a test that activated Arabic must not make the
    next test's reverse() build /ar/ URLs."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def paste():
    """paste(page, selector, text): the browser's paste event on a field, as when cells copied
    from a spreadsheet are pasted (headless Chromium has no clipboard to paste from)."""
    def run(page, selector, text):
        page.locator(selector).evaluate(
            """(el, text) => { const data = new DataTransfer(); data.setData('text/plain', text);
               el.focus(); el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true,
               cancelable: true})); }""", text)
    return run
