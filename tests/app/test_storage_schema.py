"""Schema: migrations create every table, an older schema is migrated, a newer one refused,
and user mistakes in the URL are one-line StorageErrors. On SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.storage import StorageError, open_database
from app.storage.database import create_engine, current_revision, head_revision
from app.storage.migrations import HEAD_REVISION
from app.storage.models import Base

TABLES = {"devices", "readings", "reading_aggregates", "device_events", "gate_passes",
          "meter_hours", "tariff_versions", "charger_sessions", "parking_occupancy",
          "parking_rebases",
          "rejects", "alarms", "alarm_transitions", "work_orders", "work_order_events",
          "users", "console_sessions", "audit_log", "audit_checkpoints", "training_results",
          "alembic_version"}


def test_new_database_gets_every_table_at_head(db_url):
    engine = open_database(db_url)
    try:
        assert set(sa.inspect(engine).get_table_names()) == TABLES
        with engine.connect() as conn:
            assert current_revision(conn) == head_revision()
            # the migrations and the models describe the same schema
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_sqlite_runs_in_wal_with_normal_sync(sqlite_url):
    engine = open_database(sqlite_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    engine.dispose()


def test_older_schema_is_migrated_and_keeps_its_data(db_url):
    old = open_database(db_url, revision="0001")
    assert "alarms" not in sa.inspect(old).get_table_names()
    with old.begin() as conn:
        conn.execute(sa.text("INSERT INTO readings (device_id, point, ts, value, seq) "
                             "VALUES ('3栋-水表-01', 'flow', 1.5, 2.5, 7)"))
    old.dispose()
    engine = open_database(db_url)
    try:
        with engine.connect() as conn:
            assert current_revision(conn) == head_revision()
            assert conn.execute(sa.text("SELECT device_id, value FROM readings")).all() == [
                ("3栋-水表-01", 2.5)]
        assert "alarms" in sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_newer_schema_is_refused_with_one_clear_line(db_url):
    engine = open_database(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()
    with pytest.raises(StorageError) as info:
        open_database(db_url)
    message = str(info.value)
    assert "0099" in message and "does not know" in message and "\n" not in message
    # and nothing was changed in the refused database
    check = create_engine(db_url)
    with check.connect() as conn:
        assert current_revision(conn) == "0099"
    check.dispose()


@pytest.mark.parametrize("url, words", [
    ("not a url", "not a database URL"),
    ("mysql://u@h/db", "unsupported database"),
    ("sqlite:////no/such/folder/x.db", "does not exist"),
    ("postgresql+psycopg://u:hunter2@127.0.0.1:1/db", "cannot open"),
])
def test_bad_urls_are_one_line_errors_without_secrets(url, words):
    with pytest.raises(StorageError) as info:
        open_database(url)
    message = str(info.value)
    assert words in message and "\n" not in message and "hunter2" not in message


def test_the_head_revision_constant_is_alembics_head():
    # a database at HEAD_REVISION opens without Alembic: a new migration must move it
    assert head_revision() == HEAD_REVISION


def test_a_database_at_head_opens_without_importing_alembic(sqlite_url):
    open_database(sqlite_url).dispose()  # created and migrated (Alembic runs here)
    code = ("import sys; from app.storage import open_database; "
            f"open_database({sqlite_url!r}).dispose(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    assert out.strip() == "[]"
