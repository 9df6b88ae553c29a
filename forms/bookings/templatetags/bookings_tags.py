from django import template

register = template.Library()


@register.filter
def with_description(field):
    """Render a bound field's widget linked to its hint and error messages."""
    ids = []
    if field.help_text:
        ids.append(f"{field.id_for_label}-hint")
    if field.errors:
        ids.append(f"{field.id_for_label}-error")
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.inclusion_tag("bookings/includes/offer.html", takes_context=True)
def booking_offer(context, service=None, limit=3):
    """A 'Book a time' box with the first free times; for a service, at its places."""
    from forms.bookings.offers import offers

    return {"rows": offers(service, limit=limit), "service": service, "request": context.get("request")}
