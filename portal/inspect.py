"""Shared behaviour of the admin's inspect views."""


class HideEmptyFieldsMixin:
    """Wagtail's InspectView prints an empty value as "None" (a decision date before the
    decision, a grant before the grant): leave those rows out, the status already says why."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.fields = [name for name in self.fields if getattr(self.object, name, "") is not None]


class LocalTimesMixin:
    """Wagtail's InspectView prints a date and time field in UTC while the listings show local
    time: show every date and time in the local time zone (Europe/Stockholm), as the lists do."""

    def get_field_display_value(self, field_name, field):
        import datetime

        from django.utils import formats, timezone

        value = super().get_field_display_value(field_name, field)
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            return formats.localize(timezone.localtime(value))
        return value
