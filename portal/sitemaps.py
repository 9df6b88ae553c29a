"""sitemap.xml: every live public page in every language. Other apps add sections to SECTIONS
(e.g. reports that are not pages). URLs are absolute on the host that asked."""
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from wagtail.models import Page, Site

from home.sitemaps import ServiceExtrasSitemap


class AllLanguagesPageSitemap(Sitemap):
    def __init__(self, request):
        self.request = request

    def items(self):
        site = Site.find_for_request(self.request)
        if site is None:
            return Page.objects.none()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        pages = Page.objects.none()
        for root in roots:
            pages = pages | Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

    def location(self, page):
        return page.get_url(self.request)

    def lastmod(self, page):
        return page.last_published_at


SECTIONS = {"pages": AllLanguagesPageSitemap}
SECTIONS["service-extras"] = ServiceExtrasSitemap  # places, easy-to-read versions, the guide


def sitemap(request):
    return sitemap_views.sitemap(request, sitemaps={name: cls(request) for name, cls in SECTIONS.items()})
