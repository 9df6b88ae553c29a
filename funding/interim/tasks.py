"""Background jobs of the interim reports (django-tasks)."""
from django_tasks import task


@task()
def send_interim_reminders():
    """Daily: remind project leads 14 days before an interim report is due and the day after it is
    overdue (each once, claimed by a unique row as the final report's reminders)."""
    from funding.interim.reminders import send_reminders

    return send_reminders()


@task()
def notify_decision(report_id):
    """Tell the lead the fund managers reviewed an interim report: a link only, no content."""
    from funding.interim.reminders import notify_decision as notify

    notify(report_id)
