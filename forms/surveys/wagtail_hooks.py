from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from forms.surveys import admin_views


@hooks.register("register_admin_urls")
def urls():
    return [
        path("surveys/results/", admin_views.results, name="surveys_results"),
        path("surveys/results/export/", admin_views.export, name="surveys_results_export"),
        path("surveys/links/", admin_views.invitations, name="surveys_invitations"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def results_menu_item():
    return PermissionMenuItem(_("Survey results"), reverse("surveys_results"), icon_name="doc-full",
                              order=320, permission="surveys.view_results")


@hooks.register("register_admin_menu_item")
def links_menu_item():
    return PermissionMenuItem(_("One-time survey links"), reverse("surveys_invitations"), icon_name="link",
                              order=321, permission="surveys.add_invitation")
