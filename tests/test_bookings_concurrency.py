"""Two people can never get the same last place: many threads book the one free seat of a slot
at the same moment on PostgreSQL; exactly one gets it and the database holds one booking.

Runs outside the per-test transaction (each thread has its own connection and must see
committed rows), so it creates and removes its own rows instead of flushing the database."""
import threading
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection, connections
from django.utils import timezone

pytestmark = pytest.mark.postgres

THREADS = 12


@pytest.fixture
def committed_slot(django_db_setup, django_db_blocker):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (SQLite serialises all writers)")
    from forms.bookings.models import Schedule, Slot

    with django_db_blocker.unblock():
        schedule = Schedule.objects.create(kind=Schedule.Kind.PARENT_GROUP, place_name="Concurrency test",
                                           capacity=3, length_minutes=60)
        start = datetime.combine(timezone.localdate() + timedelta(days=3), time(17), tzinfo=ZoneInfo("Europe/Stockholm"))
        slot = Slot.objects.create(schedule=schedule, starts_at=start, ends_at=start + timedelta(hours=1), capacity=3)
        from forms.bookings import services

        services.book(slot.pk, first_name="Först", phone="0701000001")
        services.book(slot.pk, first_name="Andra", phone="0701000002")  # one seat left
        yield slot
        slot.bookings.all().delete()
        schedule.delete()


def test_many_concurrent_requests_for_the_last_place_give_one_booking(committed_slot, django_db_blocker):
    from forms.bookings import services
    from forms.bookings.models import Booking

    barrier = threading.Barrier(THREADS)
    outcomes = []

    def attempt(n):
        try:
            barrier.wait()
            services.book(committed_slot.pk, first_name=f"Person {n}", phone=f"07020000{n:02d}")
            outcomes.append("booked")
        except services.SlotTaken:
            outcomes.append("taken")
        except Exception as exc:  # pragma: no cover - shown in the assertion
            outcomes.append(repr(exc))
        finally:
            connections.close_all()

    with django_db_blocker.unblock():
        threads = [threading.Thread(target=attempt, args=(n,)) for n in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(outcomes) == ["booked"] + ["taken"] * (THREADS - 1), outcomes
        active = Booking.objects.active().filter(slot=committed_slot)
        assert active.count() == 3
        assert sorted(active.values_list("seat", flat=True)) == [1, 2, 3]
