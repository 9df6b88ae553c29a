"""allauth's e-mails under the site's name, not the host name.

Without django.contrib.sites allauth names the site after the request's host: subjects read
"[127.0.0.1:44983] …" and the greeting "Hej från 127.0.0.1". Here the Wagtail Site's name
(Settings → Sites, "Lotsa") is used, and the site's address for the sign-off. The e-mail templates
in templates/account/email/ use `site_name` and `site_url` and name no user (allauth's
confirmation named the auto-generated user name, which the person never chose).

The page a person signs up from is kept with the account (portal.models.SignupReturn): a
confirmation link opened in another browser confirms without logging in, and then leads to the
login page with that page as `next`, instead of a login page that forgets where they were going.
"""
from urllib.parse import urlencode

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.conf import settings
from django.urls import reverse
from django.utils.encoding import force_str


def site_name(request):
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    return (site and site.site_name) or settings.WAGTAIL_SITE_NAME


class LotsaAccountAdapter(DefaultAccountAdapter):
    def format_email_subject(self, subject):
        prefix = app_settings.EMAIL_SUBJECT_PREFIX
        if prefix is None:
            prefix = f"{site_name(context.request)}: "
        return prefix + force_str(subject)

    def send_mail(self, template_prefix, email, ctx):
        request = context.request
        ctx = {"site_name": site_name(request), "site_url": request.build_absolute_uri("/") if request else "", **ctx}
        super().send_mail(template_prefix, email, ctx)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        next_url = (request.POST.get("next") or request.GET.get("next")) if request is not None else None
        if commit and next_url and self.is_safe_url(next_url) and len(next_url) <= 500:
            from portal.models import SignupReturn

            SignupReturn.objects.update_or_create(user=user, defaults={"next_url": next_url})
        return user

    def post_login(self, request, user, **kwargs):
        from portal.models import SignupReturn

        SignupReturn.objects.filter(user=user).delete()  # back where they started: no longer needed
        return super().post_login(request, user, **kwargs)

    def get_email_verification_redirect_url(self, email_address):
        """Confirmed without a session (another browser): to the login page, then on to the page
        the sign-up started from."""
        from portal.models import SignupReturn

        if self.request.user.is_authenticated:
            return super().get_email_verification_redirect_url(email_address)
        url = reverse("account_login")
        saved = SignupReturn.objects.filter(user_id=email_address.user_id).first()
        if saved is None:
            return url
        saved.delete()
        if not self.is_safe_url(saved.next_url):
            return url
        return f"{url}?{urlencode({'next': saved.next_url})}"
