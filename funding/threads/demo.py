"""Demo: the fund managers ask the demo lead a question about the submitted LUM application and the
lead answers with an attachment, so both sides show a thread (the fund manager's with one new
message). Idempotent."""
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from funding.threads import services
from funding.threads.models import Message

QUESTION = ("Hej! Vi läser er ansökan. Kan ni beskriva hur ni når familjer som inte själva söker stöd, "
            "och skicka en tidsplan för första året?")
ANSWER = ("Vi når dem genom skolornas elevhälsa och öppna förskolan, där lotsen finns på plats varje vecka. "
          "Tidsplanen för första året bifogas.")


def load(fund, application):
    from funding.demo import demo_pdf

    manager = get_user_model().objects.filter(username="fondforvaltare").first()
    if application is None or manager is None or Message.objects.filter(application=application).exists():
        return
    # Demo content: no e-mails are sent (the notices go on commit; none is enqueued here).
    Message.objects.create(application=application, author=manager, role=services.FUND_MANAGER, body=QUESTION)
    content = demo_pdf(["Tidsplan år 1", "Jan–mars: rekrytering av lots.", "April–juni: första familjerna."])
    answer = Message(application=application, author=application.user, role=services.LEAD, body=ANSWER,
                     file_name="Tidsplan-ar-1.pdf", file_size=len(content))
    answer.file.save("Tidsplan-ar-1.pdf", ContentFile(content), save=False)
    answer.save()
    services.mark_read(application, application.user)
