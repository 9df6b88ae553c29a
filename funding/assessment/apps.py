from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "funding.assessment"
    label = "funding_assessment"
    verbose_name = _("Assessment")
