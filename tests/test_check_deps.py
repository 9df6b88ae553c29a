"""bin/check-deps: every pinned package on its newest patch release; skip (not fail) offline."""
import importlib.machinery
import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bin" / "check-deps"


@pytest.fixture
def check_deps():
    loader = importlib.machinery.SourceFileLoader("check_deps", str(SCRIPT))
    spec = importlib.util.spec_from_loader("check_deps", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


@pytest.fixture
def reqs(tmp_path):
    path = tmp_path / "requirements.txt"
    path.write_text("# comment\nDjango>=5.2.19,<5.3\ndjango-allauth[mfa]>=65.21.1,<66\n-r other.txt\n")
    return str(path)


def test_reads_names_and_floors(check_deps, reqs):
    assert check_deps.parse(reqs) == [("Django", "5.2.19"), ("django-allauth", "65.21.1")]


def test_fails_when_a_newer_patch_release_exists(check_deps, reqs, monkeypatch, capsys):
    index = {"Django": ["6.0.1", "5.2.20", "5.2.19", "5.1.9"], "django-allauth": ["65.22.1", "65.21.1", "66.0a1"]}
    monkeypatch.setattr(check_deps, "index_versions", index.get)
    monkeypatch.setattr(check_deps, "installed_version",
                        lambda name: check_deps.Version({"Django": "5.2.19", "django-allauth": "65.22.1"}[name]))
    assert check_deps.main([reqs]) == 1
    out = capsys.readouterr().out
    assert "Django: installed 5.2.19 < newest patch release 5.2.20" in out
    assert "django-allauth" not in out.split("FAILED")[1]  # 65.21.1 and 65.22.1 are each series' newest


def test_passes_when_current(check_deps, reqs, monkeypatch, capsys):
    monkeypatch.setattr(check_deps, "index_versions", lambda name: ["5.2.19", "65.21.1", "65.22.1", "6.0"])
    monkeypatch.setattr(check_deps, "installed_version", lambda name: None)
    assert check_deps.main([reqs]) == 0
    assert "all 2 packages are on their newest patch release" in capsys.readouterr().out


def test_unreachable_index_is_reported_and_skipped(check_deps, reqs, monkeypatch, capsys):
    monkeypatch.setattr(check_deps, "index_versions", lambda name: None)
    assert check_deps.main([reqs]) == 0
    assert "SKIPPED - the package index is unreachable" in capsys.readouterr().out
