"""Serving a survey page: show the questions, record an anonymous answer, say thank you."""
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from forms import ratelimit
from forms.surveys import services
from forms.surveys.forms import SurveyForm
from forms.surveys.models import SYMBOLS


def serve_survey(page, request):
    token = request.POST.get("token") or request.GET.get("t") or ""
    context = {"page": page, "self": page, "symbols": SYMBOLS, "token": token}
    invitation = services.invitation_for(page, token)
    if (token and (invitation is None or invitation.used)) or (page.require_link and not token):
        context["link_problem"] = "used" if invitation is not None else ("missing" if not token else "invalid")
        return render(request, "surveys/survey_page.html", context, status=200 if not token else 410)
    form = SurveyForm(request.POST or None, page=page, initial={"token": token})
    status = 200
    if request.method == "POST" and form.is_valid():
        # An open survey (no one-time link) takes a few answers an hour per client
        # (LOTSA_RATE_LIMITS["survey"]); a one-time link counts once anyway.
        usage = ratelimit.Usage() if token else ratelimit.consume(request, "survey")
        if usage is None:
            form.add_error(None, _("Many answers have been sent from your connection in a short time. "
                                   "Please try again in an hour."))
            status = 429
        else:
            try:
                services.record(page, form.ratings(), language=translation.get_language(),
                                free_text=form.cleaned_data.get("free_text", ""), token=token or None)
            except services.LinkUsed:
                usage.rollback()
                context["link_problem"] = "used"
                return render(request, "surveys/survey_page.html", context, status=410)
            return render(request, "surveys/thanks.html", context)
    context["form"] = form
    if token:
        context["token_languages"] = token_languages(page, request, token)
    return render(request, "surveys/survey_page.html", context, status=status)


def token_languages(page, request, token):
    """The survey in the other languages with the one-time link's token kept: the site's language
    switcher links to the plain page, which would lose the token (one link, any language)."""
    names = dict(settings.LANGUAGES)
    others = page.get_translations().live().select_related("locale")
    return [{"code": other.locale.language_code, "name": names.get(other.locale.language_code, other.locale.language_code),
             "url": other.get_url(request) + "?" + urlencode({"t": token})} for other in others]
