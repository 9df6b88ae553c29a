from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    name = "forms.bookings"
    label = "bookings"
    verbose_name = _("Bookings")

    def ready(self):
        from forms.bookings.sitemaps import BookingSitemap
        from portal.sitemaps import SECTIONS

        SECTIONS["bookings"] = BookingSitemap
