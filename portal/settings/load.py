"""Load test (bench/load/run.sh): the production settings, served over plain HTTP on 127.0.0.1.

Only two things differ from production, both because of how the load test runs:
- cookies are not marked Secure (there is no TLS on loopback; in production TLS ends at the
  proxy and these stay True);
- the per-client form (and booking and survey) rate limit is raised: every simulated resident comes from 127.0.0.1, so
  the production limit (10 forms an hour per address) would turn the run into 429s.
  LOTSA_LOAD_FORMS_RATE_LIMIT sets it (default 1,000,000 an hour);
- the per-address part of allauth's failed-login limit is raised for the same reason: allauth
  counts a login as failed while it is in flight, so more than five project leads logging in at
  the same moment from one address are refused. The per-account limit stays as in production.
"""
import os

os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from .production import *  # noqa: E402,F401,F403
from .base import env  # noqa: E402

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
LOTSA_FORMS_RATE_LIMIT = (int(env("LOTSA_LOAD_FORMS_RATE_LIMIT", "1000000")), 60 * 60)
# bookings and survey answers from one address: raised the same way (the e-mail limit stays)
LOTSA_RATE_LIMITS = {**LOTSA_RATE_LIMITS,  # noqa: F405
                     "booking": f"{LOTSA_FORMS_RATE_LIMIT[0]}/1h/ip,3/1d/email",
                     "survey": f"{LOTSA_FORMS_RATE_LIMIT[0]}/1h/ip"}
ACCOUNT_RATE_LIMITS = {**ACCOUNT_RATE_LIMITS, "login_failed": "100000/5m/ip,5/5m/key"}  # noqa: F405
