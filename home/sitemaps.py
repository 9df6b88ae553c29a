"""sitemap.xml section for the catalogue's URLs that are not pages of their own: each place's
page, each easy-to-read version and the three-question guide, in every language."""
from django.contrib.sitemaps import Sitemap


class ServiceExtrasSitemap(Sitemap):
    def __init__(self, request):
        self.request = request

    def items(self):
        from home.models import FindSupportPage, Place, ServiceIndexPage, ServicePage

        urls = []
        indexes = {page.locale_id: page for page in ServiceIndexPage.objects.live().public()}
        for place in Place.objects.filter(locale_id__in=indexes).order_by("locale_id", "name"):
            urls.append(indexes[place.locale_id].get_url(self.request) + "places/" + place.slug + "/")
        for service in ServicePage.objects.live().public().exclude(easy_read="").defer_streamfields().order_by("path"):
            urls.append(service.get_url(self.request) + "easy-read/")
        for find in FindSupportPage.objects.live().public():
            urls.append(find.get_url(self.request) + "guide/")
        return urls

    def location(self, url):
        return url
