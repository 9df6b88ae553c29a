#!/usr/bin/env python
"""Django's command-line utility for Lotsa."""
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    from django.core.management import execute_from_command_line

    from portal.dbcheck import check_database_reachable

    check_database_reachable(sys.argv)
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
