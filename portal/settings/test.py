"""Tests: a real database (SQLite by default, PostgreSQL when DATABASE_URL says so), fast hashing,
e-mail kept in memory, tasks run at once."""
import os
import tempfile

from .base import *  # noqa: F401,F403
from .base import DATABASES, STORAGES, env, private_storage_config

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-private-media"  # noqa: F405
STORAGES = {**STORAGES, "private": private_storage_config({}, PRIVATE_MEDIA_ROOT)}  # noqa: F405
if not env("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
LOTSA_REQUIRE_MFA = False  # tests that check it turn it on with the settings fixture

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file (in RAM where /dev/shm exists), not Django's shared in-memory database: the browser
    # tests' live server then gives each request thread a connection of its own with SQLite's
    # real locking, as on PostgreSQL. Sharing the test thread's one connection with the server's
    # threads let them collide ("database table is locked") and once hung a CI run.
    # pytest-django appends the xdist worker to the name; the process id keeps two runs apart.
    _ram = "/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir()
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(_ram, f"lotsa-test-{os.getpid()}.sqlite3")}
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,  # seconds a writer waits for another connection's transaction
        "transaction_mode": "IMMEDIATE",  # take the write lock at BEGIN: no upgrade deadlocks
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF",
    }
