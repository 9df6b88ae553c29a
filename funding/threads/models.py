"""The message thread of an application (issue 13, item 3): the project lead and the fund managers
write to each other, each message with an optional attachment (a private file, like
`funding.Attachment`). A fund manager's comment to the applicant on a status change is a message
too (`transition`). Internal notes (`Transition.internal_note`) are never copied here.

Who may read a thread is `MessageQuerySet.visible_to` (one rule, every view asks it). Unread
markers are one `ReadMark` per person and application: the last message id they have seen.
"""
from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from funding import workflow
from portal import private_files

REVIEW_PERMISSION = "funding.review_application"
READ_PERMISSION = "funding.view_application"


def message_file_path(instance, filename):
    """A random name in the private storage; the original name is kept in `file_name`."""
    return private_files.random_name("application-messages", filename)


class MessageQuerySet(models.QuerySet):
    def for_lead(self, user):
        """The lead's own applications' threads, once submitted (a draft has no thread yet)."""
        return self.filter(application__user=user).exclude(application__status=workflow.DRAFT)

    def for_reviewers(self):
        """What fund managers may read: the threads of the applications they may see at all."""
        from funding.models import Application

        return self.filter(application__in=Application.objects.for_reviewers())

    def visible_to(self, user):
        """The one rule: fund managers (and Administrators) read every submitted application's
        thread, anyone else only the threads of their own submitted applications."""
        if user is None or not user.is_authenticated:
            return self.none()
        if user.has_perm(READ_PERMISSION):
            return self.for_reviewers()
        return self.for_lead(user)


class Message(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("Project lead")
        FUND_MANAGER = "fund_manager", _("Fund manager")

    objects = MessageQuerySet.as_manager()

    application = models.ForeignKey("funding.Application", verbose_name=_("application"), on_delete=models.CASCADE,
                                    related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("written by"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    # The status change this message was written with (a comment to the applicant), if any.
    transition = models.OneToOneField("funding.Transition", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="message")
    file = models.FileField(upload_to=message_file_path, storage=private_files.private_storage, max_length=200,
                            blank=True)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    file_size = models.PositiveIntegerField(_("size"), default=0)
    # A random value from the form the message was typed in: posting the same form twice (a double
    # click, a reload after a slow answer) stores one message.
    token = models.CharField(max_length=40, blank=True, editable=False)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["application", "author", "token"],
                                               condition=~models.Q(token=""), name="one_message_per_token")]

    def __str__(self):
        return f"{self.application_id} #{self.pk}"

    @property
    def from_lead(self):
        return self.role == self.Role.LEAD


@receiver(post_delete, sender=Message)
def delete_message_file(sender, instance, **kwargs):
    """Also for cascades (an application or its user deleted) and bulk deletes."""
    if instance.file:
        private_files.delete_on_commit(instance.file.storage, instance.file.name)


class ReadMark(models.Model):
    """How far one person has read one application's thread (the last message id they saw)."""

    application = models.ForeignKey("funding.Application", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    last_read = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "user"], name="one_read_mark")]
