"""Template tags for the service catalogue: the home page's most asked-for services, place
links, weekday names, and schema.org JSON-LD for a service page."""
import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from home.models import WEEKDAYS

register = template.Library()
WEEKDAY_NAMES = dict(WEEKDAYS)


@register.simple_tag
def most_asked_services(limit=3):
    from home.models import ServicePage

    from home.templatetags.lotsa_tags import _lang, active_locale
    from portal.page_cache import fragment

    return fragment(f"most-asked:{_lang()}:{limit}", lambda: list(
        ServicePage.objects.live().public().filter(locale=active_locale(), home_order__isnull=False)
        .defer_streamfields().order_by("home_order")[:limit]))


@register.simple_tag(takes_context=True)
def services_index_url(context):
    """URL of the services index in the active language ('' if there is none); cached per request."""
    from home.models import ServiceIndexPage

    request = context.get("request")
    cache = getattr(request, "_lotsa_services_index_url", None) if request else None
    if cache is not None:
        return cache
    from home.templatetags.lotsa_tags import _lang, _site_key, active_locale
    from portal.page_cache import fragment

    def build():
        index = ServiceIndexPage.objects.live().filter(locale=active_locale()).first()
        return index.get_url(request) if index else ""

    url = fragment(f"services-index-url:{_site_key(request)}:{_lang()}", build)
    if request is not None:
        request._lotsa_services_index_url = url
    return url


@register.filter
def weekday_name(number):
    return WEEKDAY_NAMES.get(number, "")


def _place_ld(place, week):
    from home.opening_hours import OPEN

    day_names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    data = {
        "@type": "Place", "name": place.name,
        "address": {"@type": "PostalAddress", "streetAddress": place.street_address, "postalCode": place.postal_code,
                    "addressLocality": place.city, "addressCountry": "SE"},
    }
    if place.latitude is not None and place.longitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": float(place.latitude), "longitude": float(place.longitude)}
    specs = [{"@type": "OpeningHoursSpecification", "dayOfWeek": f"https://schema.org/{day_names[h.weekday]}",
              "opens": h.opens.strftime("%H:%M"), "closes": h.closes.strftime("%H:%M")}
             for h in place.hours.all() if h.kind == OPEN]
    if specs:
        data["openingHoursSpecification"] = specs
    return data


@register.simple_tag(takes_context=True)
def service_jsonld(context, page, places):
    """<script type="application/ld+json"> with a schema.org GovernmentService. A data block,
    not a script: the strict CSP does not apply to it and no JavaScript runs."""
    request = context.get("request")
    settings_ctx = context.get("settings")
    organisation = ""
    try:
        organisation = settings_ctx["home"]["ContactSettings"].organisation
    except Exception:  # noqa: BLE001 - settings are optional here
        organisation = ""
    url = request.build_absolute_uri(page.get_url(request)) if request is not None else page.get_full_url()
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "inLanguage": page.locale.language_code,
        "serviceType": str(page.get_level_display()),
        "isAccessibleForFree": not page.cost,
        "availableLanguage": page.languages,
        "audience": [{"@type": "Audience", "audienceType": str(label)}
                     for label in page.labels("age_groups") + page.labels("audiences")],
        "provider": {"@type": "GovernmentOrganization" if page.provider in ("social_services", "city", "region")
                     else "Organization", "name": page.provider_name or organisation or str(page.get_provider_display())},
        "dateModified": page.last_reviewed.isoformat(),
    }
    channel = {"@type": "ServiceChannel"}
    if page.phone or page.email:
        point = {"@type": "ContactPoint"}
        if page.phone:
            point["telephone"] = page.phone
        if page.email:
            point["email"] = page.email
        channel["servicePhone"] = point
    if places:
        channel["serviceLocation"] = [_place_ld(place, None) for place, _status in places]
    if len(channel) > 1:
        data["availableChannel"] = channel
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.filter
def join_list(items):
    """Join labels with the language's own list separator (Arabic uses '،')."""
    from portal.punctuation import join_list as join

    return join(items)


@register.inclusion_tag("home/includes/advice_help.html", takes_context=True)
def advice_help(context, page):
    """'Write to us' and 'Book a time' with Advice & Support on every service whose topics the
    coordinators help with (the Advice & Support service's own topics), and on that service
    itself. The contact form starts with the shared topic chosen (forms.prefill)."""
    from urllib.parse import urlencode

    from django.urls import reverse

    from home.models import FindSupportPage
    from home.templatetags.lotsa_tags import _lang, _site_key, active_locale
    from portal.page_cache import fragment

    request = context.get("request")

    def build():
        find = (FindSupportPage.objects.live().filter(locale=active_locale()).first()
                or FindSupportPage.objects.live().first())
        advice = find.localized_advice() if find else None
        if advice is None:
            return None
        own = advice.translation_key == page.translation_key
        advice_topics = {row.topic.slug for row in advice.service_topics.select_related("topic")}
        shared = [row.topic.slug for row in page.service_topics.select_related("topic")
                  if row.topic.slug in advice_topics]
        if not own and not shared:
            return None
        contact = find.contact_page()
        contact_url = ""
        if contact is not None:
            contact_url = contact.get_url(request) + (f"?{urlencode({'topic': shared[0]})}" if shared and not own else "")
        return {"own": own, "advice_title": advice.title, "advice_url": advice.get_url(request),
                "contact_url": contact_url,
                "booking_url": reverse("bookings:start") + "?" + urlencode({"service": advice.pk})}

    return {"help": fragment(f"advice-help:{_site_key(request)}:{_lang()}:{page.pk}", build)}
