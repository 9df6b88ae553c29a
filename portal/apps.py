from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Lotsa"

    def ready(self):
        from portal import security, signals

        signals.connect()
        security.connect()
