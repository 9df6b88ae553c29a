"""Private files (issue 11, trust boundary): attachments of applications and final reports live in
the private storage under random names, never under MEDIA_URL; they are downloaded only through
views that check who asks (owner, Fund managers, Administrators), with the type read from the
file, and every download is logged; uploads must really be what they claim; files go with their
application, and the daily job sweeps orphans and old applications."""
import datetime
import os
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation
from django.views.static import serve

from funding import workflow
from funding.models import Application, Attachment, AttachmentDownload, FundProgrammePage
from reports.models import FinalReport, FinalReportAttachment
from tests.factories import ApplicantFactory
from tests.files import POLYGLOT_PDF, javascript_pdf, real_docx, real_pdf

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def lead_app():
    return Application.objects.get(user__username="projektledare")


@pytest.fixture
def demo_att(lead_app):
    return lead_app.attachments.get(name="Tidsplan.pdf")


def private_path(field_file):
    return Path(storages["private"].path(field_file.name))


def test_attachments_are_private_files_with_random_names(client, lead_app, demo_att):
    path = private_path(demo_att.file).resolve()
    assert path.is_file() and path.read_bytes().startswith(b"%PDF-")
    media_root = Path(settings.MEDIA_ROOT).resolve()
    assert media_root not in path.parents  # not under MEDIA_ROOT, so not under MEDIA_URL
    assert "Tidsplan" not in demo_att.file.name and str(lead_app.pk) not in demo_att.file.name.split("/")[0]
    with pytest.raises(ValueError):
        demo_att.file.url  # noqa: B018 - the storage has no URL at all
    # Whatever serves MEDIA_URL (DEBUG's static view here) finds nothing, at the old or the new name.
    request = RequestFactory().get("/media/")
    for name in (f"funding/applications/{lead_app.pk}/Tidsplan.pdf", demo_att.file.name):
        with pytest.raises(Http404):
            serve(request, name, document_root=settings.MEDIA_ROOT)
    assert client.get(f"/media/funding/applications/{lead_app.pk}/Tidsplan.pdf").status_code == 404


def test_owner_downloads_as_attachment_with_the_type_of_the_content(client, lead_app, demo_att):
    url = reverse("funding:attachment", args=[lead_app.pk, demo_att.pk])
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(lead_app.user)
    r = client.get(url)
    assert r.status_code == 200
    assert r["Content-Type"] == "application/pdf"
    assert r["Content-Disposition"].startswith("attachment;") and "Tidsplan.pdf" in r["Content-Disposition"]
    assert r["X-Content-Type-Options"] == "nosniff" and r["Cache-Control"] == "no-store, private"
    assert b"".join(r.streaming_content).startswith(b"%PDF-")
    assert AttachmentDownload.objects.filter(reference=lead_app.reference, attachment_id=demo_att.pk,
                                             user=lead_app.user, as_owner=True).exists()


def test_final_report_attachment_type_is_read_from_the_file_not_the_browser(client):
    project = Application.objects.get(user__username="projektledare2")
    client.force_login(project.user)
    name = "Bilaga åäö.docx"
    upload = SimpleUploadedFile(name, real_docx(), content_type="text/html")  # what the browser claimed
    r = client.post(f"/sv/funding/my/{project.pk}/final-report/attachments/",
                    {"final_report-current_step": "attachments", "attachments-file": upload})
    assert r.status_code == 302
    att = project.final_report.attachments.get(name=name)
    assert att.content_type == DOCX and att.file.name.endswith(".docx") and "Bilaga" not in att.file.name
    r = client.get(f"/sv/funding/my/{project.pk}/final-report/attachments/{att.pk}/")
    assert r.status_code == 200 and r["Content-Type"] == DOCX
    assert f"filename*=utf-8''{quote(name)}" in r["Content-Disposition"]
    assert r["X-Content-Type-Options"] == "nosniff"


def test_only_owner_fund_managers_and_administrators_get_the_file(client, lead_app, demo_att, demo_users):
    mine = reverse("funding:attachment", args=[lead_app.pk, demo_att.pk])
    admin = reverse("funding_attachment_admin", args=[lead_app.pk, demo_att.pk])
    other_lead = ApplicantFactory(username="annan-projektledare")
    client.force_login(other_lead)
    assert client.get(mine).status_code == 404
    for role in ("Editors", "Moderators", "Coordinators"):
        client.force_login(demo_users[role])
        assert client.get(mine).status_code == 404
        r = client.get(admin)  # Wagtail: back to the dashboard, "Sorry, you do not have permission"
        assert r.status_code == 302 and r["Location"] == "/admin/"
    for role in ("Fund managers", "Administrators"):
        user = demo_users[role]
        client.force_login(user)
        r = client.get(admin)
        assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
        assert r["Content-Disposition"].startswith("attachment;")
        assert AttachmentDownload.objects.filter(user=user, reference=lead_app.reference, attachment_id=demo_att.pk,
                                                 kind="application", as_owner=False).exists()
    # the inspect view links to the download view, not to a media URL
    page = client.get(f"/admin/funding_applications/inspect/{lead_app.pk}/").content.decode()
    assert admin in page and "/media/" not in page


def test_fund_manager_downloads_a_submitted_final_reports_attachment(client, demo_users):
    report = FinalReport.objects.get(application__user__username="projektledare2")
    att = report.attachments.get(name="Deltagarstatistik.pdf")
    url = reverse("final_report_attachment_admin", args=[report.pk, att.pk])
    client.force_login(demo_users["Fund managers"])
    # a draft is the project lead's own business (a 404 in /admin/ is redirected to /sv/admin/: still 404)
    assert client.get(url, follow=True).status_code == 404
    FinalReport.objects.filter(pk=report.pk).update(status=FinalReport.Status.SUBMITTED)
    r = client.get(url)
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert AttachmentDownload.objects.filter(kind="final_report", attachment_id=att.pk).count() == 1
    page = client.get(f"/admin/final_reports/inspect/{report.pk}/").content.decode()
    assert url in page
    client.force_login(demo_users["Editors"])
    r = client.get(url)
    assert r.status_code == 302 and r["Location"] == "/admin/"


def upload_to_application(client, app, name, content):
    step = "attachments"
    with translation.override("en"):
        url = reverse("funding:apply", args=[app.pk, step])
    return client.post(url, {
        f"application_{app.pk}-current_step": step,
        "attachments-file": SimpleUploadedFile(name, content, content_type="application/pdf")})


@pytest.fixture
def draft(client):
    user = ApplicantFactory(username="uppladdare")
    fund = FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel")
    app = Application.objects.create(user=user, fund=fund, language="en", title="Test")
    client.force_login(user)
    return app


def test_a_pdf_html_polyglot_is_refused_with_a_message_naming_the_file(client, draft):
    r = upload_to_application(client, draft, "plan.pdf", POLYGLOT_PDF)
    assert r.status_code == 200 and not draft.attachments.exists()
    assert "“plan.pdf” contains web page code (HTML or script) and cannot be attached." in r.content.decode()


@pytest.mark.parametrize("name, content, message", [
    ("script.pdf", javascript_pdf(), "“script.pdf” contains scripts or actions that run when it is opened."),
    ("trasig.pdf", b"%PDF-1.4\n%%EOF\n", "“trasig.pdf” is not a readable PDF file."),
    ("word.pdf", real_docx(), "“word.pdf” is not a real PDF file."),
])
def test_pdfs_that_are_not_plain_readable_pdfs_are_refused(client, draft, name, content, message):
    r = upload_to_application(client, draft, name, content)
    assert r.status_code == 200 and not draft.attachments.exists()
    assert message in r.content.decode()


def test_a_real_pdf_is_accepted_into_the_private_storage(client, draft):
    r = upload_to_application(client, draft, "tidsplan.pdf", real_pdf(pages=2))
    assert r.status_code == 302
    att = draft.attachments.get()
    assert att.name == "tidsplan.pdf" and private_path(att.file).is_file()


def test_office_files_must_have_the_structure_of_their_type(client):
    project = Application.objects.get(user__username="projektledare2")
    client.force_login(project.user)
    url = f"/sv/funding/my/{project.pk}/final-report/attachments/"
    macro = real_docx(main="application/vnd.ms-word.document.macroEnabled.main+xml")
    for name, content in [("falsk.docx", b"PK\x03\x04rest"), ("makro.docx", macro), ("kalkyl.xlsx", real_docx())]:
        r = client.post(url, {"final_report-current_step": "attachments",
                              "attachments-file": SimpleUploadedFile(name, content)})
        assert r.status_code == 200 and name in r.content.decode(), name
    assert not project.final_report.attachments.filter(name__in=["falsk.docx", "makro.docx", "kalkyl.xlsx"]).exists()


def test_deleting_an_application_deletes_its_files(lead_app, demo_att, django_capture_on_commit_callbacks):
    report_att = FinalReportAttachment.objects.get(name="Deltagarstatistik.pdf")
    paths = [private_path(demo_att.file), private_path(report_att.file)]
    assert all(p.is_file() for p in paths)
    with django_capture_on_commit_callbacks(execute=True):
        lead_app.delete()  # cascades to the attachment rows
        report_att.report.application.user.delete()  # user -> application -> report -> attachment
    assert not any(p.exists() for p in paths)
    # put the demo files back for the tests after this one (the rows come back with the rollback)
    for path in paths:
        path.write_bytes(real_pdf())


def make_old(path, days):
    old = time.time() - days * 86400
    os.utime(path, (old, old))


def test_the_daily_job_sweeps_orphaned_private_files(demo_att):
    storage = storages["private"]
    stray = storage.save("applications/stray.pdf", ContentFile(real_pdf()))
    fresh = storage.save("final-reports/fresh.pdf", ContentFile(real_pdf()))
    make_old(storage.path(stray), 2)
    make_old(private_path(demo_att.file), 30)  # old, but an attachment points at it
    call_command("purge_expired_submissions", verbosity=0)
    assert not storage.exists(stray)
    assert storage.exists(fresh) and private_path(demo_att.file).is_file()
    storage.delete(fresh)


def test_the_daily_job_deletes_old_refused_applications_and_abandoned_drafts(django_capture_on_commit_callbacks):
    fund = FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel")
    assert fund.archive_years == 10
    user = ApplicantFactory(username="gammal-sokande")
    now = timezone.now()

    def app(status, decided_years=None, touched_days=0):
        a = Application.objects.create(user=user, fund=fund, language="sv", status=status,
                                       decided_at=now - datetime.timedelta(days=365 * decided_years + 3)
                                       if decided_years is not None else None)
        Application.objects.filter(pk=a.pk).update(updated_at=now - datetime.timedelta(days=touched_days))
        return a

    old_refused = app(workflow.REJECTED, decided_years=11, touched_days=4000)
    recent_refused = app(workflow.REJECTED, decided_years=9, touched_days=3000)
    old_approved = app(workflow.APPROVED, decided_years=15, touched_days=6000)
    abandoned = app(workflow.DRAFT, touched_days=800)
    active_draft = app(workflow.DRAFT, touched_days=100)
    att = Attachment.objects.create(application=old_refused, file=ContentFile(real_pdf(), name="x.pdf"),
                                    name="x.pdf", size=1)
    path = private_path(att.file)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_expired_submissions", verbosity=0)
    left = set(Application.objects.filter(user=user).values_list("pk", flat=True))
    assert left == {recent_refused.pk, old_approved.pk, active_draft.pk}
    assert abandoned.pk not in left and not path.exists()


def test_old_public_attachments_are_moved_to_the_private_storage(lead_app, django_capture_on_commit_callbacks):
    """The data migrations' helper: a file an older version left under MEDIA_ROOT moves to the
    private storage under a random name; a final report's browser-given type is replaced."""
    from portal.private_files import move_public_files

    old_name = default_storage.save(f"funding/applications/{lead_app.pk}/Gammal plan.pdf", ContentFile(real_pdf()))
    att = Attachment.objects.create(application=lead_app, file=ContentFile(b"", name="tmp.pdf"), name="Gammal plan.pdf",
                                    size=1)
    storages["private"].delete(att.file.name)
    Attachment.objects.filter(pk=att.pk).update(file=old_name)
    report = FinalReport.objects.get(application__user__username="projektledare2")
    report_old = default_storage.save(f"reports/final/{report.pk}/bilaga.docx", ContentFile(real_docx()))
    ratt = FinalReportAttachment.objects.create(report=report, file=ContentFile(b"", name="t.docx"),
                                                name="bilaga.docx", size=1, content_type="text/html")
    storages["private"].delete(ratt.file.name)
    FinalReportAttachment.objects.filter(pk=ratt.pk).update(file=report_old)
    with django_capture_on_commit_callbacks(execute=True):
        assert move_public_files(Attachment, "applications") == 1
        assert move_public_files(FinalReportAttachment, "final-reports") == 1
        assert move_public_files(Attachment, "applications") == 0  # idempotent
    att.refresh_from_db()
    ratt.refresh_from_db()
    assert att.file.name.startswith("applications/") and "Gammal" not in att.file.name
    assert private_path(att.file).read_bytes().startswith(b"%PDF-")
    assert ratt.content_type == DOCX and ratt.file.name.endswith(".docx")
    assert not default_storage.exists(old_name) and not default_storage.exists(report_old)
    storages["private"].delete(att.file.name)
    storages["private"].delete(ratt.file.name)


def test_private_storage_settings(tmp_path):
    from portal.settings.base import private_storage_config

    local = private_storage_config({}, tmp_path)
    assert local == {"BACKEND": "portal.private_files.PrivateFileSystemStorage",
                     "OPTIONS": {"location": str(tmp_path), "base_url": None}}
    s3 = private_storage_config({"PRIVATE_STORAGE_BACKEND": "storages.backends.s3.S3Storage",
                                 "PRIVATE_STORAGE_BUCKET": "lotsa-private",
                                 "PRIVATE_STORAGE_ENDPOINT_URL": "https://s3.example"}, tmp_path)
    assert s3["BACKEND"] == "storages.backends.s3.S3Storage"
    assert s3["OPTIONS"]["bucket_name"] == "lotsa-private" and s3["OPTIONS"]["endpoint_url"] == "https://s3.example"
    assert s3["OPTIONS"]["default_acl"] == "private" and s3["OPTIONS"]["querystring_auth"] is True
    assert Path(settings.STORAGES["private"]["OPTIONS"]["location"]).name == ".test-private-media"
