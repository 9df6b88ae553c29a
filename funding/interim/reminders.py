"""E-mails about interim reports: the reminders before the due date and the fund manager's
decision. They hold the reference, the period, the date and a link, nothing the lead wrote."""
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from funding import workflow
from funding.interim import services
from funding.interim.models import InterimReport, Status
from reports.final_reports import claim_reminder, due_reminder

REMINDERS = [("interim_14_days", -14), ("interim_overdue", 1)]  # (kind, days relative to the due date)


def _url(report):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "funding:interim:detail", kwargs={"pk": report.application_id, "report": report.pk})


def reminders_due(today=None):
    """(report, kind) pairs to send today: drafts of approved projects of funds with a schedule."""
    from funding.models import Application
    from reports.models import FinalReportReminder

    today = today or timezone.localdate()
    apps = (Application.objects.filter(status=workflow.APPROVED).exclude(fund__interim_schedule="none")
            .select_related("fund", "user"))
    for app in apps:
        services.sync(app)
    reports = list(InterimReport.objects.filter(application__in=apps, status=Status.DRAFT)
                   .select_related("application", "application__user"))
    sent = set(FinalReportReminder.objects.filter(application__in=apps, kind__startswith="interim_")
               .values_list("application_id", "kind", "due"))
    pending = []
    for report in reports:
        kind = due_reminder(report.due, today, {k for a, k, d in sent if a == report.application_id
                                                and d == report.due}, REMINDERS)
        if kind:
            pending.append((report, kind))
    return pending


def send_reminders(today=None):
    count = 0
    for report, kind in reminders_due(today):
        app = report.application
        if not app.user.email or not claim_reminder(app, kind, report.due):
            continue
        with translation.override(app.language or settings.LANGUAGE_CODE):
            context = {"reference": app.reference, "period": report.period, "date": report.due.isoformat(),
                       "url": _url(report)}
            subject = render_to_string("funding/interim/email/reminder_subject.txt", context).strip()
            body = render_to_string("funding/interim/email/reminder_body.txt", context)
        send_mail(subject, body, None, [app.user.email])
        count += 1
    return count


def notify_decision(report_id):
    report = InterimReport.objects.select_related("application", "application__user").filter(pk=report_id).first()
    if report is None or not report.application.user.email:
        return
    app = report.application
    with translation.override(app.language or settings.LANGUAGE_CODE):
        context = {"reference": app.reference, "period": report.period, "status": report.get_status_display(),
                   "url": _url(report)}
        subject = render_to_string("funding/interim/email/decision_subject.txt", context).strip()
        body = render_to_string("funding/interim/email/decision_body.txt", context)
    send_mail(subject, body, None, [app.user.email])
