"""allauth's forms with the site's required-field messages (say what to do, as every other form
here does); wired in through ACCOUNT_FORMS. The pages show the site's error summary and leave
checking to the server (templates allauth/elements/form.html and fields.html)."""
from allauth.account import forms as allauth_forms
from django.utils.translation import gettext_lazy as _

from portal.required_messages import SayWhatToDoFormMixin

ENTER_EMAIL = _("Enter your e-mail address.")


class LoginForm(SayWhatToDoFormMixin, allauth_forms.LoginForm):
    required_messages = {"login": ENTER_EMAIL, "password": _("Enter your password.")}


class SignupForm(SayWhatToDoFormMixin, allauth_forms.SignupForm):
    required_messages = {"email": ENTER_EMAIL, "password1": _("Choose a password."),
                         "password2": _("Enter the same password again.")}


class ResetPasswordForm(SayWhatToDoFormMixin, allauth_forms.ResetPasswordForm):
    required_messages = {"email": ENTER_EMAIL}


class RequestLoginCodeForm(SayWhatToDoFormMixin, allauth_forms.RequestLoginCodeForm):
    required_messages = {"email": ENTER_EMAIL}


class ConfirmLoginCodeForm(SayWhatToDoFormMixin, allauth_forms.ConfirmLoginCodeForm):
    required_messages = {"code": _("Enter the code from the e-mail.")}
