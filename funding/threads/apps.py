from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThreadsConfig(AppConfig):
    name = "funding.threads"
    label = "funding_threads"
    verbose_name = _("Messages about applications")
