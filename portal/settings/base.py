"""Settings shared by every environment. Everything a site operator changes comes from the
environment (see README, "Configuration"); dev/test/production only adjust defaults."""
import os
import sys
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "home",
    "forms",
    "forms.bookings",
    "forms.surveys",
    "forms.cases",
    "funding",
    "funding.payments",
    "funding.signatures",
    "funding.assessment",
    "funding.interim",
    "funding.threads",
    "funding.committee",
    "reports",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "formtools",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.page_cache.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.dbfaults.SessionMiddleware",  # Django's, with a 503 when the session save hits a DB outage
    "portal.middleware.UnknownLanguagePrefixMiddleware",
    "portal.middleware.LocaleMiddleware",  # Django's; a 404 in the admin stays a 404
    "portal.middleware.PersonalPagesNoStoreMiddleware",  # inside the page cache, which then skips them
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "portal.digits.NormaliseDigitsMiddleware",  # ٠-٩ and ۰-۹ typed anywhere are stored as 0-9
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.security.StaffSessionMiddleware",
    "portal.mfa.MFAMiddleware",  # no session past the two-factor step without it; TOTP for staff
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so its process_exception sees a view's database error first: 503 "try again" page.
    "portal.dbfaults.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database: DATABASE_URL, SQLite file by default -------------------------------------------
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=int(env("DB_CONN_MAX_AGE", "0")))}
except Exception as exc:  # a typo in the URL should stop start-up with one clear line
    sys.exit(f"DATABASE_URL is not a database URL Lotsa understands ({exc}). "
             "Use sqlite:///path/db.sqlite3 or postgres://user@host:5432/name.")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")

# --- Cache: Redis when REDIS_URL is set, else local memory -----------------------------------
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "lotsa"),
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient", "IGNORE_EXCEPTIONS": True},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole-page cache for anonymous visitors (seconds; 0 = off), purged on publish.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "0"))

# --- Background tasks -------------------------------------------------------------------------
# "immediate" runs tasks in the request (one machine); "database" queues them for
# `manage.py db_worker` processes (several app servers).
TASKS_BACKEND = env("TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
            "dummy": "django_tasks.backends.dummy.DummyBackend",
        }[TASKS_BACKEND]
    }
}

# --- E-mail -----------------------------------------------------------------------------------
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Lotsa <no-reply@lotsa.example>")
# The service's shared mailbox (funktionsbrevlåda): gets notices, never the answers.
LOTSA_SHARED_MAILBOX = env("LOTSA_SHARED_MAILBOX", "rad-och-stod@lotsa.example")

# --- Rate limits of forms, bookings and open surveys (forms/ratelimit.py, allauth's mechanism) -
# "amount/period/per", comma-separated; per "ip" is the client address (ALLAUTH_TRUSTED_PROXY_COUNT
# says how many proxies' X-Forwarded-For to trust), "email" the address typed into the booking.
LOTSA_RATE_LIMITS = {
    "form": env("LOTSA_RATE_LIMIT_FORM", "10/1h/ip"),
    "booking": env("LOTSA_RATE_LIMIT_BOOKING", "5/1h/ip,3/1d/email"),
    "survey": env("LOTSA_RATE_LIMIT_SURVEY", "10/1h/ip"),
}

# --- Auth -------------------------------------------------------------------------------------
# allauth's backend only (it subclasses ModelBackend, so permissions work as before): a login
# form outside allauth could not authenticate anyone with Django's plain backend either.
AUTHENTICATION_BACKENDS = [
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# E-mails under the Wagtail Site's name ("Lotsa: …"), not the host (portal/account_adapter.py).
ACCOUNT_ADAPTER = "portal.account_adapter.LotsaAccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = None  # None: "<site name>: "; set a string to override
# Confirming the address in the browser that signed up logs the person in and resumes the sign-up,
# so `next` (the fund page a project lead started from) is where they land. allauth only does so
# while the sign-up is pending in that session: a stolen link logs no one in. Staff still meet
# the two-factor guard (portal/mfa.py) at the admin; a new project lead has no authenticator.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/ip,5/5m/key"}
# Required fields say what to do ("Skriv din e-postadress"), as on every other form here.
ACCOUNT_FORMS = {name: f"portal.account_forms.{cls}" for name, cls in [
    ("login", "LoginForm"), ("signup", "SignupForm"), ("reset_password", "ResetPasswordForm"),
    ("request_login_code", "RequestLoginCodeForm"), ("confirm_login_code", "ConfirmLoginCodeForm")]}
# Log in with a code e-mailed to the address: stays open to the owner while strangers' wrong
# passwords have locked the password form (its own limits: 3 codes a minute per address, 3 tries
# per code, 3 minutes). The two-factor step follows a code login as it follows a password.
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
# Behind a reverse proxy: how many proxies' X-Forwarded-For entries to trust for the client
# address that rate limits count by (0: none, use REMOTE_ADDR), or a header the proxy sets.
ALLAUTH_TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env("TRUSTED_CLIENT_IP_HEADER") or None
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Members of home.roles.PERSONAL_DATA_GROUPS (and superusers) must enrol in TOTP before the admin
# opens (portal/mfa.py). On in production; off in dev and tests so the demo users work as they are.
LOTSA_REQUIRE_MFA = env_bool("LOTSA_REQUIRE_MFA", False)
SESSION_COOKIE_AGE = int(env("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
# Admin users (see portal/security.py): the session cookie ends with the browser, after an idle
# hour, and 8 hours after login at the latest.
STAFF_SESSION_IDLE_SECONDS = int(env("STAFF_SESSION_IDLE_SECONDS", str(60 * 60)))
STAFF_SESSION_MAX_SECONDS = int(env("STAFF_SESSION_MAX_SECONDS", str(8 * 60 * 60)))
WAGTAILADMIN_LOGIN_URL = "account_login"
# Pages restricted to logged-in users send visitors to allauth's login, not Wagtail's own form.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
# Passwords are reset and changed through allauth only (rate-limited, e-mail verified); Wagtail's
# reset form and account password panel are off, and their URLs redirect (portal/urls.py).
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
# No shared-password pages or document collections: a shared password has no owner, no rate
# limit and no audit. Restrict to logged-in users or groups instead.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", "Lotsa")

# --- Languages --------------------------------------------------------------------------------
# Adding a language = one entry here (or in LOTSA_EXTRA_LANGUAGES) plus its catalogue in locales/.
LANGUAGE_CODE = "sv"
LANGUAGES = [
    ("sv", "Svenska"),
    ("en", "English"),
    ("ar", "العربية"),
]
for extra in env_list("LOTSA_EXTRA_LANGUAGES"):  # e.g. "fi:Suomi,so:Soomaali"
    code, _sep, name = extra.partition(":")
    LANGUAGES.append((code, name or code))
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska"), ("en", "English"), ("ar", "العربية")]
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Stockholm"
LOCALE_PATHS = [BASE_DIR / "locales"]
LANGUAGE_COOKIE_NAME = "lotsa_language"

# --- Static and media -------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_URL = env("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    # MEDIA_STORAGE_BACKEND lets a city point media at S3-compatible storage (django-storages).
    "default": {"BACKEND": env("MEDIA_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Attachments of applications and final reports: never under MEDIA_URL, read only through the
# download views that check permissions (portal/private_files.py). A folder outside MEDIA_ROOT,
# or a private S3-compatible bucket (PRIVATE_STORAGE_BACKEND=storages.backends.s3.S3Storage).
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))


def private_storage_config(environ=os.environ, location=PRIVATE_MEDIA_ROOT):
    backend = environ.get("PRIVATE_STORAGE_BACKEND", "portal.private_files.PrivateFileSystemStorage")
    if backend.endswith("FileSystemStorage"):
        return {"BACKEND": backend, "OPTIONS": {"location": str(location), "base_url": None}}
    options = {  # django-storages: private objects, short-lived signed URLs if one is ever made
        "bucket_name": environ.get("PRIVATE_STORAGE_BUCKET", ""), "location": environ.get("PRIVATE_STORAGE_PREFIX", ""),
        "default_acl": "private", "querystring_auth": True, "querystring_expire": 60, "file_overwrite": False,
    }
    for name, option in [("PRIVATE_STORAGE_ENDPOINT_URL", "endpoint_url"), ("PRIVATE_STORAGE_REGION", "region_name")]:
        if environ.get(name):
            options[option] = environ[name]
    return {"BACKEND": backend, "OPTIONS": options}


STORAGES["private"] = private_storage_config()
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Wagtail ----------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Lotsa"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# One index, each language stemmed with its own rules on PostgreSQL (see reports/search_backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {
    "BACKEND": "reports.search_backend", "SEARCH_CONFIG": "swedish",
    "LANGUAGE_CONFIGS": {"sv": "swedish", "en": "english", "ar": "arabic"},
}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "csv", "txt"]
WAGTAIL_MODERATION_ENABLED = True
# No avatars from gravatar.com: it would send a hash of staff e-mail addresses to another host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False  # translations go through moderation too
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_COMMENTS_ENABLED = True

# --- Security headers (every environment; production tightens transport) ---------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"  # the site's own page with a way back to the step
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
CONTENT_SECURITY_POLICY = {
    # The Wagtail admin ships inline scripts and styles; it gets its own policy in middleware.
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    "loggers": {"lotsa": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO"), "propagate": False}},
}

# WhiteNoise serves static files from the apps directly when they have not been collected
# (development, tests); production serves the collected, compressed, fingerprinted copies.
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", True)
WHITENOISE_AUTOREFRESH = env_bool("WHITENOISE_AUTOREFRESH", False)
