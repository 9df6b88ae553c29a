from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterimConfig(AppConfig):
    name = "funding.interim"
    label = "funding_interim"
    verbose_name = _("Interim reports")

    def ready(self):
        from home import roles

        # Fund managers review interim reports as they review final reports (home/roles.py).
        roles.ROLE_PERMISSIONS[roles.FUND_MANAGERS] += ["funding_interim.view_interimreport",
                                                        "funding_interim.change_interimreport"]
