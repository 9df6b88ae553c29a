from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from funding.committee import admin_views
from funding.committee.models import DecisionMeeting


class DecisionMeetingViewSet(ModelViewSet):
    """Decision meetings (Fund managers: funding_committee.*_decisionmeeting, home/roles.py)."""
    model = DecisionMeeting
    icon = "date"
    url_prefix = "funding-committee/meetings"
    menu_label = _("Decision meetings")
    menu_order = 254
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_class = admin_views.MeetingInspectView
    copy_view_enabled = False
    form_fields = ["committee", "date", "place", "reference"]
    list_display = ["__str__", "date", "place", "reference"]
    ordering = ["-date"]


meeting_viewset = DecisionMeetingViewSet("funding_committee_meetings")


@hooks.register("register_admin_viewset")
def register_meetings():
    return meeting_viewset


@hooks.register("register_admin_urls")
def register_committee_urls():
    return [path("funding-committee/ready/<int:pk>/", admin_views.mark_ready, name="funding_committee_ready"),
            path("funding-committee/meetings/<int:pk>/agenda.pdf", admin_views.agenda_pdf,
                 name="funding_committee_agenda")]
