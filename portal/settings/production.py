"""Production: secrets and hosts must come from the environment; HTTPS everywhere."""
import sys

from .base import *  # noqa: F401,F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY or len(SECRET_KEY) < 50:
    sys.exit("SECRET_KEY must be set to a random value of at least 50 characters in production.")

# Staff who see personal data must use two-factor authentication (portal/mfa.py).
LOTSA_REQUIRE_MFA = env_bool("LOTSA_REQUIRE_MFA", True)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
TASKS_BACKEND = env("TASKS_BACKEND", "database")
TASKS = {"default": {"BACKEND": {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}[TASKS_BACKEND]}}
WHITENOISE_USE_FINDERS = False
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300"))
