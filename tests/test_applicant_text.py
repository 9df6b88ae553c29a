"""Issue 11, finding A: text a project lead typed never becomes markup on the public site.

Approving a final report drafts a knowledge-bank page from the lead's answers. Markup typed into
the answers (a meta refresh to another host, a script, an onerror handler) must reach the
moderator's editor and preview, and after publishing every visitor, as text.
"""
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from funding.models import Application
from reports import final_reports as fr
from reports.models import FinalReport, ReportPage

pytestmark = pytest.mark.django_db

META = '<meta http-equiv=refresh content="0;url=https://evil.example/">'
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
PAYLOAD = f"{META} {SCRIPT} {IMG}"


class Elements(HTMLParser):
    """Every element and attribute a browser would build from the page, and the scripts' text."""

    def __init__(self, html):
        super().__init__()
        self.tags, self.scripts, self._in_script = [], [], False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def assert_shown_as_text(html):
    assert "&lt;meta http-equiv=refresh" in html and "&lt;script&gt;alert(1)" in html  # shown as typed
    parsed = Elements(html)
    assert not [attrs for tag, attrs in parsed.tags if tag == "meta" and "http-equiv" in attrs]
    assert not [(tag, attrs) for tag, attrs in parsed.tags if any(name.startswith("on") for name in attrs)]
    assert not [attrs for tag, attrs in parsed.tags if tag == "img" and attrs.get("src") == "x"]
    assert not [text for text in parsed.scripts if "alert(1)" in text and "\\u003cscript" not in text]
    assert "<script>alert(1)" not in html and "<img src=x" not in html


@pytest.fixture
def approved_page(demo_users):
    """The demo lead's final report with markup in every free-text answer, submitted and approved
    by a fund manager on the review screen (as in the admin)."""
    app = Application.objects.get(user__username="projektledare2")
    app.title = f"Projekt {SCRIPT}"
    app.organisation = f"Förening {IMG}"
    app.save()
    report = FinalReport.objects.get(application=app)
    report.summary = f"Sammanfattning {PAYLOAD}"
    report.what_was_done = f"Vi gjorde {PAYLOAD}\n\nAndra stycket {META}\nny rad"
    report.lessons = f"Lärdomar {PAYLOAD}"
    report.goals = [{"goal": f"Mål {SCRIPT}", "assessment": "partly", "analysis": f"Analys {PAYLOAD}"},
                    {"goal": "Mål två", "assessment": "<b>bogus</b>", "analysis": ""}]
    report.key_figures = [{"caption": f"Tabell {IMG}", "unit": SCRIPT, "columns": ["2021", f"<i>{IMG}</i>"],
                           "rows": [{"label": f"Rad {SCRIPT}", "values": [3, "not a number"]}]}]
    report.save()
    fr.submit(report)
    manager = Client()
    manager.force_login(demo_users["Fund managers"])
    response = manager.post(reverse("final_reports:inspect", args=[report.pk]), {"decision": "approve"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == FinalReport.Status.APPROVED
    return ReportPage.objects.get(pk=report.knowledge_bank_page_id)


def test_final_report_answers_reach_the_public_report_page_as_text(approved_page, demo_users):
    moderator = Client()
    moderator.force_login(demo_users["Moderators"])
    # The moderator can open the draft in the page editor and its preview before publishing.
    edit = moderator.get(reverse("wagtailadmin_pages:edit", args=[approved_page.pk]))
    assert edit.status_code == 200
    assert "<meta http-equiv" not in edit.content.decode().lower()
    draft = moderator.get(reverse("wagtailadmin_pages:view_draft", args=[approved_page.pk]))
    assert draft.status_code == 200
    assert_shown_as_text(draft.content.decode())

    # Published through the moderation workflow (the moderator approves the task).
    task_state = approved_page.current_workflow_task_state
    assert task_state is not None
    response = moderator.post(reverse("wagtailadmin_pages:workflow_action",
                                      args=[approved_page.pk, "approve", task_state.pk]))
    assert response.status_code in (200, 302)
    page = ReportPage.objects.get(pk=approved_page.pk)
    assert page.live

    visitor = Client()
    response = visitor.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert_shown_as_text(html)
    assert "Andra stycket" in html and "Lärdomar" in html and "Analys" in html and "Mål" in html
