"""Retention of funding applications and their private files, run by the daily job
(`manage.py purge_expired_submissions` and the task `forms.tasks.purge_expired_submissions`).

Conservative on purpose - only what nobody needs any more is deleted:

- refused applications, `FundProgrammePage.archive_years` (default 10) years after the decision;
- drafts (and applications never signed by the department head) nobody has touched for
  `LOTSA_FUNDING_DRAFT_RETENTION_DAYS` (default 730: two years);
- files in the private storage that no attachment row points at (left by a crash between saving
  the file and its row, or a failed delete), once they are a day old.

Approved applications (projects, with their final reports) and applications still being handled
are never deleted here: they are archived under the city's archive rules. Deleting an application
deletes its attachments' files (post_delete signal, after commit). Idempotent; safe on several
servers at once.
"""
import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger("lotsa")

DEFAULT_DRAFT_RETENTION_DAYS = 730
ORPHAN_MIN_AGE = datetime.timedelta(days=1)
PRIVATE_FOLDERS = ("applications", "final-reports", "application-messages")


def years_before(moment, years):
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


def expired_applications(now=None):
    from funding import workflow
    from funding.models import Application, FundProgrammePage

    now = now or timezone.now()
    days = getattr(settings, "LOTSA_FUNDING_DRAFT_RETENTION_DAYS", DEFAULT_DRAFT_RETENTION_DAYS)
    # a draft, or one never signed by the department head (funding/signatures), is abandoned alike
    ids = set(Application.objects.filter(status__in=[workflow.DRAFT, workflow.SIGNATURE],
                                         updated_at__lt=now - datetime.timedelta(days=days))
              .values_list("pk", flat=True))
    for fund in FundProgrammePage.objects.filter(applications__status=workflow.REJECTED).distinct():
        cutoff = years_before(now, fund.archive_years)
        ids |= set(Application.objects.filter(fund=fund, status=workflow.REJECTED, decided_at__lt=cutoff)
                   .values_list("pk", flat=True))
    return Application.objects.filter(pk__in=ids)


def purge_expired_applications(now=None):
    """Delete refused applications past their fund's archive rule and abandoned drafts, with
    their attachments. Returns how many applications were deleted."""
    with transaction.atomic():
        expired = expired_applications(now)
        count = expired.count()
        if count:
            expired.delete()
    if count:
        logger.info("Deleted %s funding applications past their retention period", count)
    return count


def _walk(storage, folder):
    try:
        dirs, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in dirs:
        yield from _walk(storage, f"{folder}/{sub}")


def sweep_orphan_files(now=None):
    """Delete files in the private storage that no attachment row points at and that are older
    than a day (a file just saved may not have its row yet). Returns how many were deleted."""
    from funding.models import Attachment
    from funding.threads.models import Message
    from portal.private_files import private_storage
    from reports.models import FinalReportAttachment

    storage = private_storage()
    now = now or timezone.now()
    known = set(Attachment.objects.values_list("file", flat=True))
    known |= set(FinalReportAttachment.objects.values_list("file", flat=True))
    known |= set(Message.objects.exclude(file="").values_list("file", flat=True))
    deleted = 0
    for folder in PRIVATE_FOLDERS:
        for name in list(_walk(storage, folder)):
            if name in known:
                continue
            try:
                modified = storage.get_modified_time(name)
            except (FileNotFoundError, NotImplementedError):
                continue
            if now - modified < ORPHAN_MIN_AGE:
                continue
            storage.delete(name)
            deleted += 1
    if deleted:
        logger.info("Deleted %s private files that no attachment points at", deleted)
    return deleted


def run():
    """The daily job's funding part: {"applications": n, "orphan_files": n}."""
    return {"applications": purge_expired_applications(), "orphan_files": sweep_orphan_files()}
