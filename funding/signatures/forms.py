"""The head's sign step, and the lead's forms to change the signatory or upload a signed copy."""
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from funding.forms import MAX_ATTACHMENT_BYTES, DateInput
from portal import private_files
from portal.required_messages import say_what_to_do


class SignForm(forms.Form):
    required_messages = {
        "name": _("Enter your name as you sign."),
        "place": _("Enter the place where you sign, for example Stockholm."),
        "date": _("Enter today's date."),
        "confirm": _("Tick the box to confirm that you are the responsible head of department."),
    }
    name = forms.CharField(label=_("Your name"), max_length=200,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    place = forms.CharField(label=_("Place"), max_length=100,
                            widget=forms.TextInput(attrs={"autocomplete": "address-level2"}))
    date = forms.DateField(label=_("Date"), widget=DateInput())
    confirm = forms.BooleanField(label=_("I am the responsible head of department for this application, I have "
                                         "read it and I approve that it is submitted to the fund."))

    def __init__(self, *args, signed_from=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.signed_from = signed_from
        say_what_to_do(self)

    def clean_date(self):
        day = self.cleaned_data["date"]
        today = timezone.localdate()
        if day > today or (self.signed_from and day < self.signed_from):
            raise ValidationError(_("Enter today's date, %(today)s.") % {"today": today.isoformat()})
        return day


class SignatoryForm(forms.Form):
    required_messages = {
        "name": _("Enter the name of the responsible head of department."),
        "email": _("Enter the e-mail address of the head of department."),
    }
    name = forms.CharField(label=_("Responsible head of department (signs)"), max_length=200)
    title = forms.CharField(label=_("Title of the head of department"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail of the head of department"),
                             help_text=_("The link to sign is sent here. The earlier link stops working."),
                             widget=forms.EmailInput(attrs={"autocomplete": "off"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        say_what_to_do(self)


class SignedCopyForm(forms.Form):
    required_messages = {"file": _("Choose the signed application (a PDF file).")}
    file = forms.FileField(label=_("The signed application (PDF, at most 5 MB)"),
                           widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        say_what_to_do(self)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".pdf"):
            raise ValidationError(_("“%(name)s” is not a PDF file: scan the signed application as a PDF.") % {
                "name": upload.name})
        if upload.size > MAX_ATTACHMENT_BYTES:
            raise ValidationError(_("“%(name)s” is larger than 5 MB.") % {"name": upload.name})
        upload.content_type = private_files.check_upload(upload, {".pdf"}).content_type
        return upload
