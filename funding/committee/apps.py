from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitteeConfig(AppConfig):
    name = "funding.committee"
    label = "funding_committee"
    verbose_name = _("Committee decisions")
