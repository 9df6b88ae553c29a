"""/boka/ in every language, added to sitemap.xml (and so to the site-wide axe test)."""
from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import translation


class BookingSitemap(Sitemap):
    def __init__(self, request=None):
        self.request = request

    def items(self):
        urls = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                urls.append(reverse("bookings:start"))
        return urls

    def location(self, url):
        return url
