"""allauth's e-mails under the site's name, not the host name.

Without django.contrib.sites allauth names the site after the request's host: subjects read
"[127.0.0.1:44983] …" and the greeting "Hej från 127.0.0.1". Here the Wagtail Site's name
(Settings → Sites, "Lotsa") is used, and the site's address for the sign-off. The e-mail templates
in templates/account/email/ use `site_name` and `site_url` and name no user (allauth's
confirmation named the auto-generated user name, which the person never chose).
"""
from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.conf import settings
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
