"""The fund managers' side of the thread, in the Wagtail admin: a section on the application's
inspect page (the messages, newest last, and the reply form) and its own page, which takes the
reply and shows the form again with what was typed when something is wrong."""
from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from funding.threads import services
from funding.threads.forms import MessageForm


def thread_context(application, request, form=None):
    """The section's context; opening it marks the thread read for this fund manager."""
    user = request.user
    items = list(services.thread(application, user))
    before = services.mark_read(application, user)
    for item in items:
        item.is_new = item.from_lead and item.pk > before
    may_write = user.has_perm(services.REVIEW_PERMISSION)
    return {"thread_items": items, "thread_new": sum(1 for i in items if i.is_new),
            "thread_form": (form or MessageForm()) if may_write else None,
            "thread_post_url": reverse("funding_thread_admin", args=[application.pk])}


def inspect_context(application, request):
    return thread_context(application, request)


def thread_view(request, pk):
    if not services.may_read_as_staff(request.user):
        raise PermissionDenied
    application = services.reviewer_application(pk)
    form = None
    if request.method == "POST":
        if not request.user.has_perm(services.REVIEW_PERMISSION):
            raise PermissionDenied
        form = MessageForm(request.POST, request.FILES)
        if form.is_valid():
            _message, created = services.post(application, request.user, services.FUND_MANAGER,
                                              form.cleaned_data["body"], form.cleaned_data.get("file"),
                                              form.cleaned_data.get("token"))
            if created:
                flash.success(request, _("Your message was sent; the project lead gets an e-mail with a link."))
            else:
                flash.info(request, _("This message had already been sent; it was not sent twice."))
            return redirect(reverse("funding_applications:inspect", args=[application.pk]) + "#messages")
    return TemplateResponse(request, "funding/threads/admin_thread.html", {
        "application": application, **thread_context(application, request, form),
        "page_title": _("Messages about application %(reference)s") % {"reference": application.reference},
        "inspect_url": reverse("funding_applications:inspect", args=[application.pk]),
    })


def admin_attachment(request, pk, message_id):
    from funding.threads.views import MessageFile
    from funding.views import send_attachment

    if not services.may_read_as_staff(request.user):
        raise PermissionDenied
    application = services.reviewer_application(pk)
    message = get_object_or_404(services.thread(application, request.user).exclude(file=""), pk=message_id)
    return send_attachment(request, MessageFile(message), application, "message", as_owner=False)
