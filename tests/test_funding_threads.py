"""A message thread per application (issue 13, item 3): the project lead and the fund managers
write to each other in both directions, with an optional PDF per message (a private file), see
what is new to them on their lists and pages, and get e-mails that hold a link only. The fund
manager's "Ask for more information" comment is in the thread; the internal note never is.
Another lead's thread or file is a 404, a draft has no thread, a double post stores one message."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from funding import workflow
from funding.models import Application, AttachmentDownload
from funding.threads.models import Message
from tests.factories import ApplicantFactory, ApplicationFactory
from tests.files import POLYGLOT_PDF, real_pdf

pytestmark = pytest.mark.django_db

QUESTION = "Hur många familjer räknar ni med det första året?"
INTERNAL = "Ringde förvaltningen, budgeten verkar rimlig"


@pytest.fixture
def demo_app():
    """The demo lead's submitted application, whose thread has the demo's question and answer."""
    return Application.objects.select_related("user").get(user__username="projektledare")


@pytest.fixture
def lead(client, demo_app):
    client.force_login(demo_app.user)
    return client


def pdf_upload(name="Familjer.pdf"):
    return SimpleUploadedFile(name, real_pdf(), content_type="application/pdf")


def unread_for(app, username):
    """The number the fund managers' list shows for `app` to `username` (one annotated query)."""
    from django.contrib.auth import get_user_model

    from funding.threads import services

    user = get_user_model().objects.get(username=username)
    return services.with_unread(Application.objects.filter(pk=app.pk), user, services.FUND_MANAGER).get().unread_messages


def lead_page(client, app):
    return client.get(reverse("funding:messages", args=[app.pk])).content.decode()


def test_a_question_and_an_answer_in_both_directions(client, client_as, demo_app, mailoutbox,
                                                     django_capture_on_commit_callbacks):
    inspect = reverse("funding_applications:inspect", args=[demo_app.pk])
    manager = client_as("Fund managers")
    # The demo lead's answer is new to the fund manager: on the list and on the application.
    assert manager.get(reverse("funding_applications:index")).status_code == 200
    assert unread_for(demo_app, "fondforvaltare") == 1
    page = manager.get(inspect).content.decode()
    assert 'id="messages"' in page and "skolornas elevhälsa" in page and "Tidsplan-ar-1.pdf" in page
    assert "w-status--primary" in page  # the "new" marker
    assert "w-status--primary" not in manager.get(inspect).content.decode()  # read now
    assert unread_for(demo_app, "fondforvaltare") == 0

    # "Ask for more information": the comment goes to the thread, the internal note does not.
    with django_capture_on_commit_callbacks(execute=True):
        manager.post(inspect, {"to": workflow.MORE_INFO, "comment": QUESTION, "internal_note": INTERNAL,
                               "version": Application.objects.get(pk=demo_app.pk).version})
    demo_app.refresh_from_db()
    assert demo_app.status == workflow.MORE_INFO
    asked = Message.objects.get(application=demo_app, body=QUESTION)
    assert asked.role == "fund_manager" and asked.transition is not None
    assert not Message.objects.filter(body__contains=INTERNAL).exists()
    assert len(mailoutbox) == 1 and QUESTION not in mailoutbox[0].body  # the status notice, a link only

    # The lead: "1 new message" on My applications and on the application, then the thread.
    manager.logout()
    client.force_login(demo_app.user)
    mine = client.get(reverse("funding:my_applications")).content.decode()
    assert "1 nytt meddelande" in mine or "1 new message" in mine
    detail = client.get(demo_app.get_absolute_url()).content.decode()
    assert QUESTION in detail and INTERNAL not in detail and "badge-new" in detail
    thread = lead_page(client, demo_app)
    assert QUESTION in thread and INTERNAL not in thread and "message-new" in thread
    assert thread.index("skolornas elevhälsa") < thread.index(QUESTION)  # newest last
    assert "badge-new" not in client.get(reverse("funding:my_applications")).content.decode()

    # The lead answers with a PDF; every fund manager gets an e-mail with a link and nothing else.
    mailoutbox.clear()
    url = reverse("funding:messages", args=[demo_app.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"body": "Omkring 40 familjer.\nSe bilagan.", "file": pdf_upload(),
                                     "token": "answer-1"})
    assert response.status_code == 302
    answer = Message.objects.get(application=demo_app, body="Omkring 40 familjer.\nSe bilagan.")
    assert answer.role == "lead" and answer.file_name == "Familjer.pdf" and "Familjer" not in answer.file.name
    assert answer.file.name.startswith("application-messages/")
    assert [m.to for m in mailoutbox] == [["fondforvaltare@lotsa.example"]]
    notice = mailoutbox[0]
    assert "40 familjer" not in notice.body and "Familjer.pdf" not in notice.body
    assert demo_app.reference in notice.subject
    assert f"/admin/funding_applications/inspect/{demo_app.pk}/#messages" in notice.body
    thread = lead_page(client, demo_app)
    assert "Omkring 40 familjer.<br>Se bilagan." in thread and "Familjer.pdf" in thread
    own_file = client.get(reverse("funding:message_attachment", args=[demo_app.pk, answer.pk]))
    assert own_file.status_code == 200 and b"".join(own_file.streaming_content).startswith(b"%PDF-")

    # The fund manager downloads it (logged) and answers from the admin; the lead is told by e-mail.
    client.logout()
    manager = client_as("Fund managers")
    download = manager.get(reverse("funding_thread_attachment_admin", args=[demo_app.pk, answer.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert AttachmentDownload.objects.filter(kind="message", attachment_id=answer.pk, as_owner=False,
                                             reference=demo_app.reference).exists()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = manager.post(reverse("funding_thread_admin", args=[demo_app.pk]),
                                {"body": "Tack, det räcker. Skicka in ansökan igen.", "token": "reply-1"})
    assert response.status_code == 302 and response["Location"].endswith("#messages")
    assert [m.to for m in mailoutbox] == [[demo_app.user.email]]
    assert "Tack, det räcker" not in mailoutbox[0].body
    assert f"/sv/funding/my/{demo_app.pk}/messages/" in mailoutbox[0].body
    manager.logout()
    client.force_login(demo_app.user)
    assert "Tack, det räcker. Skicka in ansökan igen." in lead_page(client, demo_app)


def test_a_double_post_stores_one_message_and_sends_one_notice(lead, demo_app, mailoutbox,
                                                               django_capture_on_commit_callbacks):
    url = reverse("funding:messages", args=[demo_app.pk])
    data = {"body": "Hinner ni läsa bilagan före mötet?", "token": "same-form"}
    with django_capture_on_commit_callbacks(execute=True):
        first = lead.post(url, data)
        second = lead.post(url, data, follow=True)
    assert first.status_code == 302 and second.status_code == 200
    assert Message.objects.filter(application=demo_app, body=data["body"]).count() == 1
    assert len(mailoutbox) == 1
    assert "inte skickats två gånger" in second.content.decode() or "not sent twice" in second.content.decode()


def test_a_form_with_an_error_keeps_what_was_typed(lead, demo_app):
    url = reverse("funding:messages", args=[demo_app.pk])
    page = lead.post(url, {"body": "   ", "token": "t1"}).content.decode()
    assert "Skriv ditt meddelande." in page or "Write your message." in page
    typed = "Här kommer den reviderade budgeten."
    bad = SimpleUploadedFile("budget.pdf", POLYGLOT_PDF, content_type="application/pdf")
    response = lead.post(url, {"body": typed, "file": bad, "token": "t2"})
    page = response.content.decode()
    assert response.status_code == 200 and typed in page and "budget.pdf" in page
    word = SimpleUploadedFile("budget.docx", b"PK\x03\x04", content_type="application/msword")
    page = lead.post(url, {"body": typed, "file": word, "token": "t3"}).content.decode()
    assert "budget.docx" in page and typed in page
    assert not Message.objects.filter(application=demo_app, body=typed).exists()


def test_the_fund_managers_form_keeps_what_was_typed(client_as, demo_app):
    manager = client_as("Fund managers")
    typed = "Vi behöver ett intyg från förvaltningen."
    bad = SimpleUploadedFile("intyg.pdf", b"not a pdf at all", content_type="application/pdf")
    response = manager.post(reverse("funding_thread_admin", args=[demo_app.pk]),
                            {"body": typed, "file": bad, "token": "x"})
    page = response.content.decode()
    assert response.status_code == 200 and typed in page and "intyg.pdf" in page
    assert not Message.objects.filter(body=typed).exists()


def test_nothing_typed_becomes_markup(client, client_as, lead, demo_app):
    lead.post(reverse("funding:messages", args=[demo_app.pk]),
              {"body": '<script>alert("x")</script><b>fet</b>', "token": "m1"})
    page = lead_page(lead, demo_app)
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page and "<b>fet</b>" not in page
    lead.logout()
    page = client_as("Fund managers").get(reverse("funding_applications:inspect", args=[demo_app.pk])).content.decode()
    assert "<script>alert" not in page and "&lt;b&gt;fet&lt;/b&gt;" in page


def test_another_leads_thread_and_files_are_not_found(client, demo_app):
    message = Message.objects.filter(application=demo_app).exclude(file="").first()
    other = ApplicantFactory()
    client.force_login(other)
    urls = [reverse("funding:messages", args=[demo_app.pk]),
            reverse("funding:message_attachment", args=[demo_app.pk, message.pk])]
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert client.post(urls[0], {"body": "Hej", "token": "z"}).status_code == 404
    # their own application's number with someone else's message is not found either
    own = ApplicationFactory(user=other)
    workflow.transition(own, workflow.SUBMITTED, other, notify=False)
    assert client.get(reverse("funding:messages", args=[own.pk])).status_code == 200
    assert client.get(reverse("funding:message_attachment", args=[own.pk, message.pk])).status_code == 404
    assert not Message.objects.filter(author=other).exists()


def test_a_draft_has_no_thread_yet(client):
    draft = ApplicationFactory()
    client.force_login(draft.user)
    assert client.get(reverse("funding:messages", args=[draft.pk])).status_code == 404
    assert client.post(reverse("funding:messages", args=[draft.pk]), {"body": "Hej"}).status_code == 404
    page = client.get(draft.get_absolute_url()).content.decode()
    assert reverse("funding:messages", args=[draft.pk]) not in page
    workflow.transition(draft, workflow.SUBMITTED, draft.user, notify=False)
    page = client.get(draft.get_absolute_url()).content.decode()
    assert reverse("funding:messages", args=[draft.pk]) in page


@pytest.mark.parametrize("role", ["Editors", "Moderators", "Coordinators"])
def test_only_fund_managers_write_from_the_admin(client_as, role, demo_app):
    staff = client_as(role)
    response = staff.post(reverse("funding_thread_admin", args=[demo_app.pk]), {"body": "Hej", "token": "r"})
    assert response.status_code in (302, 403)
    assert not Message.objects.filter(body="Hej").exists()


def test_message_files_survive_the_daily_sweep_and_go_with_the_application(django_capture_on_commit_callbacks):
    import os
    import time

    from django.core.files.storage import storages

    from funding.retention import sweep_orphan_files
    from funding.threads import services

    storage = storages["private"]
    app = ApplicationFactory()
    workflow.transition(app, workflow.SUBMITTED, app.user, notify=False)
    message, _created = services.post(app, app.user, services.LEAD, "Bilaga", pdf_upload())
    old = time.time() - 3 * 86400
    os.utime(storage.path(message.file.name), (old, old))
    stray = storage.save("application-messages/stray.pdf", SimpleUploadedFile("s.pdf", real_pdf()))
    os.utime(storage.path(stray), (old, old))
    sweep_orphan_files()
    assert storage.exists(message.file.name) and not storage.exists(stray)
    with django_capture_on_commit_callbacks(execute=True):
        Application.objects.filter(pk=app.pk).delete()
    assert not storage.exists(message.file.name)
