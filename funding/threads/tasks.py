"""Notices of new messages (django-tasks). They hold the application's reference and a link, never
the message, a name or a file: whoever reads them logs in to read the thread."""
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def fund_managers():
    """The people who answer the leads: active members of the Fund managers group with an address."""
    from home.roles import FUND_MANAGERS

    return (get_user_model().objects.filter(groups__name=FUND_MANAGERS, is_active=True)
            .exclude(email="").order_by("pk").distinct())


@task()
def notify_new_message(message_id):
    from funding.threads.models import Message

    message = Message.objects.select_related("application", "application__user").filter(pk=message_id).first()
    if message is None:
        return 0
    app = message.application
    if message.from_lead:
        recipients = [u.email for u in fund_managers() if u.pk != message.author_id]
        language = settings.LANGUAGE_CODE
        with translation.override(language):
            url = _absolute(reverse("funding_applications:inspect", args=[app.pk])) + "#messages"
    else:
        recipients = [app.user.email] if app.user.email else []
        language = app.language
        with translation.override(language):
            url = _absolute(reverse("funding:messages", args=[app.pk]))
    if not recipients:
        return 0
    with translation.override(language):
        context = {"reference": app.reference, "url": url, "to_lead": not message.from_lead}
        subject = render_to_string("funding/threads/email/new_message_subject.txt", context).strip()
        body = render_to_string("funding/threads/email/new_message_body.txt", context)
    # One e-mail per person: nobody sees who else was told.
    for address in recipients:
        send_mail(subject, body, None, [address])
    return len(recipients)
