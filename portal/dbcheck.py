"""Turn a wrong DATABASE_URL into a one-line explanation instead of a traceback."""
import os
import sys

# Commands that never touch the database.
NO_DATABASE = {"help", "makemessages", "compilemessages", "translate_strings", "collectstatic", "version", "--version", "-h", "--help"}


def describe_database_url(url: str) -> str:
    """The URL without its password, safe to print."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@"))
    return parts.geturl()


def check_database_reachable(argv):
    """Connect once before running a command; exit with one line if the database is unreachable."""
    url = os.environ.get("DATABASE_URL")
    if not url or len(argv) < 2 or argv[1] in NO_DATABASE:
        return
    import django
    from django.db import connections
    from django.db.utils import OperationalError

    django.setup()
    try:
        connections["default"].ensure_connection()
    except OperationalError as exc:
        text = str(exc).strip()
        first_line = text.splitlines()[0] if text else exc.__class__.__name__
        sys.exit(f"Lotsa cannot reach the database in DATABASE_URL ({describe_database_url(url)}): {first_line}")
