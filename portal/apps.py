from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Lotsa"

    def ready(self):
        from portal import admin_guards, security, signals  # noqa: F401 - admin_guards registers hooks

        signals.connect()
        security.connect()
