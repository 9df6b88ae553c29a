"""Security headers, production settings and start-up errors."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROD_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "x" * 20 + "-production-test-secret-key-with-enough-entropy-1234567890",
    "ALLOWED_HOSTS": "lotsa.example",
}


def run_manage(*args, env=None):
    full_env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=full_env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.django_db
def test_public_pages_send_a_strict_content_security_policy(client):
    response = client.get("/sv/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_pages_load_nothing_from_another_host(client):
    import re

    for path in ("/sv/", "/ar/", "/en/about-the-site/"):
        text = client.get(path).content.decode()
        for url in re.findall(r'(?:src|href)="([^"]+)"', text):
            assert not re.match(r"^(https?:)?//", url) or url.startswith("http://testserver"), url


def test_production_settings_pass_check_deploy():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PROD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_sends_hsts():
    code = ("from django.test import Client; r = Client().get('/robots.txt', secure=True, HTTP_HOST='lotsa.example');"
            "print(r.status_code, r['Strict-Transport-Security'])")
    result = run_manage("shell", "-c", code, env=PROD_ENV)
    assert result.returncode == 0, result.stderr
    assert "200 max-age=31536000; includeSubDomains; preload" in result.stdout


def test_production_refuses_a_missing_secret_key():
    result = run_manage("check", env={**PROD_ENV, "SECRET_KEY": ""})
    assert result.returncode == 1
    assert result.stderr.strip() == "SECRET_KEY must be set to a random value of at least 50 characters in production."


def test_malformed_database_url_stops_with_one_line():
    result = run_manage("check", env={"DATABASE_URL": "nonsense://what"})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("DATABASE_URL is not a database URL Lotsa understands")


def test_unreachable_database_stops_with_one_line():
    result = run_manage("migrate", env={"DATABASE_URL": "postgres://lotsa:secret@127.0.0.1:1/nowhere"})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Lotsa cannot reach the database in DATABASE_URL (postgres://lotsa:***@127.0.0.1:1/nowhere)")
    assert "secret" not in result.stderr


@pytest.mark.django_db
def test_admin_loads_no_avatar_from_another_host(client_as):
    html = client_as("Fund managers").get("/admin/").content.decode()
    assert "gravatar" not in html.lower()
