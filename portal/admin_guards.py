"""Framework doors the permission guard (tests/test_url_inventory.py) found open, closed with
Wagtail's own hooks. Registered from PortalConfig.ready()."""
from django.core.exceptions import PermissionDenied
from wagtail import hooks


@hooks.register("before_move_page")
def only_page_movers_see_the_move(request, page_to_move, destination):
    """Wagtail's "move page: confirm" view answers a GET from any admin user (only its POST
    checks the page permissions): coordinators and fund managers, who have no page permissions,
    saw the confirmation page with the page's title. Now they get Wagtail's "no permission"
    redirect to the dashboard, as from every other page view."""
    if not page_to_move.permissions_for_user(request.user).can_move():
        raise PermissionDenied
