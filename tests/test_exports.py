"""Issue 11, finding C: no export lets a spreadsheet program run what someone typed as a formula.
Every CSV/XLSX export (the inbox, bookings, survey results, applications, unreviewed services)
goes through portal.exports.safe_cell: a cell that starts like a formula gets an apostrophe."""
import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from portal.exports import safe_cell

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x")'
DDE = "=cmd|' /C calc'!A0"


def csv_cells(response):
    assert response.status_code == 200
    text = response.getvalue().decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def xlsx_cells(response):
    assert response.status_code == 200
    return [c for row in load_workbook(io.BytesIO(response.getvalue())).active.iter_rows() for c in row]


def assert_neutralised(response_csv, response_xlsx=None, values=(FORMULA,)):
    cells = csv_cells(response_csv)
    for value in values:
        assert "'" + value in cells, (value, cells)
        assert value not in cells
    if response_xlsx is not None:
        cells = xlsx_cells(response_xlsx)
        for value in values:
            found = [c for c in cells if c.value == "'" + value]
            assert found and all(c.data_type == "s" for c in found), value
            assert not [c for c in cells if c.data_type == "f" or c.value == value]


@pytest.mark.parametrize("value, expected", [
    (FORMULA, "'" + FORMULA), ("+46 70 123", "'+46 70 123"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("  =1+1", "'  =1+1"), ("\t=1", "'\t=1"), ("\rx", "'\rx"), ("\n=1", "'\n=1"),
    ("Amira", "Amira"), ("a=b", "a=b"), ("", ""), (None, None), (-5, -5), (3.5, 3.5),
    (datetime.date(2026, 1, 2), datetime.date(2026, 1, 2)),
])
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_bookings_export(client_as):
    from forms.bookings import services
    from forms.bookings.models import Booking, Schedule

    schedule = Schedule.objects.filter(active=True).first()
    slot = services.bookable_slots(schedule)[0]
    Booking.objects.create(slot=slot, seat=1, first_name=FORMULA, email=DDE + "@example.se", phone="+46701234567",
                           language="sv")
    day = timezone.localtime(slot.starts_at).date()
    response = client_as("Coordinators").get(reverse("bookings_export"), {"date": day.isoformat()})
    assert_neutralised(response, values=(FORMULA, DDE + "@example.se", "+46701234567"))


def test_applications_export(client_as):
    from funding import workflow
    from funding.models import Application

    app = Application.objects.exclude(status=workflow.DRAFT).first()
    Application.objects.filter(pk=app.pk).update(title=FORMULA, organisation=" " + DDE)
    client = client_as("Fund managers")
    index = reverse("funding_applications:index")
    assert_neutralised(client.get(index, {"export": "csv"}), client.get(index, {"export": "xlsx"}),
                       values=(FORMULA, " " + DDE))


def test_inbox_export(client_as):
    from forms.models import FormPage, Submission

    contact = FormPage.objects.get(locale__language_code="sv", slug="kontakta-rad-och-stod")
    Submission.objects.create(reference="KON-FORMULA", form_page=contact, language="sv",
                              data={"fornamn": "  " + FORMULA}, confirmed_at=timezone.now())
    client = client_as("Coordinators")
    index = "/admin/inbox/"  # the old check missed a formula after spaces
    assert_neutralised(client.get(index, {"export": "csv"}), client.get(index, {"export": "xlsx"}),
                       values=("  " + FORMULA,))


def test_survey_results_export(client_as):
    from forms.surveys.models import SurveyPage

    survey = SurveyPage.objects.filter(locale__language_code="sv").order_by("pk").first()
    survey.questions[0].value["text"] = FORMULA
    survey.save()
    response = client_as("Fund managers").get(reverse("surveys_results_export"), {"survey": survey.pk})
    assert_neutralised(response)


def test_unreviewed_services_export(client_as):
    from wagtail.models import Page

    from home.models import ServicePage

    service = ServicePage.objects.live().filter(locale__language_code="sv").first()
    Page.objects.filter(pk=service.pk).update(title=FORMULA)
    ServicePage.objects.filter(pk=service.pk).update(last_reviewed=timezone.localdate() - datetime.timedelta(days=800))
    client = client_as("Editors")
    index = reverse("unreviewed_services")
    assert_neutralised(client.get(index, {"export": "csv"}), client.get(index, {"export": "xlsx"}))

