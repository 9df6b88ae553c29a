"""Issue 13, item 6: payments. A fund manager's approval makes a payment plan per granted year;
fund managers record payments (date, amount, voucher) in the admin and export the plan for the
finance department; the project lead sees on their application page what has been paid and what
remains. Messages are read in the admin's language (Swedish) through gettext, so the tests hold
before and after the catalogues are merged."""
import csv
import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from funding import workflow
from funding.models import Application
from funding.payments import services
from funding.payments.models import Payment, PlannedPayment

pytestmark = pytest.mark.django_db

OTHER_ROLES = ["Editors", "Moderators", "Coordinators"]


def sv(text, **values):
    with translation.override("sv"):
        return translation.gettext(text) % values if values else translation.gettext(text)


def plain(response):
    """The page's text as a reader sees it: no tags, no isolation marks, no-break spaces as spaces."""
    html = response.content.decode()
    text = re.sub(r"[\u2066-\u2069]", "", re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def approved(client_as):
    """The demo lead's submitted LUM application, approved by a fund manager in the admin with
    500 000 kr a year for 2020-2022 (the source's amounts)."""
    app = Application.objects.filter(user__username="projektledare", status=workflow.SUBMITTED).first()
    manager = client_as("Fund managers")
    url = reverse("funding_applications:inspect", args=[app.pk])
    manager.post(url, {"to": "in_review"})
    r = manager.post(url, {"to": "approved", "granted_2020": "500 000", "granted_2021": "500 000",
                           "granted_2022": "500 000"})
    assert r.status_code == 302
    app.refresh_from_db()
    assert app.status == workflow.APPROVED
    return app


def payments_url(app):
    return reverse("funding_payments_application", args=[app.pk])


def record(client, app, year, amount, voucher, paid_on="2026-12-01", key=None):
    page = client.get(payments_url(app))
    form = page.context["form"]
    line = PlannedPayment.objects.get(application=app, year=year)
    data = {"plan": str(line.pk), "paid_on": paid_on, "amount": amount, "voucher": voucher,
            "key": str(key or form.initial["key"])}
    return client.post(payments_url(app), data), data


def test_a_grant_is_planned_paid_exported_and_shown_to_the_lead(approved, client_as, client, demo_users):
    # the approval made one plan line per granted year, planned 1 February or (years past) the decision day
    lines = list(PlannedPayment.objects.filter(application=approved).order_by("year"))
    assert [(line.year, line.amount) for line in lines] == [("2020", 500_000), ("2021", 500_000), ("2022", 500_000)]
    assert {line.planned_on for line in lines} == {timezone.localdate()}
    assert services.planned_date("2031", datetime.date(2030, 6, 1)) == datetime.date(2031, 2, 1)

    manager = client_as("Fund managers")
    page = plain(manager.get(payments_url(approved)))
    assert "1 500 000" in page and sv("No payments recorded yet.") in page
    # the inspect page shows the plan and leads to the payments page
    inspect = manager.get(reverse("funding_applications:inspect", args=[approved.pk]))
    assert payments_url(approved) in inspect.content.decode()

    # digits typed in Arabic script are read as digits (the admin has no digit middleware)
    r, _data = record(manager, approved, "2020", "٢٥٠ ٠٠٠", "V2026-٠١٤٢", paid_on="٢٠٢٦-١٢-٠١")
    assert r.status_code == 302
    payment = Payment.objects.get(plan__application=approved)
    assert (payment.amount, payment.voucher, payment.paid_on) == (250_000, "V2026-0142", datetime.date(2026, 12, 1))
    # audit: who recorded it, and when, on the payment and in Wagtail's log
    assert payment.recorded_by == demo_users["Fund managers"]
    entry = ModelLogEntry.objects.get(action=services.LOG_ACTION, object_id=str(payment.plan_id))
    assert entry.user == demo_users["Fund managers"] and entry.data["voucher"] == "V2026-0142"
    r, _data = record(manager, approved, "2021", "500000 kr", "V2026-0150")
    assert r.status_code == 302

    page = plain(manager.get(payments_url(approved)))
    assert "V2026-0142" in page and "V2026-0150" in page and "fondforvaltare" in page
    # total: planned 1 500 000, paid 750 000, remaining 750 000; 2020: 250 000 remain
    assert sv("Total") + " 1 500 000 750 000 750 000" in page
    assert sv("%(year)s (%(remaining)s kr remain)", year="2020", remaining="250 000") in page

    # the finance department's export: one row per year with account, cost centre and vouchers
    index = reverse("funding_payments:index")
    rows = list(csv.reader(io.StringIO(manager.get(index + "?export=csv").getvalue().decode("utf-8-sig"))))
    mine = [row for row in rows if approved.reference in row]
    assert len(mine) == 3, rows
    row_2020 = next(row for row in mine if "2020" in row)
    assert {approved.organisation, "1002", sv("Bankgiro"), "5050-1055", "500000", "250000", "V2026-0142"} <= set(row_2020)
    sheet = load_workbook(io.BytesIO(manager.get(index + "?export=xlsx").getvalue())).active
    xlsx_rows = [[c.value for c in row] for row in sheet.iter_rows()]
    row_2021 = next(row for row in xlsx_rows if approved.reference in row and "2021" in row)
    assert 500_000 in row_2021 and "V2026-0150" in row_2021 and 0 in row_2021  # numbers stay numbers

    # the lead sees what has been paid and what remains, in Swedish and (isolated) in Arabic
    client.force_login(approved.user)
    page = plain(client.get(approved.get_absolute_url()))
    assert sv("%(paid)s has been paid; %(remaining)s remains to be paid.", paid=sv("%(amount)s kr", amount="750 000"),
              remaining=sv("%(amount)s kr", amount="750 000")) in page
    assert "V2026-0142" in page
    with translation.override("ar"):
        arabic = client.get(reverse("funding:application_detail", args=[approved.pk])).content.decode()
    isolated = r"(?:\u2066|<bdi dir=\"ltr\">){}(?:\u2069|</bdi>)"  # marks in text, <bdi> in pages
    assert re.search(isolated.format("750\u00a0000"), arabic) and re.search(isolated.format("250\u00a0000"), arabic)
    assert '<bdi dir="ltr">2020</bdi>' in arabic


def test_more_than_remains_is_refused_and_what_was_typed_is_kept(approved, client_as):
    manager = client_as("Fund managers")
    r, _data = record(manager, approved, "2020", "600 000", "V-77")
    assert r.status_code == 200
    page = plain(r)
    with translation.override("sv"):
        expected = re.sub(r"[\u2066-\u2069]", "", services.remaining_message("2020", 500_000)).replace("\u00a0", " ")
    assert expected in page
    assert 'value="V-77"' in r.content.decode() and 'value="600 000"' in r.content.decode()
    assert not Payment.objects.filter(plan__application=approved).exists()
    # an amount of nothing, a missing voucher and a date that is no date each say what to do
    r, _data = record(manager, approved, "2020", "", "", paid_on="1 februari")
    page = plain(r)
    assert sv("Enter the amount paid, in whole kronor.") in page
    assert sv("Enter the voucher reference (verifikationsnummer) of the booking.") in page
    assert sv("Enter the date as year-month-day, for example 2027-02-01.") in page
    assert not Payment.objects.filter(plan__application=approved).exists()
    # the service refuses on its own too (two fund managers at the same moment)
    line = PlannedPayment.objects.get(application=approved, year="2020")
    services.record_payment(line.pk, paid_on=datetime.date(2026, 12, 1), amount=500_000, voucher="V-1",
                            user=None, key="00000000-0000-0000-0000-000000000001")
    with pytest.raises(services.PaymentError):
        services.record_payment(line.pk, paid_on=datetime.date(2026, 12, 1), amount=1, voucher="V-2",
                                user=None, key="00000000-0000-0000-0000-000000000002")
    # a fully paid year is no longer offered
    assert f'value="{line.pk}"' not in manager.get(payments_url(approved)).content.decode()


def test_a_double_submit_records_one_payment(approved, client_as):
    manager = client_as("Fund managers")
    r1, data = record(manager, approved, "2022", "100 000", "V-9")
    r2 = manager.post(payments_url(approved), data)
    assert r1.status_code == r2.status_code == 302
    assert Payment.objects.filter(plan__application=approved).count() == 1
    page = plain(manager.get(payments_url(approved)))
    assert sv("This payment was already recorded; it was not recorded twice.") in page


def test_fund_managers_move_the_planned_date(approved, client_as, client):
    manager = client_as("Fund managers")
    line = PlannedPayment.objects.get(application=approved, year="2021")
    r = manager.post(reverse("funding_payments:edit", args=[line.pk]), {"planned_on": "2027-02-01"})
    assert r.status_code == 302
    line.refresh_from_db()
    assert line.planned_on == datetime.date(2027, 2, 1) and line.amount == 500_000
    client.force_login(approved.user)
    assert "2027-02-01" in plain(client.get(approved.get_absolute_url()))


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_only_fund_managers_and_administrators_record_and_export(approved, client_as, role):
    client = client_as(role)
    for url in [payments_url(approved), reverse("funding_payments:index"),
                reverse("funding_payments:index") + "?export=csv"]:
        r = client.get(url)
        assert r.status_code == 302 and approved.reference not in r.content.decode(), url
    line = PlannedPayment.objects.get(application=approved, year="2020")
    client.post(payments_url(approved), {"plan": line.pk, "paid_on": "2026-12-01", "amount": "1000",
                                         "voucher": "V-X", "key": "00000000-0000-0000-0000-0000000000aa"})
    assert not Payment.objects.filter(voucher="V-X").exists()


def test_administrators_record_too(approved, client_as):
    r, _data = record(client_as("Administrators"), approved, "2020", "1 000", "V-A")
    assert r.status_code == 302 and Payment.objects.filter(voucher="V-A").exists()


def test_no_payments_before_approval_nor_for_another_lead(client_as, client, django_user_model):
    submitted = Application.objects.filter(user__username="projektledare", status=workflow.SUBMITTED).first()
    manager = client_as("Fund managers")
    assert manager.get(payments_url(submitted)).status_code == 404
    assert manager.get(reverse("funding_payments_application", args=[999999])).status_code == 404
    # another project lead's application (with its payments) is a 404, and shows nothing of them
    paid = Application.objects.get(title="Läxhjälp och föräldrastöd i Vällingby")
    client.force_login(django_user_model.objects.get(username="projektledare"))
    r = client.get(paid.get_absolute_url())
    assert r.status_code == 404 and "V20" not in r.content.decode()
    assert not PlannedPayment.objects.for_applicant(submitted.user).filter(application=paid).exists()


def test_the_demo_has_a_project_at_the_payments_stage(client):
    app = Application.objects.get(title="Läxhjälp och föräldrastöd i Vällingby")
    first, second = app.payment_plan.order_by("year")
    assert (first.paid, first.remaining, second.paid, second.remaining) == (200_000, 0, 0, 200_000)
    client.force_login(app.user)
    page = plain(client.get(app.get_absolute_url()))
    assert sv("%(paid)s has been paid; %(remaining)s remains to be paid.", paid=sv("%(amount)s kr", amount="200 000"),
              remaining=sv("%(amount)s kr", amount="200 000")) in page
