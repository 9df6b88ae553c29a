"""Views of the site app that are not Wagtail pages: the open-data export of the catalogue."""
import json

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from home import hsds


@require_GET
@cache_control(public=True, max_age=600)
def hsds_json(request):
    """The catalogue in the URL's language as Open Referral HSDS 3.0 JSON (open data, CORS open)."""
    data = hsds.build(Locale.get_active(), request)
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Disposition"] = f'inline; filename="lotsa-hsds-{data["catalogue_language"]}.json"'
    return response
