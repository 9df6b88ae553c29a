"""Background jobs of the funding app (django-tasks)."""
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task


@task()
def notify_status_change(application_id, status):
    """Tell the applicant that the status changed. The e-mail holds no answers and no names: only
    the reference, the new status and a link to log in and read it."""
    from funding.models import Application

    application = Application.objects.select_related("user").filter(pk=application_id).first()
    if application is None or not application.user.email:
        return
    with translation.override(application.language):
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("funding:application_detail",
                                                                    args=[application.pk])
        context = {"reference": application.reference, "status": application.status_label, "url": url}
        subject = render_to_string("funding/email/status_subject.txt", context).strip()
        body = render_to_string("funding/email/status_body.txt", context)
    send_mail(subject, body, None, [application.user.email])


@task()
def send_deadline_reminders():
    """Daily: remind project leads with a draft a week before its round closes (each once)."""
    from funding.deadlines import send_reminders

    return send_reminders()
