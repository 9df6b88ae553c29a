"""The assessment's place in the admin: "My assessments" (for reviewers) and the assign form's URL."""
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from funding.assessment import admin_views
from funding.assessment.models import REVIEWERS, Assessment


@hooks.register("register_admin_urls")
def urls():
    return [
        path("assessments/", admin_views.my_assessments, name="funding_assessments"),
        path("assessments/<int:pk>/", admin_views.assess, name="funding_assessment"),
        path("assessments/assign/<int:application_pk>/", admin_views.assign, name="funding_assessment_assign"),
    ]


class MyAssessmentsMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return user.groups.filter(name=REVIEWERS).exists() or Assessment.objects.filter(reviewer=user).exists()


@hooks.register("register_admin_menu_item")
def my_assessments_menu_item():
    return MyAssessmentsMenuItem(_("My assessments"), reverse("funding_assessments"), icon_name="tasks",
                                 order=249)
