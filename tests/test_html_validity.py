"""Every page in sitemap.xml (all languages) plus the search and error pages are valid HTML
according to the Nu HTML checker (npm vnu-jar)."""
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
EXTRA_PATHS = ["/sv/search/?q=st%C3%B6d", "/ar/search/?q=%D8%AF%D8%B9%D9%85", "/en/search/", "/sv/finns-inte/",
               "/ar/finns-inte/"]


@pytest.mark.django_db
def test_every_page_is_valid_html(client, tmp_path):
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("vnu-jar or java missing: run `make install-test`")
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    xml = client.get("/sitemap.xml").content.decode()
    paths = [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", xml)]
    files = {}
    for index, path in enumerate(paths + EXTRA_PATHS):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        file = tmp_path / f"page{index}.html"
        file.write_bytes(response.content)
        files[file.name] = path
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files and
                             [tmp_path / name for name in files])], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{files.get(Path(m.get('url', '')).name, m.get('url'))}: {m['message']} ({m.get('extract', '').strip()})"
              for m in messages if m["type"] == "error"]
    assert not errors, "\n".join(errors[:30])
