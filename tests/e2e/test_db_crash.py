"""SIGKILL during heavy writes: the database opens cleanly and holds at least every reading
the writer reported as committed before the kill. The writer runs in a child process; on
SQLite and on PostgreSQL (where the client, not the server, is killed)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from app.storage import open_database

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import sys, time
from pathlib import Path
from app.config.model import DatabaseConfig
from app.ingest.events import TelemetryReceived
from app.storage import StorageWriter, VolumePolicy

writer = StorageWriter(sys.argv[1], DatabaseConfig(batch_rows=2000, flush_interval_s=0.05),
                       policy=VolumePolicy(store_all=True), journal_path=Path(sys.argv[2]))
writer.start()
print("started", flush=True)
t = 0
last = time.monotonic()
while True:
    writer.submit([TelemetryReceived(f"d{i}", 1e9 + t, {"v": float(t), "w": 1.0}, t, 0.0)
                   for i in range(250)])
    t += 1
    now = time.monotonic()
    if now - last > 0.02:
        last = now
        print(writer.stats()["readings_written"], flush=True)
    if writer.stats()["queued"] > 20000:
        time.sleep(0.01)
"""


def test_sigkill_mid_write_loses_nothing_reported(db_url, tmp_path):
    open_database(db_url).dispose()  # schema first, so the child only writes
    child = subprocess.Popen([sys.executable, "-c", CHILD, db_url, str(tmp_path / "j.jsonl")],
                             stdout=subprocess.PIPE, text=True, cwd=ROOT,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    reported = 0
    try:
        assert child.stdout.readline().strip() == "started"
        deadline = time.monotonic() + 30
        while reported < 30_000 and time.monotonic() < deadline:
            line = child.stdout.readline()
            assert line, "the writer process died on its own"
            reported = int(line)
    finally:
        child.send_signal(signal.SIGKILL)
        rest = child.stdout.read()
        child.wait()
    reported = max([reported, *(int(x) for x in rest.split())])
    assert reported >= 30_000, "the writer never got going"
    engine = open_database(db_url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            stored = conn.execute(sa.text("SELECT count(*) FROM readings")).scalar()
    finally:
        engine.dispose()
    assert stored >= reported
