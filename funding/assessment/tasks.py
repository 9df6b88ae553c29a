"""Background jobs of the assessment (django-tasks)."""
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task


@task()
def notify_assigned(assessment_id):
    """Tell a reviewer that an application waits for their assessment: the reference and a link
    only (no title, no organisation, no names), in the reviewer's admin language."""
    from wagtail.users.models import UserProfile

    from funding.assessment.models import Assessment

    assessment = Assessment.objects.select_related("application", "reviewer").filter(pk=assessment_id).first()
    if assessment is None or not assessment.reviewer.email:
        return
    language = UserProfile.get_for_user(assessment.reviewer).get_preferred_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("funding_assessment", args=[assessment.pk])
        context = {"reference": assessment.application.reference, "url": url}
        subject = render_to_string("funding/assessment/email/assigned_subject.txt", context).strip()
        body = render_to_string("funding/assessment/email/assigned_body.txt", context)
    send_mail(subject, body, None, [assessment.reviewer.email])
