"""The service catalogue of one language as Open Referral HSDS 3.0 JSON, in the tabular
layout (one array per HSDS object, linked by ids: organization, service, location,
service_at_location, address, phone, schedule, language, taxonomy, taxonomy_term, attribute).

Ids are stable UUIDs: a service or a place keeps its wagtail-localize translation key, so the
Swedish and the Arabic export describe the same service with the same id. Opening hours become
weekly schedules (RFC 5545 style: freq WEEKLY, byday), exceptions become one-day schedules."""
import uuid

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from home.models import (ACCESS, AGE_GROUPS, LEVELS, PROVIDERS, SERVICE_LANGUAGES, Place, ServiceIndexPage,
                         ServicePage, Topic)
from home.opening_hours import DROP_IN

HSDS_VERSION = "3.0"
NAMESPACE = uuid.UUID("6f1d3d53-8f0a-4a1e-9d5c-4c0d1f1b2a10")
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
AGE_RANGES = {"0-12": (0, 12), "13-18": (13, 18), "19-65": (19, 65), "66+": (66, None)}

# The fields each HSDS 3.0 object requires (from the specification's JSON schemas); the test
# suite checks every record against this list.
REQUIRED = {
    "organization": ["id", "name", "description"],
    "service": ["id", "name", "status"],
    "location": ["id", "location_type"],
    "service_at_location": ["id"],
    "address": ["id", "address_1", "city", "state_province", "postal_code", "country", "address_type"],
    "phone": ["id", "number"],
    "schedule": ["id"],
    "language": ["id"],
    "taxonomy": ["id", "name", "description"],
    "taxonomy_term": ["id", "name", "description"],
    "attribute": ["id", "taxonomy_term_id"],
}


def uid(*parts):
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


def _absolute(request, url):
    return request.build_absolute_uri(url) if request is not None and url else url


def _schedule_from_hours(hours, **links):
    return {
        "id": uid("schedule", hours.place.translation_key, hours.pk), "freq": "WEEKLY", "interval": 1,
        "byday": BYDAY[hours.weekday], "opens_at": hours.opens.strftime("%H:%M"), "closes_at": hours.closes.strftime("%H:%M"),
        "description": "drop-in" if hours.kind == DROP_IN else "open", "attending_type": "in person",
        "notes": "Europe/Stockholm", **links,
    }


def build(locale, request=None):
    language = locale.language_code
    with translation.override(language):
        return _build(locale, language, request)


def _build(locale, language, request):
    labels = {key: str(label) for key, label in ACCESS + AGE_GROUPS + LEVELS + PROVIDERS + SERVICE_LANGUAGES}
    region = getattr(settings, "LOTSA_HSDS_STATE_PROVINCE", "Skåne län")
    default_org = getattr(settings, "LOTSA_ORGANISATION", "") or "Socialförvaltningen"
    index = ServiceIndexPage.objects.live().filter(locale=locale).first()
    place_base = (index.get_url(request) + "places/") if index else ""

    services = list(
        ServicePage.objects.live().public().filter(locale=locale).defer_streamfields().order_by("title")
        .prefetch_related("service_places__place", "service_topics__topic")
    )
    places = list(Place.objects.filter(locale=locale).prefetch_related("hours", "exceptions").select_related("area"))
    topics = list(Topic.objects.filter(locale=locale))

    doc = {key: [] for key in REQUIRED}
    organizations = {}

    def organization_for(service):
        name = service.provider_name or (default_org if service.provider == "social_services" else labels[service.provider])
        key = uid("organization", service.provider, service.provider_name or "")
        if key not in organizations:
            organizations[key] = {"id": key, "name": name, "description": labels[service.provider]}
            doc["organization"].append(organizations[key])
        return key

    taxonomies = {
        "topic": {"id": uid("taxonomy", "topic"), "name": "Lotsa topics",
                  "description": "What a service is about (the problem areas Advice & Support records)."},
        "level": {"id": uid("taxonomy", "level"), "name": "Lotsa levels",
                  "description": "Promotive, preventive or early support (services without a needs assessment)."},
        "audience": {"id": uid("taxonomy", "audience"), "name": "Lotsa age groups",
                     "description": "Who a service is for: age groups."},
    }
    doc["taxonomy"] = list(taxonomies.values())
    terms = {}
    for topic in topics:
        terms[("topic", topic.slug)] = {"id": uid("term", "topic", topic.slug), "code": topic.slug, "name": topic.name,
                                        "description": topic.name, "taxonomy_id": taxonomies["topic"]["id"],
                                        "language": language}
    for kind, choices in (("level", LEVELS), ("audience", AGE_GROUPS)):
        for key, label in choices:
            terms[(kind, key)] = {"id": uid("term", kind, key), "code": key, "name": str(label), "description": str(label),
                                  "taxonomy_id": taxonomies[kind]["id"], "language": language}
    doc["taxonomy_term"] = list(terms.values())

    for place in places:
        location_id = str(place.translation_key)
        location = {
            "id": location_id, "location_type": "physical", "name": place.name,
            "description": place.directions, "transportation": place.directions,
            "latitude": float(place.latitude) if place.latitude is not None else None,
            "longitude": float(place.longitude) if place.longitude is not None else None,
            "url": _absolute(request, place_base + place.slug + "/") if place_base else None,
            "accessibility": [{"id": uid("accessibility", location_id), "location_id": location_id,
                               "description": place.accessibility}] if place.accessibility else [],
        }
        doc["location"].append(location)
        if place.street_address and place.city and place.postal_code:
            doc["address"].append({
                "id": uid("address", location_id), "location_id": location_id, "address_1": place.street_address,
                "city": place.city, "region": place.area.name if place.area else "", "state_province": region,
                "postal_code": place.postal_code, "country": "SE", "address_type": "physical",
            })
        if place.phone:
            doc["phone"].append({"id": uid("phone", "location", location_id), "location_id": location_id,
                                 "number": place.phone, "type": "voice"})
        for hours in place.hours.all():
            hours.place = place
            doc["schedule"].append(_schedule_from_hours(hours, location_id=location_id))
        for exception in place.exceptions.all():
            item = {"id": uid("exception", location_id, exception.date), "location_id": location_id,
                    "valid_from": exception.date.isoformat(), "valid_to": exception.date.isoformat(),
                    "description": exception.note, "notes": "closed" if exception.closed else "special opening hours"}
            if not exception.closed and exception.opens and exception.closes:
                item.update(opens_at=exception.opens.strftime("%H:%M"), closes_at=exception.closes.strftime("%H:%M"))
            doc["schedule"].append(item)

    for service in services:
        service_id = str(service.translation_key)
        ages = [AGE_RANGES[a] for a in service.age_groups if a in AGE_RANGES]
        record = {
            "id": service_id, "organization_id": organization_for(service), "name": service.title,
            "description": service.summary, "url": _absolute(request, service.get_url(request)),
            "email": service.email or None, "status": "active",
            "application_process": ", ".join(labels[a] for a in service.access if a in labels),
            "fees_description": service.cost or gettext("Free of charge"),
            "eligibility_description": ", ".join(str(x) for x in service.labels_age_groups + service.labels_audiences),
            "minimum_age": min(a[0] for a in ages) if ages else None,
            "maximum_age": None if not ages or any(a[1] is None for a in ages) else max(a[1] for a in ages),
            "assured_date": service.last_reviewed.isoformat(),
            "last_modified": (service.last_published_at or timezone.now()).isoformat(),
        }
        doc["service"].append(record)
        if service.phone:
            doc["phone"].append({"id": uid("phone", "service", service_id), "service_id": service_id,
                                 "number": service.phone, "type": "voice"})
        for code in service.languages:
            doc["language"].append({"id": uid("language", service_id, code), "service_id": service_id,
                                    "name": labels.get(code, code), "code": code})
        for row in service.service_places.all():
            doc["service_at_location"].append({"id": uid("sal", service_id, row.place.translation_key),
                                               "service_id": service_id, "location_id": str(row.place.translation_key)})
        term_keys = [("topic", row.topic.slug) for row in service.service_topics.all()]
        term_keys += [("level", service.level)] + [("audience", a) for a in service.age_groups]
        for key in term_keys:
            if key in terms:
                doc["attribute"].append({"id": uid("attribute", service_id, *key), "link_id": service_id,
                                         "link_type": "service", "link_entity": "service",
                                         "taxonomy_term_id": terms[key]["id"]})
    return {"hsds_version": HSDS_VERSION, "catalogue_language": language, "generated_at": timezone.now().isoformat(), **doc}
