"""The public side of a form page: one step at a time, check your answers, sent, and the
e-mail confirmation link. Thin: steps and session state are in forms.flow, storing and
e-mails in forms.services."""
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from forms import flow, prefill, services
from home import language_links
from portal.punctuation import join_list


def _url(page, request, name="step_first", *args):
    return page.url + page.reverse_subpage(name, args=args)


def _step_url(page, number, change=False):
    url = page.url if number == 1 else page.url + page.reverse_subpage("step_view", args=[number])
    return url + ("?change=1" if change else "")


def _render(request, page, template, context, status=200):
    context = {"page": page, "self": page, **context}
    return TemplateResponse(request, template, context, status=status)


def _error_list(form):
    """(field id, message) pairs for the error summary, in the order of the fields."""
    out = []
    for name, field in form.fields.items():
        for message in form.errors.get(name, []):
            bound = form[name]
            target = bound.auto_id
            if bound.field.widget.__class__.__name__ in ("RadioSelect", "CheckboxSelectMultiple"):
                target += "_0"
            out.append((target, f"{field.label}: {message}"))
    for message in form.non_field_errors():
        out.append(("", message))
    return out


def _one_of_names(page):
    return [n.strip() for n in page.source_page.one_of_fields.split(",") if n.strip()]


def _check_one_of(page, step, form):
    names = _one_of_names(page)
    present = [n for n in names if n in form.fields]
    if present and len(present) == len(names) and not any(form.cleaned_data.get(n) for n in present):
        labels = [str(form.fields[n].label) for n in present]
        form.add_error(None, _("Fill in at least one of: %(fields)s.") % {"fields": join_list(labels)})


def step(request, page, number):
    steps = flow.build_steps(page)
    if not steps:
        raise Http404
    if number < 1 or number > len(steps):
        raise Http404
    current = steps[number - 1]
    session = flow.FormSession(request, page)
    form_class = current.form_class()
    changing = request.GET.get("change") == "1"
    expired = False

    switch_to = request.POST.get(language_links.SWITCH_FIELD, "") if request.method == "POST" else ""
    if language_links.is_language(switch_to):
        # The language switcher on a step (language-switch.js): keep what this step holds, valid
        # or not, and open the same step in the other language.
        if not request.POST.get(flow.HONEYPOT):
            session.save_unsent(current, request.POST)
        return HttpResponseRedirect(language_links.url_for_language(request, page, switch_to))

    if request.method == "POST":
        # A later step posted without any answers in the session: the session has expired (or
        # the step was posted out of order). Keep what this step holds and say what happened.
        if number > 1 and not session.started:
            expired = True
        form = form_class(request.POST, page=page)
        honeypot_filled = bool(request.POST.get(flow.HONEYPOT))
        if form.is_valid():
            _check_one_of(page, current, form)
        if honeypot_filled:
            return _render(request, page, "forms/blocked.html", {"reason": "spam"}, status=400)
        if form.is_valid():
            session.save_step(current, form.cleaned_data)
            session.forget_sent()
            if expired:
                return HttpResponseRedirect(_step_url(page, 1) + "?expired=1")
            missing = session.first_missing(steps)
            if number < len(steps) and not changing:
                return HttpResponseRedirect(_step_url(page, number + 1))
            if missing is None:
                return HttpResponseRedirect(_url(page, request, "check_view"))
            return HttpResponseRedirect(_step_url(page, missing))
    else:
        # Steps are filled in order: jumping ahead sends the user to the first missing step.
        missing = session.first_missing(steps)
        if number > 1 and missing is not None and missing < number:
            return HttpResponseRedirect(_step_url(page, missing))
        initial = prefill.initial_answers(request, page, session.shown_answers) if number == 1 else session.shown_answers
        form = form_class(initial=initial, page=page)
        expired = request.GET.get("expired") == "1"

    for name in _one_of_names(page):
        if name in form.fields:  # one of them is needed: neither is marked "optional"
            form.fields[name].one_of = True
    errors = _error_list(form) if form.is_bound else []
    return _render(request, page, "forms/form_step.html", {
        "form": form, "step": current, "steps": steps, "step_count": len(steps), "errors": errors,
        "expired": expired, "changing": changing, "honeypot": flow.HONEYPOT,
        "back_url": _step_url(page, number - 1) if number > 1 else None,
        "action": _step_url(page, number, changing),
    }, status=400 if errors else 200)


def _summary(page, steps, answers):
    rows = []
    for s in steps:
        items = [(f.label, flow.display_value(f, answers.get(f.clean_name))) for f in s.fields]
        rows.append({"step": s, "items": items, "change_url": _step_url(page, s.number, change=True)})
    return rows


def check(request, page):
    steps = flow.build_steps(page)
    session = flow.FormSession(request, page)
    if not session.started:
        if session.sent_reference:  # a replayed or double-clicked "send": no second submission
            return HttpResponseRedirect(_url(page, request, "sent_view"))
        if request.method == "POST":
            return HttpResponseRedirect(_step_url(page, 1) + "?expired=1")
        return HttpResponseRedirect(_step_url(page, 1))
    missing = session.first_missing(steps)
    if missing is not None:
        return HttpResponseRedirect(_step_url(page, missing))
    reference = session.pending_reference(page.source_page.reference_prefix or "LOT")

    if request.method == "POST":
        if request.POST.get(flow.HONEYPOT):
            return _render(request, page, "forms/blocked.html", {"reason": "spam"}, status=400)
        usage = services.consume_rate_limit(request)
        if usage is None:
            return _render(request, page, "forms/blocked.html", {"reason": "rate"}, status=429)
        # Re-validate every step on the server: the form may have changed, or the session been
        # tampered with.
        answers = {}
        for s in steps:
            form_class = s.form_class()
            form = form_class(flow.answers_to_data(form_class, session.answers), page=page)
            if not form.is_valid():
                usage.rollback()  # nothing was sent
                return HttpResponseRedirect(_step_url(page, s.number))
            answers.update({k: flow.to_json(v) for k, v in form.cleaned_data.items()})
        submission = services.submission_with_reference(page, reference)
        if submission is None:  # not sent before (see FormSession.pending_reference)
            submission = services.create_submission(page, answers, get_language(), reference=reference)
        session.mark_sent(submission.reference)
        return HttpResponseRedirect(_url(page, request, "sent_view"))

    return _render(request, page, "forms/form_check.html", {
        "summary": _summary(page, steps, session.answers), "steps": steps, "honeypot": flow.HONEYPOT,
        "back_url": _step_url(page, len(steps)),
    })


def sent(request, page):
    session = flow.FormSession(request, page)
    reference = session.sent_reference
    if not reference:
        return HttpResponseRedirect(_step_url(page, 1))
    needs_confirmation = bool(page.source_page.confirm_email_field)
    return _render(request, page, "forms/form_sent.html", {
        "reference": reference, "needs_confirmation": needs_confirmation,
    })


def confirm(request, page, token):
    submission = services.submission_for_token(token)
    if submission is None or submission.form_page_id != page.source_page.pk:
        return _render(request, page, "forms/form_confirm.html", {"invalid": True}, status=400)
    done = submission.confirmed_at is not None
    if request.method == "POST" and not done:
        services.confirm(submission)
        done = True
    # GET shows a button: link scanners in mail systems must not confirm on their own.
    return _render(request, page, "forms/form_confirm.html", {
        "submission": submission, "done": done, "reference": submission.reference, "token": token,
    })
