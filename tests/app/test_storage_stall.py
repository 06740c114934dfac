"""A stalled database: memory stays bounded (the queue spills to the journal), the backlog is
reported, and nothing is lost once the database takes writes again, even across a stop.

The stall is real: on SQLite another connection holds an EXCLUSIVE transaction; on
PostgreSQL another session holds an ACCESS EXCLUSIVE lock on the readings table.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time

import sqlalchemy as sa

from app.config.model import DatabaseConfig
from app.ingest.events import TelemetryReceived
from app.storage import StorageWriter, VolumePolicy, open_database

MAX_QUEUED = 1000
BATCH_ROWS = 200


@contextlib.contextmanager
def database_locked(url: str):
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        conn.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            conn.execute("ROLLBACK")
            conn.close()
    else:
        engine = sa.create_engine(url)
        with engine.connect() as conn:
            conn.execute(sa.text("LOCK TABLE readings IN ACCESS EXCLUSIVE MODE"))
            try:
                yield
            finally:
                conn.rollback()
        engine.dispose()


def writer_for(url, tmp_path) -> StorageWriter:
    return StorageWriter(url, DatabaseConfig(batch_rows=BATCH_ROWS, flush_interval_s=0.05),
                         policy=VolumePolicy(store_all=True), max_queued=MAX_QUEUED,
                         journal_path=tmp_path / "spill.jsonl", busy_timeout_ms=100)


def flood(writer, first, n_batches, per_batch=100, watch=None):
    for b in range(first, first + n_batches):
        writer.submit([TelemetryReceived(f"d{i}", 1000.0 + b, {"v": float(b)}, b, 0.0)
                       for i in range(per_batch)])
        if watch is not None:
            watch.append(writer.stats()["queued"])


def readings(url) -> int:
    engine = open_database(url)
    with engine.connect() as conn:
        n = conn.execute(sa.text("SELECT count(*) FROM readings")).scalar()
    engine.dispose()
    return n


def test_stall_keeps_memory_bounded_and_loses_nothing(db_url, tmp_path):
    writer = writer_for(db_url, tmp_path)
    writer.start()
    queued: list[int] = []
    with database_locked(db_url):
        flood(writer, 0, 100, watch=queued)  # 10,000 records while nothing can commit
        time.sleep(0.3)
        stalled = writer.stats()
    assert max(queued) <= MAX_QUEUED
    assert stalled["spilling"] and stalled["spilled"] >= 10_000 - MAX_QUEUED - BATCH_ROWS
    assert stalled["journal_pending"] > 0 and stalled["dropped"] == 0
    flood(writer, 100, 10)  # more arrive while it catches up
    assert writer.flush(timeout=60)
    done = writer.stats()
    assert not done["spilling"] and done["journal_pending"] == 0 and done["journal_bytes"] == 0
    assert writer.stop()
    assert readings(db_url) == 11_000


def test_stop_while_stalled_keeps_the_backlog_for_the_next_start(db_url, tmp_path):
    writer = writer_for(db_url, tmp_path)
    writer.start()
    with database_locked(db_url):
        flood(writer, 0, 30)
        assert writer.stop(timeout=1.0) is False  # could not reach the database
        assert (tmp_path / "spill.jsonl").stat().st_size > 0
    assert readings(db_url) == 0
    again = writer_for(db_url, tmp_path)
    again.start()  # replays the journal left behind
    assert again.flush(timeout=60)
    assert again.stop()
    assert readings(db_url) == 3000
    assert not (tmp_path / "spill.jsonl").exists()
