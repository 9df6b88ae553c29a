"""Backup and restore (PostgreSQL): bin/backup then bin/restore into an empty database gives the
same pages, users and content rows, and the same media and private files."""
import os
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.apps import apps
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def counts(cursor):
    result = {}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        table = model._meta.db_table
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        result[table] = cursor.fetchone()[0]
    return result


@pytest.mark.postgres
@pytest.mark.django_db(transaction=False)
def test_backup_and_restore_round_trip(tmp_path, settings):
    if connection.vendor != "postgresql":
        pytest.skip("backup and restore are for PostgreSQL")
    params = connection.get_connection_params()
    source_name = connection.settings_dict["NAME"]
    base = f"postgres://{params.get('user', 'postgres')}@{params.get('host', '127.0.0.1')}:{params.get('port', 5432)}"
    target_name = f"{source_name}_restore"
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "rapport.pdf").write_bytes(b"%PDF-1.4 demo")
    private = tmp_path / "private-media"
    (private / "applications").mkdir(parents=True)
    (private / "applications" / "0123abcd.pdf").write_bytes(b"%PDF-1.4 attachment")
    env = {**os.environ, "DATABASE_URL": f"{base}/{source_name}", "MEDIA_ROOT": str(media),
           "PRIVATE_MEDIA_ROOT": str(private)}
    subprocess.run([str(ROOT / "bin" / "backup"), str(tmp_path / "bk")], env=env, check=True, capture_output=True)

    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{target_name}"')
        admin.execute(f'CREATE DATABASE "{target_name}"')
    try:
        restored_media = tmp_path / "restored-media"
        restored_private = tmp_path / "restored-private-media"
        env = {**os.environ, "DATABASE_URL": f"{base}/{target_name}", "MEDIA_ROOT": str(restored_media),
               "PRIVATE_MEDIA_ROOT": str(restored_private)}
        subprocess.run([str(ROOT / "bin" / "restore"), str(tmp_path / "bk")], env=env, check=True, capture_output=True)
        with psycopg.connect(f"{base}/{source_name}") as src, psycopg.connect(f"{base}/{target_name}") as dst:
            before, after = counts(src.cursor()), counts(dst.cursor())
            assert before == after
            assert before["wagtailcore_page"] >= 12
            query = "SELECT title FROM wagtailcore_page ORDER BY path"
            assert src.execute(query).fetchall() == dst.execute(query).fetchall()
        assert (restored_media / "documents" / "rapport.pdf").read_bytes() == b"%PDF-1.4 demo"
        assert (restored_private / "applications" / "0123abcd.pdf").read_bytes() == b"%PDF-1.4 attachment"
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{target_name}"')
