from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from forms.bookings import admin_views
from forms.bookings.models import Schedule
from forms.bookings.slots import generate_slots


class ScheduleViewSet(SnippetViewSet):
    model = Schedule
    icon = "date"
    menu_label = _("Bookable times")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["title", "where", "length_minutes", "capacity", "active"]


register_snippet(ScheduleViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def regenerate_slots(request, instance):
    if isinstance(instance, Schedule):
        generate_slots(instance)


@hooks.register("register_admin_urls")
def urls():
    return [
        path("bookings/", admin_views.overview, name="bookings_overview"),
        path("bookings/export/", admin_views.export, name="bookings_export"),
        path("bookings/<int:pk>/cancel/", admin_views.cancel, name="bookings_cancel"),
    ]


class BookingsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("bookings.view_booking")


@hooks.register("register_admin_menu_item")
def menu_item():
    return BookingsMenuItem(_("Bookings"), reverse("bookings_overview"), icon_name="calendar", order=300)
