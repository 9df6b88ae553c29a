"""Residents pick a free time where they already are: on a service page whose "how to get it"
includes booking, on the contact form and the school meeting request, and on the confirmation."""
import re

import pytest
from django.urls import reverse

from forms.bookings.models import Schedule
from forms.models import FormPage
from home.models import ServicePage

pytestmark = pytest.mark.django_db


def book_links(html):
    return re.findall(r'href="(/\w\w/boka/\d+/)"', html)


@pytest.mark.parametrize("url", ["/sv/insatser/rad-och-stod/", "/ar/services-ar/advice-and-support-ar/"])
def test_service_that_can_be_booked_offers_times_at_its_places(client, url):
    service = ServicePage.objects.get(url_path__endswith=url.split("/")[-2] + "/")
    assert "book" in service.access
    html = client.get(url).content.decode()
    links = book_links(html)
    assert links, "the advice service offers bookable times"
    keys = {row.place.translation_key for row in service.service_places.select_related("place")}
    for link in links:
        schedule = Schedule.objects.get(pk=int(link.rstrip("/").split("/")[-1]))
        assert schedule.is_digital or schedule.place.translation_key in keys
    assert f"?service={service.pk}" in html


def test_service_without_booking_offers_no_times(client):
    service = ServicePage.objects.live().filter(locale__language_code="sv").exclude(access__icontains="book").first()
    assert service is not None
    assert not book_links(client.get(service.url).content.decode())


def test_start_page_for_one_service_lists_only_its_times(client):
    service = ServicePage.objects.get(locale__language_code="sv", slug="rad-och-stod")
    every = book_links(client.get(reverse("bookings:start")).content.decode())
    filtered = client.get(reverse("bookings:start") + f"?service={service.pk}").content.decode()
    assert "Råd- och stöd" in filtered or service.title in filtered
    assert set(book_links(filtered)) <= set(every)
    assert client.get(reverse("bookings:start") + "?service=abc").status_code == 200  # ignored, all times


@pytest.mark.parametrize("lang,slug,heading", [("sv", "kontakta-rad-och-stod", "Boka en tid"),
                                               ("ar", "contact-advice-and-support-ar", "احجز موعدًا")])
def test_contact_form_first_step_offers_times(client, lang, slug, heading):
    page = FormPage.objects.get(locale__language_code=lang, slug=slug)
    assert page.offer_booking
    html = client.get(page.url).content.decode()
    assert heading in html and book_links(html)


def test_form_without_the_setting_offers_no_times(client):
    page = FormPage.objects.filter(offer_booking=False, live=True).first()
    assert page is not None
    assert not book_links(client.get(page.url).content.decode())
