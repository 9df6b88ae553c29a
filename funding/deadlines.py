"""Deadlines of applications and final reports: the last day a draft may be submitted (its round's
closing day, or a later day a fund manager gave this one application), the days left, the
reminder a week before, and the day a project's final report opens (when the project ends,
or earlier if a fund manager opens it)."""
import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from funding import workflow

REMIND_DAYS_BEFORE = 7


def last_day(application):
    """The last day `application` may be submitted, or None when the fund is open all year."""
    if application.deadline_extended_to:
        return application.deadline_extended_to
    if application.fund.open_all_year:
        return None
    return application.round.closes if application.round_id else None


def days_left(application, today=None):
    """Whole days left to submit a draft (0 on the last day), or None without a deadline."""
    if application.status != workflow.DRAFT:
        return None
    day = last_day(application)
    if day is None:
        return None
    return (day - (today or timezone.localdate())).days


def may_submit(application, today=None):
    """A draft may be submitted while its round is open (or until the day a fund manager gave it);
    an application sent back for more information may always be completed."""
    today = today or timezone.localdate()
    if application.status == workflow.MORE_INFO:
        return True
    if application.deadline_extended_to and today <= application.deadline_extended_to:
        return True
    fund = application.fund
    if fund.open_all_year:
        return True
    if application.round_id:
        return application.round.is_open(today)
    return fund.is_open(today)


def final_report_opens(application):
    """The day the final report can first be submitted: the day the project ends."""
    return application.project_end


def final_report_open(application, today=None):
    if application.final_report_opened_early or application.project_end is None:
        return True
    return (today or timezone.localdate()) >= application.project_end


def drafts_to_remind(today=None):
    """Drafts whose last day is within a week (today included) and that were not reminded of it."""
    from funding.models import Application, DeadlineReminder

    today = today or timezone.localdate()
    soon = today + datetime.timedelta(days=REMIND_DAYS_BEFORE)
    drafts = (Application.objects.filter(status=workflow.DRAFT)
              .select_related("user", "fund", "round"))
    candidates = drafts.filter(deadline_extended_to__range=(today, soon)) | drafts.filter(
        deadline_extended_to__isnull=True, round__closes__range=(today, soon))
    sent = set(DeadlineReminder.objects.filter(application__in=candidates).values_list("application_id", "closes"))
    return [app for app in candidates.distinct()
            if (day := last_day(app)) and (app.pk, day) not in sent and app.user.email]


def send_reminders(today=None):
    """E-mail each lead with a draft once per deadline (a unique row claims it: safe on several
    servers and when the job runs twice). The e-mail holds the reference, the day and a link."""
    from funding.models import DeadlineReminder

    count = 0
    for app in drafts_to_remind(today):
        day = last_day(app)
        try:
            with transaction.atomic():
                DeadlineReminder.objects.create(application=app, closes=day)
        except IntegrityError:
            continue
        with translation.override(app.language or settings.LANGUAGE_CODE):
            url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("funding:application_detail", args=[app.pk])
            context = {"reference": app.reference, "date": day.isoformat(), "url": url}
            subject = render_to_string("funding/email/deadline_subject.txt", context).strip()
            body = render_to_string("funding/email/deadline_body.txt", context)
        send_mail(subject, body, None, [app.user.email])
        count += 1
    return count
