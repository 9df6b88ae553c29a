"""The project lead's final-report wizard, the fund manager's review and the PDF, through HTTP as a
user sees them: validation messages per step, saving and resuming, 404 for anyone else, the
numbers of the demo report read back from a real PDF."""
import re
import subprocess
import tempfile
import unicodedata

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from funding.models import Application
from reports.models import FinalReport, ReportPage

pytestmark = pytest.mark.django_db

LEAD = "projektledare2"


@pytest.fixture
def project():
    return Application.objects.get(user__username=LEAD)


@pytest.fixture
def lead(client, project):
    client.force_login(project.user)
    return client


def step_url(project, step, lang="sv"):
    return f"/{lang}/funding/my/{project.pk}/final-report/{step}/"


def post(client, project, step, data, **extra):
    payload = {"final_report-current_step": step, **{f"{step}-{k}": v for k, v in data.items()}}
    payload.update(extra)
    return client.post(step_url(project, step), payload)


def text(response):
    return re.sub(r"\s+", " ", response.content.decode().replace("\u00a0", " "))


def test_demo_report_is_a_filled_draft_with_the_sources_benefit_realisation(project):
    report = project.final_report
    assert report.status == FinalReport.Status.DRAFT
    assert report.benefit["service_cost"] == 800_000 and report.benefit["cases"] == 164


def test_only_the_projects_own_lead_reaches_the_final_report(client, project, demo_users):
    url = step_url(project, "summary")
    assert client.get(url).status_code == 302  # to the login page
    for user in demo_users.values():
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.get(f"/sv/funding/my/{project.pk}/final-report/").status_code == 404
        assert client.get(f"/sv/funding/my/{project.pk}/final-report/pdf/").status_code == 404
        r = client.post(url, {"final_report-current_step": "summary", "summary-summary": "Intrång"})
        assert r.status_code == 404
    assert "Intrång" not in FinalReport.objects.get(application=project).summary
    other = Application.objects.get(user__username="projektledare")  # submitted, not approved
    client.force_login(other.user)
    assert client.get(step_url(other, "summary")).status_code == 404
    assert client.get(url).status_code == 404


def test_every_step_opens_prefilled_and_in_arabic(lead, project):
    r = lead.get(step_url(project, "summary"))
    assert r.status_code == 200 and "Modellen för tidigt socialt stöd är införd" in text(r)
    r = lead.get(step_url(project, "economy"))
    page = text(r)
    assert "1 450 000" in page and "En tjänst var vakant" in page and "−150 000" in page
    r = lead.get(step_url(project, "goals", "ar"))
    assert r.status_code == 200 and 'dir="rtl"' in r.content.decode()


def test_empty_step_shows_an_error_summary_and_keeps_the_answer(lead, project):
    r = post(lead, project, "summary", {"summary": ""})
    assert r.status_code == 200 and "error-summary" in text(r)
    assert 'href="#id_summary-summary"' in r.content.decode()
    r = post(lead, project, "summary", {"summary": "Ny sammanfattning."})
    assert r.status_code == 302 and r.url.endswith("/done/")
    project.final_report.refresh_from_db()
    assert project.final_report.summary == "Ny sammanfattning."


def test_goals_need_an_assessment_each(lead, project):
    data = {f"g{i}_analysis": "Analys" for i in range(1, 5)}
    data.update({"g1_assessment": "achieved", "g2_assessment": "partly", "g3_assessment": "not_achieved"})
    r = post(lead, project, "goals", data)
    assert r.status_code == 200 and 'href="#id_goals-g4_assessment"' in r.content.decode()
    assert 'id="id_goals-g4_assessment"' in r.content.decode()  # the link has a target
    data["g4_assessment"] = "partly"
    assert post(lead, project, "goals", data).status_code == 302
    report = FinalReport.objects.get(application=project)
    assert [g["assessment"] for g in report.goals] == ["achieved", "partly", "not_achieved", "partly"]
    assert report.goals[0]["goal"].startswith("Barn och unga får rätt stöd")


def test_effect_targets_need_target_and_outcome(lead, project):
    r = post(lead, project, "effects", {"rows": "3", "r0_label": "Andel som fick rätt stöd", "r0_target": "70",
                                        "r0_outcome": "", "r1_target": "abc"})
    page = text(r)
    assert "Ange utfallet" in page or "Enter the outcome" in page
    assert "73,3" in page or "Enter a number" in page
    r = post(lead, project, "effects", {"rows": "3", "r0_label": "Andel som fick rätt stöd", "r0_target": "70",
                                        "r0_outcome": "73,3", "r0_unit": "%"})
    assert r.status_code == 302
    report = FinalReport.objects.get(application=project)
    assert report.effect_targets == [{"label": "Andel som fick rätt stöd", "target": "70", "outcome": "73.3",
                                      "unit": "%"}]


def test_effect_targets_add_a_row_without_javascript(lead, project):
    r = post(lead, project, "effects", {"rows": "3", "r0_label": "Kvar"}, add_row="1")
    assert r.status_code == 302 and r.url.endswith("#effect-targets")
    page = lead.get(r.url).content.decode()
    assert 'name="effects-r3_label"' in page and 'value="Kvar"' in page


def test_key_figures_reject_an_empty_table_and_store_rows_by_year(lead, project):
    r = post(lead, project, "figures", {"tables": "1", "t0_rows": "4", "t0_caption": "Ärenden"})
    assert r.status_code == 200 and "har inga siffror" in text(r) or "has no figures" in text(r)
    r = post(lead, project, "figures", {"tables": "1", "t0_rows": "4", "t0_caption": "Ärenden", "t0_unit": "antal",
                                        "t0_r0_label": "Ärenden", "t0_r0_c0": "164", "t0_r0_c1": "212",
                                        "t0_r0_c2": "1 268"})
    assert r.status_code == 302
    report = FinalReport.objects.get(application=project)
    assert report.key_figures == [{"caption": "Ärenden", "unit": "antal", "columns": ["2020", "2021", "2022"],
                                   "rows": [{"label": "Ärenden", "values": ["164", "212", "1268"]}]}]


def economy_data(**changes):
    values = {"o0": "1 450 000", "o1": "1 450 000", "o2": "1 450 000", "o3": "50 000", "o4": "50 000",
              "o5": "50 000"}
    values.update(changes)
    return values


def test_economic_report_requires_an_explanation_above_the_funds_threshold(lead, project):
    r = post(lead, project, "economy", economy_data(o1="1 300 000"))
    page = text(r)
    assert r.status_code == 200
    assert "-10,3 %" in page and "10 %" in page  # the deviation and the fund's limit, in the message
    assert 'href="#id_economy-e1"' in r.content.decode()
    r = post(lead, project, "economy", economy_data(o1="1 300 000", e1="En tjänst var vakant."))
    assert r.status_code == 302
    report = FinalReport.objects.get(application=project)
    assert report.economic_outcome["personnel|2021"] == {"outcome": 1_300_000, "explanation": "En tjänst var vakant."}


def test_the_fund_sets_the_threshold(lead, project):
    fund = project.fund
    fund.report_deviation_threshold = 20
    fund.save()
    assert post(lead, project, "economy", economy_data(o1="1 300 000")).status_code == 302


def test_economic_report_needs_every_outcome(lead, project):
    r = post(lead, project, "economy", economy_data(o3="", o4="femtio"))
    assert r.status_code == 200
    assert 'href="#id_economy-o3"' in r.content.decode() and 'href="#id_economy-o4"' in r.content.decode()


def test_benefit_realisation_is_optional_but_complete(lead, project):
    assert post(lead, project, "benefit", {}).status_code == 302
    assert FinalReport.objects.get(application=project).benefit == {}
    r = post(lead, project, "benefit", {"service_cost": "800 000"})
    assert r.status_code == 200 and 'href="#id_benefit-cases"' in r.content.decode()
    r = post(lead, project, "benefit", {"service_cost": "800 000", "cases": "164", "alternative_cost": "20 000",
                                        "avoided": "7"})
    assert r.status_code == 302
    # amounts are isolated for right-to-left text (<bdi> or the LRI … PDI marks)
    page = re.sub(r"<[^>]+>|[\u2066-\u2069]", "", text(lead.get(step_url(project, "benefit"))))
    assert "4 800 kr" in page and "15 200 kr" in page and "106 400 kr" in page


def test_attachments_take_office_files_and_refuse_others(lead, project):
    r = post(lead, project, "attachments", {"file": SimpleUploadedFile("bild.exe", b"MZ\x90\x00")})
    assert r.status_code == 200 and "bild.exe" in text(r)
    r = post(lead, project, "attachments", {"file": SimpleUploadedFile("falsk.pdf", b"hello world")})
    assert r.status_code == 200 and "falsk.pdf" in text(r)
    big = SimpleUploadedFile("stor.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))
    r = post(lead, project, "attachments", {"file": big})
    assert r.status_code == 200 and "10 MB" in text(r)
    from tests.files import real_docx

    r = post(lead, project, "attachments", {"file": SimpleUploadedFile("bilaga.docx", b"PK\x03\x04rest")})
    assert r.status_code == 200 and "bilaga.docx" in text(r)  # not a real Word file
    r = post(lead, project, "attachments", {"file": SimpleUploadedFile("bilaga.docx", real_docx())})
    assert r.status_code == 302
    att = FinalReport.objects.get(application=project).attachments.get(name="bilaga.docx")
    assert att.name == "bilaga.docx"
    assert lead.get(f"/sv/funding/my/{project.pk}/final-report/attachments/{att.pk}/").status_code == 200


def test_save_and_continue_later_keeps_invalid_answers(lead, project):
    r = post(lead, project, "summary", {"summary": ""}, save_draft="1")
    assert r.status_code == 302
    r = post(lead, project, "done", {"what_was_done": "Halvfärdig text"}, save_draft="1")
    assert "Halvfärdig text" in lead.get(step_url(project, "done")).content.decode()


def walk_and_submit(client, project):
    """Accept the demo answers step by step (each step opens pre-filled) and submit."""
    from reports.final_forms import STEPS

    for step, _form, _title in STEPS[:-1]:
        page = client.get(step_url(project, step))
        data = {}
        for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page.content.decode()):
            data[name] = value
        for name, value in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>\s*([^<]*)</textarea>',
                                      page.content.decode()):
            data[name] = value.replace("&#x27;", "'")
        for name, value in re.findall(r'<input type="radio" name="([^"]+)" value="([^"]+)"[^>]*checked',
                                      page.content.decode()):
            data[name] = value
        data = {k: v for k, v in data.items() if not k.startswith("wizard_goto") and k != "csrfmiddlewaretoken"}
        data["final_report-current_step"] = step
        r = client.post(step_url(project, step), data)
        assert r.status_code == 302, (step, text(r)[:3000])
    r = client.post(step_url(project, "review"), {"final_report-current_step": "review", "review-confirm": "on"})
    assert r.status_code == 302 and r.url.endswith("/done-submit/")
    return client.get(r.url)  # the wizard checks every step again, then submits


def test_submit_return_resubmit_and_approve(lead, project, client_as, demo_users):
    r = lead.post(step_url(project, "review"), {"final_report-current_step": "review"})
    assert r.status_code == 200 and 'href="#id_review-confirm"' in r.content.decode()
    manager = Client()
    manager.force_login(demo_users["Fund managers"])
    assert project.title not in manager.get(reverse("final_reports:index")).content.decode()  # a draft
    r = walk_and_submit(lead, project)
    assert r.status_code == 302
    report = FinalReport.objects.get(application=project)
    assert report.status == FinalReport.Status.SUBMITTED
    # Submitted: the wizard is closed.
    r = lead.get(step_url(project, "summary"))
    assert r.status_code == 302 and r.url.endswith("/final-report/")

    # The fund manager (another browser) sees it in the list and returns it with a comment.
    listing = manager.get(reverse("final_reports:index")).content.decode()
    assert project.title in listing
    inspect = reverse("final_reports:inspect", args=[report.pk])
    page = re.sub(r"</?bdi[^>]*>", "", text(manager.get(inspect)))  # amounts are isolated
    for expected in ("106 400 kr", "4 800 kr", "15 200 kr", "73,3", "Ärenden hos samordnarna", "−150 000",
                     "En tjänst var vakant"):
        assert expected in page, expected
    r = manager.post(inspect, {"decision": "return", "comment": ""})
    assert r.status_code == 200 and FinalReport.objects.get(pk=report.pk).status == "submitted"
    r = manager.post(inspect, {"decision": "return", "comment": "Komplettera analysen av mål 2."})
    assert r.status_code == 302
    report.refresh_from_db()
    assert report.status == FinalReport.Status.RETURNED

    # The lead gets an e-mail with a link and no content, reads the comment and submits again.
    detail = text(lead.get(f"/sv/funding/my/{project.pk}/final-report/"))
    assert "Komplettera analysen av mål 2." in detail
    assert "Komplettera analysen av mål 2." in text(lead.get(step_url(project, "summary")))
    r = walk_and_submit(lead, project)
    report.refresh_from_db()
    assert report.status == FinalReport.Status.SUBMITTED

    # Approval drafts a knowledge-bank page in the moderation workflow.
    r = manager.post(inspect, {"decision": "approve"})
    report.refresh_from_db()
    assert report.status == FinalReport.Status.APPROVED
    page = ReportPage.objects.get(pk=report.knowledge_bank_page_id)
    assert not page.live and page.workflow_in_progress


def test_decision_emails_hold_a_link_only(lead, project, client_as, mailoutbox, django_capture_on_commit_callbacks):
    walk_and_submit(lead, project)
    report = FinalReport.objects.get(application=project)
    manager = client_as("Fund managers")
    with django_capture_on_commit_callbacks(execute=True):
        manager.post(reverse("final_reports:inspect", args=[report.pk]),
                     {"decision": "return", "comment": "Hemlig kommentar om Kim."})
    message = mailoutbox[-1]
    assert message.to == [project.user.email]
    assert f"/sv/funding/my/{project.pk}/final-report/" in message.body
    assert "Hemlig" not in message.body and "Kim" not in message.body and project.title not in message.body


@pytest.mark.parametrize("group", ["Editors", "Moderators", "Coordinators"])
def test_other_staff_cannot_review(client_as, project, group):
    report = project.final_report
    report.status = FinalReport.Status.SUBMITTED
    report.save()
    client = client_as(group)
    assert client.get(reverse("final_reports:index")).status_code in (302, 403)
    r = client.post(reverse("final_reports:inspect", args=[report.pk]), {"decision": "approve"})
    assert r.status_code in (302, 403)
    report.refresh_from_db()
    assert report.status == FinalReport.Status.SUBMITTED
    assert client.get(reverse("final_report_admin_pdf", args=[report.pk])).status_code in (302, 403)


def pdf_text(content):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(content)
        f.flush()
        out = subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True, check=True).stdout
    return out.decode().replace("\u00a0", " ")


def test_pdf_has_every_table_with_the_demo_numbers(lead, project):
    r = lead.get(f"/sv/funding/my/{project.pk}/final-report/pdf/")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    content = pdf_text(r.content)
    for expected in ("Slutrapport", "Ekonomisk redovisning", "Nyckeltal", "Effektmål", "Nyttorealisering",
                     "106 400", "4 800", "15 200", "800 000", "164", "1 450 000", "−150 000", "73,3",
                     "Ärenden hos samordnarna", "268", "4 350 000", "4 500 000"):
        assert expected in content, expected


def test_pdf_in_arabic_and_english(project):
    from reports.final_pdf import render_final_report

    arabic = pdf_text(render_final_report(project.final_report, language="ar"))
    assert "106 400" in arabic and "1 450 000" in arabic
    english = pdf_text(render_final_report(project.final_report, language="en"))
    assert "Final report" in english and "Economic report" in english and "73.3" in english


def test_arabic_report_body_and_pdf_name_the_currency_in_arabic(lead, project):
    """Issue 15: "kr" is Swedish; the Arabic report says كرونة, the number isolated before it."""
    from reports.final_pdf import render_final_report

    main = lead.get(f"/ar/funding/my/{project.pk}/final-report/").content.decode().split("<main", 1)[1]
    assert '<bdi dir="ltr">106\u00a0400</bdi> كرونة' in main
    assert not re.search(r"\d(</bdi>)?\s+kr\b", main)
    # pdftotext gives the shaped Arabic letters (presentation forms): NFKC reads them as letters
    arabic = unicodedata.normalize("NFKC", pdf_text(render_final_report(project.final_report, language="ar")))
    savings = next(line for line in arabic.splitlines() if "106 400" in line)
    assert "كرونة" in savings and not re.search(r"\bkr\b", arabic)
