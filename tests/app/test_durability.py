"""The storage writer's durability watermark, on real SQLite and PostgreSQL: ``durable_mark``
advances only once a group is committed or journaled, never goes back, settles groups with
nothing to write, and what it called durable survives a SIGKILL of the writer's process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from app.config.model import DatabaseConfig
from app.ingest.events import MetaReceived, TelemetryReceived
from app.ingest.payloads import MetaLocation, MetaPayload, MetaPoint
from app.storage import StorageWriter, VolumePolicy, open_database
from tests.app.test_storage_stall import database_locked

ROOT = Path(__file__).resolve().parents[2]
CONFIG = DatabaseConfig(batch_rows=200, flush_interval_s=0.05)


def make_writer(url, tmp_path, **kw) -> StorageWriter:
    kw.setdefault("policy", VolumePolicy(store_all=True))
    kw.setdefault("journal_path", tmp_path / "spill.jsonl")
    return StorageWriter(url, CONFIG, busy_timeout_ms=100, **kw)


def group(g: int, devices: int = 100) -> list[TelemetryReceived]:
    return [TelemetryReceived(f"d{i}", 1e9 + g, {"v": float(g)}, g, 0.0)
            for i in range(devices)]


def count(url: str, where: str = "") -> int:
    engine = open_database(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(f"SELECT count(*) FROM readings {where}")).scalar()
    finally:
        engine.dispose()


def test_durable_mark_follows_the_commit(db_url, tmp_path):
    writer = StorageWriter(db_url, DatabaseConfig(batch_rows=10_000, flush_interval_s=1.0),
                           policy=VolumePolicy(store_all=True),
                           journal_path=tmp_path / "spill.jsonl")
    writer.start()
    try:
        for g in range(3):
            writer.submit(group(g))
        assert writer.mark() == 3
        # the worker holds the rows until its flush interval: not durable yet
        assert not writer.wait_durable(1, timeout=0.3)
        assert writer.durable_mark() == 0 and count(db_url) == 0
        assert writer.wait_durable(3, timeout=30)
        assert count(db_url) == 300  # durable means: in the database now
        assert writer.stats()["spilled"] == 0
    finally:
        writer.stop()


def test_a_stalled_database_makes_groups_durable_in_the_journal(db_url, tmp_path):
    writer = make_writer(db_url, tmp_path)
    writer.start()
    try:
        with database_locked(db_url):
            for g in range(3):
                writer.submit(group(g))
            # the first failed commit moves the open batch to the journal
            assert writer.wait_durable(3, timeout=30)
            assert writer.stats()["journal_pending"] > 0  # there, not in the database
        assert writer.flush(timeout=60)
    finally:
        writer.stop()
    assert count(db_url) == 300


def test_groups_with_nothing_to_write_are_settled(sqlite_url, tmp_path):
    writer = make_writer(sqlite_url, tmp_path, policy=VolumePolicy())  # deadband on
    writer.start()
    try:
        writer.submit([MetaReceived("t1", False, MetaPayload(
            "transformer", "1号变压器", MetaLocation((0.0, 0.0, 0.0)),
            {"temp_c": MetaPoint(unit="°C")}), 1.0)])
        writer.submit([TelemetryReceived("t1", 1000.0, {"temp_c": 60.0}, 1, 0.0)])
        assert writer.wait_durable(writer.mark(), timeout=30)
        before = writer.mark()
        writer.submit([])  # no records: no group, nothing to wait for
        assert writer.mark() == before
        for seq in range(2, 12):  # within the deadband: every group skipped entirely
            writer.submit([TelemetryReceived("t1", 1000.0 + seq, {"temp_c": 60.05}, seq, 0.0)])
        assert writer.wait_durable(writer.mark(), timeout=30)
        assert writer.stats()["skipped_deadband"] == 10
    finally:
        writer.stop()
    assert count(sqlite_url) == 1


def test_spilled_groups_are_durable_and_the_mark_never_goes_back(db_url, tmp_path):
    writer = make_writer(db_url, tmp_path, max_queued=500)
    seen: list[int] = []
    writer.add_durable_listener(seen.append)
    writer.start()
    try:
        with database_locked(db_url):
            for g in range(40):  # 4,000 records against a queue of 500: most spill
                writer.submit(group(g))
            # the worker's failed batch and the queue's backlog went to the journal:
            # everything is durable while the database is still locked
            assert writer.wait_durable(40, timeout=30)
            stats = writer.stats()
            assert stats["spilling"] and stats["journal_pending"] > 0
        assert writer.wait_durable(40, timeout=60)
        assert writer.flush(timeout=60)
    finally:
        writer.stop()
    assert seen == sorted(seen) and seen[-1] == 40
    assert count(db_url) == 4000


CHILD = r"""
import contextlib, sys
from pathlib import Path
from app.config.model import DatabaseConfig
from app.ingest.events import TelemetryReceived
from app.storage import StorageWriter, VolumePolicy
from tests.app.test_storage_stall import database_locked

url = sys.argv[1]
writer = StorageWriter(url, DatabaseConfig(batch_rows=1000, flush_interval_s=0.05),
                       policy=VolumePolicy(store_all=True), max_queued=2000,
                       journal_path=Path(sys.argv[2]), busy_timeout_ms=100)
writer.start()
g = 0

def run(n, locked):
    global g
    for _ in range(n):
        writer.submit([TelemetryReceived(f"d{i}", 1e9 + g, {"v": float(g)}, g, 0.0)
                       for i in range(20)])
        g += 1
        if g % 10 == 0:
            print(writer.durable_mark(), locked, flush=True)

run(300, 0)
with database_locked(url):  # a stall: the backlog and what follows go to the journal
    while True:
        run(100, 1)
"""


def test_what_was_durable_survives_sigkill(db_url, tmp_path):
    open_database(db_url).dispose()
    journal = tmp_path / "child-spill.jsonl"
    child = subprocess.Popen([sys.executable, "-c", CHILD, db_url, str(journal)],
                             stdout=subprocess.PIPE, text=True, cwd=ROOT,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    durable = 0
    deadline = time.monotonic() + 60
    try:
        while True:
            line = child.stdout.readline()
            assert line, "the writer process died on its own"
            mark, locked = map(int, line.split())
            durable = max(durable, mark)
            if locked and durable >= 600:  # well into the stall: spilled groups count
                break
            assert time.monotonic() < deadline, f"durable mark stuck at {durable} in a stall"
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate()
    in_database = count(db_url)
    assert in_database < durable * 20  # the database alone does not hold it all...
    writer = make_writer(db_url, tmp_path, journal_path=journal)
    writer.start()  # ...the journal left behind is replayed
    assert writer.flush(timeout=60)
    assert writer.stop()
    # group g has seq g + 1: every group up to the last durable mark is stored, once
    assert count(db_url, f"WHERE seq < {durable}") == durable * 20
    if db_url.startswith("sqlite"):
        engine = open_database(db_url)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        engine.dispose()
