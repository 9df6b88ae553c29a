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


WAGTAIL_UPDATED = "Page '%(page_title)s' has been updated."  # Wagtail's msgid, in Wagtail's catalogue


@hooks.register("after_edit_page")
def say_published_after_final_approval(request, page):
    """Approving the last task of a workflow from the page editor publishes the page, but Wagtail
    then says the page "har blivit uppdaterad" (has been updated): say it was published."""
    from django.contrib import messages
    from django.utils.html import escape
    from django.utils.translation import gettext

    if not (request.method == "POST" and request.POST.get("action-workflow-action")
            and request.POST.get("workflow-action-name") == "approve"):
        return None
    page.refresh_from_db()
    if not page.live or page.has_unpublished_changes or page.workflow_in_progress:
        return None
    updated = gettext(WAGTAIL_UPDATED) % {"page_title": page.get_admin_display_title()}
    # Wagtail's admin messages wrap the text in markup (title escaped): match on the text.
    kept = [m for m in messages.get_messages(request)  # iterating consumes them all
            if updated not in str(m.message) and escape(updated) not in str(m.message)]
    for message in kept:
        messages.add_message(request, message.level, message.message, extra_tags=message.extra_tags)
    messages.success(request, gettext("Page '%(page_title)s' has been approved and published.")
                     % {"page_title": page.get_admin_display_title()})
    return None
