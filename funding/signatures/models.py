"""The department head's signature of an application (issue 13, item 2).

One row per link sent to the head (a reminder or a new signatory is a new row; the earlier link
is closed), or per signed PDF the project lead uploaded. The link's token is never stored: only its
SHA-256 (`token_hash`), so a copy of the database opens nothing. A row is signed once (`signed_at`)
and then stays as the record of who signed, when, and which address the link went to.
"""
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SignatureRequestQuerySet(models.QuerySet):
    def open(self):
        """Links that may still be used (not signed, not replaced; expiry is checked apart)."""
        return self.filter(signed_at__isnull=True, closed_at__isnull=True)

    def signed(self):
        return self.filter(signed_at__isnull=False)


class SignatureRequest(models.Model):
    class Method(models.TextChoices):
        LINK = "link", _("digitally, through the e-mailed link")
        UPLOAD = "upload", _("on paper, signed copy uploaded by the project lead")

    objects = SignatureRequestQuerySet.as_manager()

    application = models.ForeignKey("funding.Application", on_delete=models.CASCADE,
                                    related_name="signature_requests", verbose_name=_("application"))
    method = models.CharField(_("signed"), max_length=10, choices=Method.choices, default=Method.LINK)
    # the signatory as the lead named them
    name = models.CharField(_("head of department"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    email = models.EmailField(_("link sent to"), blank=True)
    token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("by"))
    expires_at = models.DateTimeField(_("link valid until"), null=True, blank=True)
    sent_at = models.DateTimeField(_("e-mail sent"), null=True, blank=True)
    closed_at = models.DateTimeField(_("link closed"), null=True, blank=True)
    # what the head gave on the sign step
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    signed_name = models.CharField(_("signed by"), max_length=200, blank=True)
    signed_place = models.CharField(_("place"), max_length=100, blank=True)
    signed_date = models.DateField(_("date"), null=True, blank=True)
    signed_copy = models.ForeignKey("funding.Attachment", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("signed copy"))

    class Meta:
        verbose_name = _("signature")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.application.reference} {self.name}"

    @property
    def is_expired(self):
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_usable(self):
        return self.signed_at is None and self.closed_at is None and not self.is_expired
