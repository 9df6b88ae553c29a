"""Digits typed in any script are stored in one form (ASCII 0-9).

Arabic-speaking residents and staff often type Arabic-Indic (٠١٢٣…) or Persian (۰۱۲۳…) digits; the
server used to accept them in some fields and store them as typed (a bankgiro "٥٠٥٠-١٠٥٥" reached
the fund manager that way), while the live budget totals read them as 0. Every value posted to a
public page (forms, bookings, surveys, the funding and final-report wizards, sign-up) is passed
through :func:`normalise` by :class:`NormaliseDigitsMiddleware` before any form sees it; the budget
JavaScript does the same for the live totals (funding/static/funding/budget.js).

Passwords are left exactly as typed, and the admin is left alone (editors write page content in
Arabic on purpose).
"""
import re

# Arabic-Indic U+0660-0669, extended (Persian/Urdu) U+06F0-06F9, and the Arabic thousands
# separator (U+066C) as a space; the Arabic decimal separator (U+066B) and comma become ",".
_TABLE = {**{0x0660 + i: str(i) for i in range(10)}, **{0x06F0 + i: str(i) for i in range(10)},
          0x066C: " ", 0x066B: ","}
_NUMERIC_SEPARATORS = re.compile(r"(?<=\d)[\u066B\u066C](?=\d)")
_HAS_FOREIGN = re.compile(r"[\u0660-\u0669\u06F0-\u06F9]")


def normalise(text):
    """'٠٧٠-١١١ ٢٢ ٣٣' -> '070-111 22 33'; the Arabic separators only between digits."""
    if not text or not isinstance(text, str) or not _HAS_FOREIGN.search(text):
        return text
    text = text.translate({k: v for k, v in _TABLE.items() if k < 0x066B or k > 0x066C})
    return _NUMERIC_SEPARATORS.sub(lambda m: _TABLE[ord(m.group())], text)


SKIP_PREFIXES = ("/admin/", "/django-admin/")


def _keep(key):
    return "password" in key or key == "csrfmiddlewaretoken"


class NormaliseDigitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and not request.path.startswith(SKIP_PREFIXES):
            post = request.POST
            if any(_HAS_FOREIGN.search(v) for key, values in post.lists() if not _keep(key) for v in values):
                copy = post.copy()
                for key, values in post.lists():
                    if not _keep(key):
                        copy.setlist(key, [normalise(v) for v in values])
                copy._mutable = False
                request.POST = copy
        return self.get_response(request)
