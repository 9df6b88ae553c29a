"""One rule per record type for which records staff may see in the admin (issue 11).

A model that holds an applicant's own work (an application, a final report) has a queryset method
`for_reviewers()`: the records staff may see at all (submitted ones; a draft is the applicant's
own business). `ReviewerViewSet` makes every view of a Wagtail ModelViewSet - the list and its
export, inspect, edit, delete, history, usage - read through that method, so a draft is 404 on
every admin URL. Records are created by applicants on the public site, never with "Add" in the
admin.
"""
from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy


def reviewer_queryset(model):
    return model._default_manager.for_reviewers()


class ReviewerIndexMixin:
    """The listing, its results view and its CSV/XLSX export."""

    def get_base_queryset(self):
        return super().get_base_queryset().for_reviewers()


class ReviewerInspectMixin:
    def get_object(self, queryset=None):
        return get_object_or_404(self.get_object_queryset(), pk=unquote(str(self.pk)))

    def get_object_queryset(self):
        return reviewer_queryset(self.model)


class _SingleObjectQuerysetMixin:
    """Edit and delete (Django's SingleObjectMixin looks the object up in get_queryset())."""

    def get_queryset(self):
        return reviewer_queryset(self.model)


class _BaseObjectQuerysetMixin:
    """History and usage (Wagtail's BaseObjectMixin; their get_queryset() lists log entries)."""

    def get_base_object_queryset(self):
        return super().get_base_object_queryset().for_reviewers()


class ReviewerEditView(_SingleObjectQuerysetMixin, generic.EditView):
    pass


class ReviewerDeleteView(_SingleObjectQuerysetMixin, generic.DeleteView):
    pass


class ReviewerHistoryView(_BaseObjectQuerysetMixin, HistoryView):
    pass


class ReviewerUsageView(_BaseObjectQuerysetMixin, UsageView):
    pass


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that nobody adds these records in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class ReviewerViewSet(ModelViewSet):
    """A ModelViewSet whose every view shows only `model.objects.for_reviewers()`. Its
    index_view_class and inspect_view_class must use ReviewerIndexMixin / ReviewerInspectMixin
    (checked when the viewset is created)."""

    copy_view_enabled = False
    edit_view_class = ReviewerEditView
    delete_view_class = ReviewerDeleteView
    history_view_class = ReviewerHistoryView
    usage_view_class = ReviewerUsageView

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        assert issubclass(self.index_view_class, ReviewerIndexMixin), self.index_view_class
        assert not self.inspect_view_enabled or issubclass(self.inspect_view_class, ReviewerInspectMixin)
        assert hasattr(self.model._default_manager, "for_reviewers"), self.model

    @property
    def permission_policy(self):
        return NoAddPermissionPolicy(self.model)
