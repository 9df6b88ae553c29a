from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site pages")

    def ready(self):
        from home.roles import sync_roles

        post_migrate.connect(sync_roles, dispatch_uid="lotsa_sync_roles")
