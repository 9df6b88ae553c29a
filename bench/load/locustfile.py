"""Load scenario: a realistic mix against a Lotsa server on 127.0.0.1 (run it with run.sh).

- Resident readers (most users): start pages in sv/en/ar, service pages, the finder with
  filters picked from its own form, the site search and the knowledge-bank search.
- Resident contact: the multi-step contact form end to end (GET each step, CSRF token from the
  page, POST, check your answers, send) -- each reference number received is counted.
- Bookings: everyone books the first few slots of the same two schedules at the same time.
- Project leads (accounts made by setup_leads.py): log in, start an application, save wizard steps.

Pass/fail is decided afterwards by check.py from what this file writes to $LOAD_OUT:
references.json (reference numbers shown to residents), bookings.json (bookings confirmed) and
status.json (count of 5xx responses and of requests that failed). Only 127.0.0.1 is allowed.
"""
import json
import os
import random
import re
import threading
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from locust import HttpUser, between, events, task

OUT = Path(os.environ.get("LOAD_OUT", "bench/out/load"))
LEAD_PASSWORD = os.environ.get("LOAD_LEAD_PASSWORD", "load-lead-password-2026")
LEADS = int(os.environ.get("LOAD_LEADS", "10"))
BOOKERS = int(os.environ.get("LOAD_BOOKERS", "10"))

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REFERENCE = re.compile(r'class="reference"[^>]*>([A-Z0-9]{2,6}-[A-Z0-9]{6})<')
LOCK = threading.Lock()
RESULTS = {"references": [], "bookings": [], "status_5xx": 0, "failed": 0, "slot_taken": 0}
SITE = {"services": [], "finder": None, "knowledge_bank": None, "contact": {}, "fund": None}
SEARCH_WORDS = ["stöd", "föräldrar", "ekonomi", "barn", "samtal", "support", "parent", "دعم"]
KB_WORDS = ["tidigt stöd", "barn", "utvärdering", "skola", "effekt", "rapport"]


class _Inputs(HTMLParser):
    """Checkbox/radio inputs of the page's GET forms (the finder's and the search's filters)."""

    def __init__(self):
        super().__init__()
        self.in_get_form = False
        self.options = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.in_get_form = (a.get("method") or "get").lower() == "get"
        elif tag == "input" and self.in_get_form and a.get("type") in ("checkbox", "radio") and a.get("name"):
            self.options.append((a["name"], a.get("value", "on")))

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_get_form = False


def _get(url):
    with urllib.request.urlopen(url, timeout=30) as r:  # noqa: S310 - 127.0.0.1 only
        return r.read().decode()


@events.test_start.add_listener
def discover(environment, **kwargs):
    """Read the sitemap once: service pages, the finder, the knowledge bank, the forms."""
    host = environment.host or ""
    if urlsplit(host).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"The load test only runs against 127.0.0.1, not {host!r}")
    paths = [urlsplit(u).path for u in re.findall(r"<loc>([^<]+)</loc>", _get(host + "/sitemap.xml"))]
    for path in paths:
        parts = [p for p in path.split("/") if p]
        if len(parts) >= 3 and parts[1] in ("tjanster", "services", "stod"):
            SITE["services"].append(path)
        if "hitta-stod" in path or "find-support" in path:
            SITE["finder"] = SITE["finder"] or path
        if parts[-1:] in (["kunskapsbank"], ["knowledge-bank"]):
            SITE["knowledge_bank"] = SITE["knowledge_bank"] or path
        for lang, slug in (("sv", "kontakta"), ("en", "contact"), ("ar", "contact")):
            if parts and parts[0] == lang and parts[-1].startswith(slug) and "skola" not in path and "school" not in path:
                SITE["contact"].setdefault(lang, path)
        if parts[-1:] == ["lokala-utvecklingsmedel"]:
            SITE["fund"] = path
    if not SITE["services"]:  # fall back to every sv page
        SITE["services"] = [p for p in paths if p.startswith("/sv/")]
    print("Discovered:", {k: (len(v) if k == "services" else v) for k, v in SITE.items()}, flush=True)


@events.request.add_listener
def count(request_type, name, response_time, response_length, response=None, exception=None, **kwargs):
    with LOCK:
        if response is not None and getattr(response, "status_code", 0) >= 500:
            RESULTS["status_5xx"] += 1
        if exception is not None:
            RESULTS["failed"] += 1


@events.test_stop.add_listener
def write_results(environment, **kwargs):
    OUT.mkdir(parents=True, exist_ok=True)
    with LOCK:
        (OUT / "references.json").write_text(json.dumps(RESULTS["references"]))
        (OUT / "bookings.json").write_text(json.dumps(RESULTS["bookings"]))
        (OUT / "status.json").write_text(json.dumps({k: v for k, v in RESULTS.items()
                                                     if k not in ("references", "bookings")}))


def csrf_of(response):
    match = CSRF.search(response.text)
    if not match:
        response.failure("no CSRF token on the page")
        return None
    return match.group(1)


class Resident(HttpUser):
    """Reads and searches; the largest group."""
    weight = 6
    wait_time = between(1, 4)

    @task(4)
    def service_page(self):
        self.client.get(random.choice(SITE["services"]), name="service page")

    @task(2)
    def start_page(self):
        self.client.get(f"/{random.choice(['sv', 'sv', 'en', 'ar'])}/", name="start page")

    @task(2)
    def finder(self):
        if not SITE["finder"]:
            return
        page = self.client.get(SITE["finder"], name="finder")
        parser = _Inputs()
        parser.feed(page.text)
        if parser.options:
            chosen = random.sample(parser.options, k=min(len(parser.options), random.choice([1, 2])))
            self.client.get(SITE["finder"], params=chosen, name="finder with filters")

    @task(1)
    def site_search(self):
        self.client.get("/sv/search/", params={"q": random.choice(SEARCH_WORDS)}, name="site search")

    @task(2)
    def knowledge_bank_search(self):
        if SITE["knowledge_bank"]:
            self.client.get(SITE["knowledge_bank"], params={"q": random.choice(KB_WORDS)},
                            name="knowledge bank search")


CONTACT_STEPS = {
    "sv": [{"arende": "Ekonomi", "vem": "Mig själv", "meddelande": "Jag behöver råd om räkningar (lasttest)."},
           {"fornamn": "Last", "telefon": "070-123 45 67", "kontaktsatt": "SMS"},
           {"samtycke": "on"}],
    "ar": [{"arende": "الوضع المالي", "vem": "أنا", "meddelande": "أحتاج إلى مساعدة (اختبار الحمل)"},
           {"fornamn": "Last", "telefon": "070-123 45 67", "kontaktsatt": "رسالة نصية"},
           {"samtycke": "on"}],
}


class ContactResident(HttpUser):
    """Fills in and sends the multi-step contact form."""
    weight = 2
    wait_time = between(1, 3)

    @task
    def send_contact_form(self):
        lang = random.choice(["sv", "sv", "sv", "ar"])
        base = SITE["contact"].get(lang)
        if not base:
            return
        for number, fields in enumerate(CONTACT_STEPS[lang], start=1):
            url = base if number == 1 else f"{base}step/{number}/"
            with self.client.get(url, name=f"contact step {number} (GET)", catch_response=True) as page:
                token = csrf_of(page)
            if token is None:
                return
            with self.client.post(url, data={**fields, "csrfmiddlewaretoken": token}, allow_redirects=False,
                                  name=f"contact step {number} (POST)", catch_response=True) as r:
                if r.status_code != 302:
                    r.failure(f"step {number} answered {r.status_code}")
                    return
        with self.client.get(f"{base}check/", name="contact check (GET)", catch_response=True) as page:
            token = csrf_of(page)
        if token is None:
            return
        with self.client.post(f"{base}check/", data={"csrfmiddlewaretoken": token}, name="contact send (POST)",
                              catch_response=True) as r:
            match = REFERENCE.search(r.text)
            if r.status_code != 200 or not match:
                r.failure(f"no reference number after sending ({r.status_code})")
                return
            with LOCK:
                RESULTS["references"].append(match.group(1))


class Booker(HttpUser):
    """Everyone wants one of the first three times of the same two schedules."""
    fixed_count = BOOKERS
    wait_time = between(1, 3)

    def on_start(self):
        start = self.client.get("/sv/boka/", name="booking start")
        self.schedules = sorted(set(re.findall(r'href="/sv/boka/(\d+)/"', start.text)), key=int)[:2]

    @task
    def book(self):
        if not self.schedules:
            return
        pk = random.choice(self.schedules)
        page = self.client.get(f"/sv/boka/{pk}/", name="booking form")
        slots = re.findall(r'name="slot" value="(\d+)"', page.text)[:3]
        token = CSRF.search(page.text)
        if not slots or not token:
            return  # fully booked: nothing to try
        with self.client.post(f"/sv/boka/{pk}/", data={
                "csrfmiddlewaretoken": token.group(1), "slot": random.choice(slots), "first_name": "Last",
                "phone": "070-765 43 21"}, allow_redirects=False, name="booking (POST)", catch_response=True) as r:
            if r.status_code == 302 and "/boka/hantera/" in r.headers.get("Location", ""):
                with LOCK:
                    RESULTS["bookings"].append(r.headers["Location"])
            elif r.status_code == 200:
                with LOCK:
                    RESULTS["slot_taken"] += 1  # "just booked - pick another": the expected answer
            else:
                r.failure(f"booking answered {r.status_code}")


WIZARD_STEPS = [
    ("applicant", {"organisation": "Lasttestets stadsdelsförvaltning", "unit": "Barn och unga", "kst": "1002",
                   "giro_type": "bankgiro", "giro_number": "5050-1055", "contact_name": "Kim Last",
                   "contact_email": "kim.last@example.org", "contact_phone": "", "head_name": "Alex Chef",
                   "sign_place": "Stockholm"}),
    ("project", {"title": "Tidigt stöd under last", "start": "2027-01-01", "end": "2028-12-31",
                 "background": "Bakgrund", "purpose": "Syfte", "target_group": "Barn och unga"}),
    ("effects", {"residents": "a", "employees": "b", "administration": "c", "city": "d"}),
    ("method", {"method": "a", "phases": "b", "activities": "c", "follow_up": "d"}),
    ("equality", {"gender_equality": "a", "cohesive_support": "b"}),
]


class ProjectLead(HttpUser):
    """Logs in, starts an application and saves its steps again and again."""
    fixed_count = LEADS
    wait_time = between(2, 5)
    counter = iter(range(10_000))

    def on_start(self):
        self.app = None
        n = next(ProjectLead.counter) % LEADS
        page = self.client.get("/sv/accounts/login/", name="login (GET)")
        token = CSRF.search(page.text)
        with self.client.post("/sv/accounts/login/", data={
                "csrfmiddlewaretoken": token.group(1) if token else "", "login": f"load-lead-{n}@example.org",
                "password": LEAD_PASSWORD}, allow_redirects=False, name="login (POST)", catch_response=True) as r:
            if r.status_code != 302:
                errors = re.findall(r'class="[^"]*error[^"]*"[^>]*>\s*([^<]{1,120})', r.text)
                r.failure(f"login answered {r.status_code}: {errors[:2]}")
                (OUT / f"login-{n}.html").write_text(r.text)
                return
        if not SITE["fund"]:
            return
        fund = self.client.get(SITE["fund"], name="fund page")
        action = re.search(r'action="(/[^"]*funding/start/\d+/)"', fund.text)
        token = CSRF.search(fund.text)
        if not action or not token:
            return
        r = self.client.post(action.group(1), data={"csrfmiddlewaretoken": token.group(1)}, allow_redirects=False,
                             name="application start (POST)")
        match = re.search(r"/funding/apply/(\d+)/", r.headers.get("Location", ""))
        if not match:
            print("application start answered", r.status_code, r.headers.get("Location"), flush=True)
        self.app = match.group(1) if match else None
        self.step = 0

    @task
    def save_step(self):
        if not self.app:
            return
        name, fields = WIZARD_STEPS[self.step % len(WIZARD_STEPS)]
        url = f"/sv/funding/apply/{self.app}/{name}/"
        with self.client.get(url, name="wizard step (GET)", catch_response=True) as page:
            token = csrf_of(page)
        if token is None:
            return
        data = {f"{name}-{k}": v for k, v in fields.items()}
        data.update({f"application_{self.app}-current_step": name, "csrfmiddlewaretoken": token})
        with self.client.post(url, data=data, allow_redirects=False, name="wizard step (POST)",
                              catch_response=True) as r:
            if r.status_code != 302:
                r.failure(f"wizard step {name} answered {r.status_code}")
                return
        self.step += 1
