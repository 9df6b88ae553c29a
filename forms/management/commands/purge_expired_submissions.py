"""`manage.py purge_expired_submissions`: delete submissions past their retention period and
expired sessions (with the answers of forms never sent), and re-send notices, receipts and
confirmation links that failed. Schedule it daily (cron or a systemd timer) on any one or all
servers: it is idempotent and deletes inside one transaction."""
from django.core.management.base import BaseCommand

from forms import services, tasks
from funding import retention


class Command(BaseCommand):
    help = "Delete form submissions whose retention period has passed; retry failed notifications."

    def handle(self, *args, **options):
        deleted = services.purge_expired()
        retried = 0
        for pk in services.pending_notifications().values_list("pk", flat=True):
            tasks.send_notifications.enqueue(pk)
            retried += 1
        for pk in services.pending_confirmation_links().values_list("pk", flat=True):
            tasks.send_confirmation_link.enqueue(pk)
            retried += 1
        if options["verbosity"]:
            self.stdout.write(f"Deleted {deleted} expired submissions; retried {retried} e-mails.")
        sessions = services.clear_expired_sessions()  # unsent answers live in expired sessions
        if options["verbosity"]:
            self.stdout.write(f"Deleted {sessions} expired sessions (answers of forms never sent).")
        funding = retention.run()  # funding: old refused applications, abandoned drafts, orphaned files
        if options["verbosity"]:
            self.stdout.write(f"Deleted {funding['applications']} funding applications past their retention "
                              f"period and {funding['orphan_files']} orphaned private files.")
