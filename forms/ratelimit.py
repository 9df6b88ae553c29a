"""Rate limits of the public side: finished forms, bookings and open survey answers.

One mechanism for all of them, allauth's (the one that limits failed logins): the same cache,
the same sliding window with a cache lock, and the same client address -
`get_adapter().get_client_ip()`, which honours `ALLAUTH_TRUSTED_PROXY_COUNT` (X-Forwarded-For
from that many proxies of ours; 0 = the header is ignored and cannot be spoofed) and
`ALLAUTH_TRUSTED_CLIENT_IP_HEADER`. IPv6 addresses count per /64 as for logins.

The limits are `settings.LOTSA_RATE_LIMITS`, in allauth's syntax: `{"booking": "5/1h/ip,3/1d/email"}`
(amount / period / per). `per` is `ip` (the client address) or any other word, which is the
`key` the caller passes (the e-mail address typed in). Addresses and keys are kept in the cache
only as a keyed hash (HMAC with SECRET_KEY), for the length of the window, never with an answer.
"""
import hashlib
import hmac
from dataclasses import dataclass, field

from allauth.core.internal import ratelimit as _allauth
from django.conf import settings

APP = "lotsa"


def client_ip(request):
    """The client's address as allauth's rate limits see it (see the module docstring)."""
    return _allauth.get_ip(request)


def _digest(value):
    return hmac.new(settings.SECRET_KEY.encode(), str(value).encode(), hashlib.sha256).hexdigest()[:32]


def rates(action):
    """The Rate objects configured for `action` (empty: no limit)."""
    config = dict(getattr(settings, "LOTSA_RATE_LIMITS", {}))
    legacy = getattr(settings, "LOTSA_FORMS_RATE_LIMIT", None)  # (forms, seconds), still honoured
    if action == "form" and legacy:
        config["form"] = f"{int(legacy[0])}/{int(legacy[1])}s/ip"
    return _allauth.parse_rates(config.get(action))


@dataclass
class Usage:
    """What one successful `consume()` took; `rollback()` gives it back (e.g. when the booked
    time turned out to be taken, or the answers did not validate after all)."""

    usages: list = field(default_factory=list)

    def rollback(self):
        for usage in self.usages:
            usage.rollback()


def _each(request, action, key):
    for rate in rates(action):
        source = client_ip(request) if rate.per == "ip" else key
        if not source:
            continue  # e.g. a booking without an e-mail address: only the address limit applies
        name = f"{action}:{rate}"
        config = {name: f"{rate.amount}/{rate.duration}s/key"}
        yield name, config, _digest(f"{rate.per}:{str(source).strip().lower()}")


def allowed(request, action, key=None):
    """True while `consume()` would succeed (nothing is counted)."""
    return all(_allauth.consume(request, app=APP, action=name, config=config, key=digest, dry_run=True,
                                limit_get=True) is not None
               for name, config, digest in _each(request, action, key))


def consume(request, action, key=None):
    """Count one `action` for this client (and `key`). Returns a Usage, or None when a limit is
    reached - then nothing is counted."""
    if not allowed(request, action, key):
        return None
    taken = Usage()
    for name, config, digest in _each(request, action, key):
        usage = _allauth.consume(request, app=APP, action=name, config=config, key=digest, limit_get=True)
        if usage is None:  # another request took the last one in the meantime
            taken.rollback()
            return None
        taken.usages.append(usage)
    return taken
