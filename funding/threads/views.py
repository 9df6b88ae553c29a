"""The project lead's side of the thread: /<lang>/funding/my/<pk>/messages/ (the messages, newest
last, and the form) and a message's attachment. Another lead's application, and a draft, is 404."""
from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from funding.threads import services
from funding.threads.forms import MessageForm


@login_required
def thread_page(request, pk):
    application = services.lead_application(request.user, pk)
    if request.method == "POST":
        form = MessageForm(request.POST, request.FILES)
        if form.is_valid():
            _message, created = services.post(application, request.user, services.LEAD, form.cleaned_data["body"],
                                              form.cleaned_data.get("file"), form.cleaned_data.get("token"))
            if created:
                flash.success(request, _("Your message was sent to the fund managers."))
            else:
                flash.info(request, _("This message had already been sent; it was not sent twice."))
            return redirect("funding:messages", pk=application.pk)
    else:
        form = MessageForm()
    items = list(services.thread(application, request.user))
    before = services.mark_read(application, request.user)
    for item in items:
        item.is_new = not item.from_lead and item.pk > before
    return render(request, "funding/threads/messages.html", {
        "application": application, "fund": application.fund.localized, "items": items, "form": form,
    })


@login_required
def lead_attachment(request, pk, message_id):
    """The file of a message in the lead's own thread (404 for anyone else's)."""
    from funding.views import send_attachment

    application = services.lead_application(request.user, pk)
    message = get_object_or_404(services.thread(application, request.user).exclude(file=""), pk=message_id)
    return send_attachment(request, MessageFile(message), application, "message", as_owner=True)


class MessageFile:
    """A message's file in the shape `funding.views.send_attachment` reads (file, name, pk)."""

    def __init__(self, message):
        self.file, self.name, self.pk = message.file, message.file_name, message.pk
