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
