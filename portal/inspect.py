"""Shared behaviour of the admin's inspect views."""


class HideEmptyFieldsMixin:
    """Wagtail's InspectView prints an empty value as "None" (a decision date before the
    decision, a grant before the grant): leave those rows out, the status already says why."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.fields = [name for name in self.fields if getattr(self.object, name, "") is not None]
