"""RSS and Atom feeds of the newest reports in one language's knowledge bank."""
import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from reports.search import reports_in

FEED_SIZE = 30


class ReportsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.index_page.title} – Lotsa"

    def link(self):
        return self.index_page.get_url(self.request)

    def description(self):
        return self.index_page.intro

    def items(self):
        return reports_in(self.index_page).order_by("-publication_date", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_author_name(self, item):
        return "; ".join(item.author_list) or item.organisation

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.publication_date, datetime.time(12)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_guid(self, item):
        return self.request.build_absolute_uri(item.get_url(self.request))

    item_guid_is_permalink = True


class ReportsAtomFeed(ReportsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.index_page.intro
