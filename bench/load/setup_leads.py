"""Create the project-lead accounts the load test logs in with (idempotent), and delete the
bookings earlier load runs made, so that every run competes for the same free seats.

    DJANGO_SETTINGS_MODULE=portal.settings.load python bench/load/setup_leads.py 10
Accounts: load-lead-<n>@example.org, password LOAD_LEAD_PASSWORD (see locustfile.py)."""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.load")
import django  # noqa: E402

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402

PASSWORD = os.environ.get("LOAD_LEAD_PASSWORD", "load-lead-password-2026")


def main(count):
    User = get_user_model()
    for n in range(count):
        email = f"load-lead-{n}@example.org"
        user = User.objects.filter(username=f"load-lead-{n}").first()
        if user is None:
            user = User.objects.create_user(f"load-lead-{n}", email, PASSWORD)
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    from forms.bookings.models import Booking

    freed, _ = Booking.objects.filter(first_name="Last", phone="070-765 43 21").delete()
    print(f"{count} project-lead accounts ready; {freed} bookings of earlier load runs removed")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
