"""Front-end weight and delivery (issue 8, item 3): every public page in the sitemap is light
(HTML + CSS + JS under 150 KB, images excluded) and loads nothing from another host; images
are served as renditions with their width and height; production serves static files
compressed and with content hashes in their names."""
import gzip
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db

LIMIT = 150 * 1024
FIRST_PARTY = {"", "testserver", "localhost", "127.0.0.1"}


class Resources(HTMLParser):
    """What a browser would load from a page (not the links it may follow)."""

    def __init__(self):
        super().__init__()
        self.styles, self.scripts, self.others, self.images = [], [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("href"):
            rel = (a.get("rel") or "").lower().split()
            if "stylesheet" in rel:
                self.styles.append(a["href"])
            elif {"icon", "preload", "prefetch", "preconnect", "dns-prefetch", "manifest", "modulepreload"} & set(rel):
                self.others.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
        elif tag == "img":
            self.images.append(a)
            self.others += [a.get("src") or ""] + [c.split()[0] for c in (a.get("srcset") or "").split(",") if c.strip()]
        elif tag in {"iframe", "source", "video", "audio", "embed", "track"} and (a.get("src") or a.get("srcset")):
            self.others.append(a.get("src") or a.get("srcset"))
        elif tag == "object" and a.get("data"):
            self.others.append(a["data"])
        if a.get("style") and "url(" in a["style"]:
            self.others += re.findall(r"url\(['\"]?([^'\")]+)", a["style"])


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def sitemap_paths(client):
    xml = client.get("/sitemap.xml").content.decode()
    return sorted({urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", xml)})


def third_party(url):
    return (urlsplit(url.strip()).hostname or "") not in FIRST_PARTY and not url.startswith("data:")


def test_every_sitemap_page_is_under_150_kb_and_loads_nothing_from_another_host(client):
    paths = sitemap_paths(client)
    assert len(paths) > 50  # the demo site in three languages
    asset_sizes, checked = {}, 0
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        html = body(response)
        parser = Resources()
        parser.feed(html.decode())
        total = len(html)
        for url in parser.styles + parser.scripts:
            assert not third_party(url), f"{path} loads {url}"
            if url not in asset_sizes:
                asset = client.get(url)
                assert asset.status_code == 200, url
                content = body(asset)
                asset_sizes[url] = len(content)
                for ref in re.findall(rb"url\(['\"]?([^'\")]+)", content):  # fonts and images named in CSS
                    assert not third_party(ref.decode()), f"{url} loads {ref.decode()}"
            total += asset_sizes[url]
        for url in parser.others:
            assert not third_party(url), f"{path} loads {url}"
        assert total < LIMIT, f"{path} weighs {total / 1024:.0f} KB of HTML, CSS and JS"
        checked += 1
    assert checked == len(paths)


def test_content_images_are_renditions_with_width_and_height(client, tmp_path, settings):
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    from home.models import StandardPage

    settings.MEDIA_ROOT = tmp_path
    buffer = tmp_path / "foto.png"
    PILImage.new("RGB", (2400, 1600), "#3a7").save(buffer)
    with open(buffer, "rb") as f:
        image = Image.objects.create(title="Foto", file=ImageFile(f, name="foto.png"))
    page = StandardPage.objects.filter(locale__language_code="sv").first()
    field = next(f.name for f in page._meta.get_fields() if type(f).__name__ == "StreamField")
    setattr(page, field, [("image", {"image": image, "alt_text": "Ett grönt foto", "caption": ""})])
    page.save_revision().publish()
    parser = Resources()
    parser.feed(client.get(page.url).content.decode())
    img = next(a for a in parser.images if a.get("alt") == "Ett grönt foto")
    assert "/images/" in img["src"] and ".width-960" in img["src"] and "original_images" not in img["src"]
    assert (img["width"], img["height"]) == ("960", "640")
    assert img.get("loading") == "lazy"


def test_production_static_files_are_fingerprinted_and_compressed(tmp_path, settings, client):
    """collectstatic under the production settings (in a separate process, so this test's
    storage stays as it is) writes content-hashed and gzip-compressed copies; every
    asset a page names goes through {% static %}, so production pages name the hashed copies."""
    from django.contrib.staticfiles import finders

    ours = {"lotsa", "home", "forms", "funding", "reports", "bookings", "surveys"}
    tops = {path.split("/")[0] for finder in finders.get_finders() for path, _storage in finder.list([])}
    ignore = [arg for top in sorted(tops - ours) for arg in ("-i", top)]  # the admin's files take minutes
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.production", "SECRET_KEY": "x" * 60,
           "STATIC_ROOT": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/unused.sqlite3"}
    env.pop("REDIS_URL", None)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0", *ignore], env=env, check=True,
                   cwd=settings.BASE_DIR, capture_output=True, timeout=600)
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    hashed = manifest["lotsa/css/site.css"]
    assert re.fullmatch(r"lotsa/css/site\.[0-9a-f]{12}\.css", hashed)
    original = (tmp_path / hashed).read_bytes()
    assert gzip.decompress((tmp_path / f"{hashed}.gz").read_bytes()) == original
    assert (tmp_path / f"{hashed}.gz").stat().st_size < len(original) / 2
    parser = Resources()
    parser.feed(client.get("/sv/").content.decode())
    for url in parser.styles + parser.scripts:
        assert url.startswith(settings.STATIC_URL) and url[len(settings.STATIC_URL):] in manifest, url
