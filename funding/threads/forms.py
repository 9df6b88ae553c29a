"""The message form, the same for the lead and the fund managers. An attachment is checked as on
the application's attachments step (PDF only, at most 5 MB, really a plain PDF)."""
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from funding.forms import MAX_ATTACHMENT_BYTES
from portal import private_files

MAX_MESSAGE_LENGTH = 5000


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Your message"), max_length=MAX_MESSAGE_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
                           error_messages={"required": _("Write your message.")})
    file = forms.FileField(label=_("Attach a file (PDF, at most 5 MB)"), required=False,
                           widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}))
    token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=40)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("token", uuid.uuid4().hex)
        super().__init__(*args, **kwargs)

    def clean_body(self):
        body = self.cleaned_data["body"].replace("\x00", "").strip()
        if not body:
            raise ValidationError(_("Write your message."))
        return body

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        if not upload.name.lower().endswith(".pdf"):
            raise ValidationError(_("“%(name)s” cannot be attached: attach PDF files only.") % {"name": upload.name})
        if upload.size > MAX_ATTACHMENT_BYTES:
            raise ValidationError(_("“%(name)s” is larger than 5 MB.") % {"name": upload.name})
        private_files.check_upload(upload, {".pdf"})
        return upload

    def file_lost(self):
        """A browser does not keep a chosen file when the page comes back with an error."""
        return self.is_bound and bool(self.files.get("file")) and bool(self.errors) and "file" not in self.errors
