from django.conf import settings
from django.db import models


class SignupReturn(models.Model):
    """The page a person signed up from (a fund page), kept with the account rather than in the
    session: the confirmation link may be opened in another browser, where allauth confirms the
    address without logging in; the login page is then given this page as `next`. Removed once
    used (portal/account_adapter.py); it goes with the account."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    next_url = models.CharField(max_length=500)
    created = models.DateTimeField(auto_now_add=True)
