"""After a load run: compare what locust saw with what the database holds. Prints PASS/FAIL per
check and exits 1 if any failed.

    DJANGO_SETTINGS_MODULE=portal.settings.load python bench/load/check.py bench/out/load
Checks: no 5xx and no failed connection; every reference number a resident was shown is a stored
submission; every confirmed booking is in the database; no slot holds more active bookings than
seats, and no seat is held twice."""
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.load")
import django  # noqa: E402

django.setup()

from django.db.models import Count, F, Q  # noqa: E402

from forms.bookings.models import Booking, Slot  # noqa: E402
from forms.models import Submission  # noqa: E402


def main(out):
    out = Path(out)
    status = json.loads((out / "status.json").read_text())
    references = json.loads((out / "references.json").read_text())
    bookings = json.loads((out / "bookings.json").read_text())
    checks = []

    checks.append(("no 5xx responses", status["status_5xx"] == 0, f"{status['status_5xx']} responses with 5xx"))
    checks.append(("no failed connections", status["failed"] == 0, f"{status['failed']} requests failed"))

    stored = set(Submission.objects.filter(reference__in=references).values_list("reference", flat=True))
    missing = sorted(set(references) - stored)
    checks.append(("every accepted submission is in the database", bool(references) and not missing,
                   f"{len(references)} reference numbers received, {len(stored)} found, {len(missing)} missing"
                   + (f" e.g. {missing[:5]}" if missing else "")))
    checks.append(("no reference number given twice", len(set(references)) == len(references),
                   f"{len(references) - len(set(references))} duplicates"))

    overbooked = (Slot.objects.annotate(active=Count("bookings", filter=Q(bookings__cancelled_at__isnull=True)))
                  .filter(active__gt=F("capacity")))
    double_seat = (Booking.objects.filter(cancelled_at__isnull=True).values("slot", "seat")
                   .annotate(n=Count("pk")).filter(n__gt=1))
    checks.append(("no slot double-booked", not overbooked.exists() and not double_seat.exists(),
                   f"{len(bookings)} bookings confirmed, {overbooked.count()} slots over capacity, "
                   f"{double_seat.count()} seats held twice, {status.get('slot_taken', 0)} 'just booked' answers"))
    from django.core import signing

    from forms.bookings.services import TOKEN_SALT

    ids = [signing.loads(url.rstrip("/").split("/")[-1], salt=TOKEN_SALT) for url in bookings]
    found = Booking.objects.filter(public_id__in=ids, cancelled_at__isnull=True).count()
    checks.append(("every confirmed booking is in the database", found == len(set(ids)) == len(ids),
                   f"{len(ids)} confirmations, {found} active bookings found"))

    failed = False
    for name, ok, detail in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}")
        failed |= not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "bench/out/load"))
