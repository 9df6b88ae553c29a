"""The fund manager's screens as a fund manager reads them (issue 13, item 9): local time on the
inspect pages as in the lists, grouped amounts, the payment account's label, styled final-report
tables."""
import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from funding.models import Application

pytestmark = pytest.mark.django_db


def dd(html, label):
    match = re.search(rf"<dt[^>]*>\s*{re.escape(label)}\s*</dt>\s*<dd[^>]*>(.*?)</dd>", html, re.S)
    assert match, label
    return re.sub(r"<[^>]+>|[ \t\n]+", " ", match.group(1)).strip(" ")


def test_application_inspect_shows_local_time_grouped_amounts_and_labels(client_as):
    app = Application.objects.get(user__username="projektledare")
    # 07:30 UTC on a winter day is 08:30 in Stockholm
    Application.objects.filter(pk=app.pk).update(submitted_at=datetime.datetime(2026, 1, 15, 7, 30,
                                                                                tzinfo=datetime.timezone.utc))
    manager = client_as("Fund managers")
    html = manager.get(reverse("funding_applications:inspect", args=[app.pk])).content.decode()
    assert "08:30" in dd(html, "Inskickad") and "07:30" not in dd(html, "Inskickad")
    listing = manager.get(reverse("funding_applications:index")).content.decode()
    assert "08:30" in listing
    assert dd(html, "Sökt (kr)") == "1\u00a0500\u00a0000"
    assert dd(html, "Betalkonto") == "Bankgiro"
    assert "1\u00a0450\u00a0000" in html and ">1450000<" not in html


def test_final_report_inspect_has_local_times_and_styled_tables(client_as):
    from reports.models import FinalReport

    report = FinalReport.objects.get(application__user__username="projektledare2")
    FinalReport.objects.filter(pk=report.pk).update(status="submitted", submitted_at=datetime.datetime(
        2026, 7, 1, 22, 15, tzinfo=datetime.timezone.utc))  # 00:15 on 2 July in Stockholm (summer time)
    manager = client_as("Fund managers")
    r = manager.get(reverse("final_reports:inspect", args=[report.pk]))
    html = r.content.decode()
    assert "00:15" in dd(html, "Inskickad") and "22:15" not in dd(html, "Inskickad")
    css = re.search(r'href="([^"]*final_report_admin[^"]*\.css)"', html)
    assert css, "the review screen loads the table styles"
    from django.contrib.staticfiles import finders

    text = open(finders.find("reports/final_report_admin.css"), encoding="utf-8").read()
    assert ".final-report th" in text and "border" in text and "padding" in text
    assert 'class="final-report"' in html and timezone.is_aware(report.application.created_at)
