"""Background tasks of the reports app (django-tasks)."""
from django_tasks import task


@task()
def send_final_report_reminders():
    """Daily: remind project leads 30 and 7 days before the final report is due and the day after
    it is overdue. Each reminder is claimed by a unique row, so it is sent once even when the
    job runs on several servers or twice in a day."""
    from reports.final_reports import send_reminders

    return send_reminders()
