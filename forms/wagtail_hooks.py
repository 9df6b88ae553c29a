from wagtail import hooks

from forms.admin_views import InboxGroup


@hooks.register("register_admin_viewset")
def register_inbox():
    return InboxGroup()


@hooks.register("construct_main_menu")
def hide_wagtail_form_submissions(request, menu_items):
    """Lotsa stores submissions in its own inbox; Wagtail's 'Forms' listing would only confuse."""
    menu_items[:] = [item for item in menu_items if item.name != "forms"]
