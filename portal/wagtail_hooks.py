"""Admin users enrol in two-factor authentication from their Wagtail account page."""
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("mfa_index"),
        "label": _("Two-factor authentication"),
        "help_text": _("Ask for a code from an authenticator app when you log in."),
    }


@hooks.register("register_account_menu_item")
def change_password_menu_item(request):
    # Wagtail's own password panel is off (WAGTAIL_PASSWORD_MANAGEMENT_ENABLED): passwords are
    # changed through allauth, like every other login matter.
    return {
        "url": reverse("account_change_password"),
        "label": _("Change password"),
        "help_text": _("Change the password you log in with."),
    }
