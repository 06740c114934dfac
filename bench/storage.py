"""Storage write-rate benchmark: batched readings per second through the real StorageWriter.

``write_rate(url, rows)`` is what ``bench ingest`` calls for SQLite and PostgreSQL. Run it
alone with ``python -m bench.storage [--db URL] [--rows N]`` (default: a temporary SQLite
file); it also measures the bytes one stored reading costs on SQLite (docs/storage.md).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
import uuid
from pathlib import Path

from app.config.model import DatabaseConfig
from app.ingest.events import TelemetryReceived
from app.storage import StorageWriter, VolumePolicy

POINTS_PER_MESSAGE = 10  # gateways batch readings; one event carries ten points


def _events(rows: int, prefix: str) -> list[list[TelemetryReceived]]:
    t0 = time.time()
    points = [f"p{k}" for k in range(POINTS_PER_MESSAGE)]
    batches, batch = [], []
    for i in range(rows // POINTS_PER_MESSAGE):
        device = f"{prefix}-{i % 1000:04d}"
        ts = t0 + i // 1000
        batch.append(TelemetryReceived(device, ts, {p: float(i + k) for k, p in
                                                    enumerate(points)}, i, ts))
        if len(batch) == 100:
            batches.append(batch)
            batch = []
    if batch:
        batches.append(batch)
    return batches


def write_rate(url: str, rows: int, *, batch_rows: int = 2000) -> float:
    """Readings per second from the first submit until all are committed (every reading
    stored: no deadband), on the database at ``url`` (schema created if needed)."""
    with tempfile.TemporaryDirectory() as tmp:
        writer = StorageWriter(url, DatabaseConfig(batch_rows=batch_rows, flush_interval_s=0.2),
                               policy=VolumePolicy(store_all=True), max_queued=rows + 1,
                               journal_path=Path(tmp) / "spill.jsonl")
        batches = _events(rows, uuid.uuid4().hex[:8])
        writer.start()
        try:
            start = time.perf_counter()
            for batch in batches:
                writer.submit(batch)
            if not writer.flush(timeout=600):
                raise RuntimeError(f"the writer did not finish: {writer.stats()}")
            elapsed = time.perf_counter() - start
            written = writer.stats()["readings_written"]
        finally:
            writer.stop()
    return written / elapsed


def sqlite_bytes_per_reading(rows: int = 200_000) -> float:
    """File bytes per stored reading on SQLite (WAL checkpointed, realistic ids)."""
    import sqlalchemy as sa

    from app.storage import open_database

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/size.db"
        open_database(url).dispose()
        empty = os.path.getsize(f"{tmp}/size.db")
        write_rate(url, rows)
        engine = open_database(url)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            n = conn.execute(sa.text("SELECT count(*) FROM readings")).scalar()
        engine.dispose()
        return (os.path.getsize(f"{tmp}/size.db") - empty) / n


def run(args: argparse.Namespace) -> dict[str, object]:
    rows = 20_000 if getattr(args, "quick", False) else args.rows
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{tmp}/bench.db"
        figures: dict[str, object] = {"db": url.split(":", 1)[0], "rows": rows,
                                      "write_rows_per_s": round(write_rate(url, rows))}
    figures["sqlite_bytes_per_reading"] = round(sqlite_bytes_per_reading(min(rows, 200_000)),
                                                1)
    return figures


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", help="database URL (default: temporary SQLite)")
    parser.add_argument("--rows", type=int, default=200_000)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(parser)
    parser.add_argument("--quick", action="store_true")
    print(json.dumps(run(parser.parse_args())))


def growth(hours: float = 0.5, step_s: float = 10.0) -> dict[str, float]:
    """Run the demo compound's simulator through ingest into a SQLite writer with the default
    volume policy; the change rate it measures and the projected growth per 10,000 devices
    per day (raw rows, before downsampling)."""
    import sqlalchemy as sa

    from app import paths
    from app.ingest.pipeline import Ingest
    from app.ingest.topics import TopicScheme
    from app.scene.loader import load_scene
    from app.sources.base import RawMessage
    from app.sources.simulator import CompoundSimulator
    from app.state.store import StateStore

    scene = load_scene(paths.demo_scene_dir())
    scheme = TopicScheme("cr", "demo")
    sim = CompoundSimulator(scene, scheme, seed=7)
    ingest = Ingest(StateStore(scene.devices), scheme, max_clock_skew_s=None)
    received = [0]

    def count(events: list) -> None:
        received[0] += sum(len(e.values) for e in events if isinstance(e, TelemetryReceived))

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/growth.db"
        writer = StorageWriter(url, DatabaseConfig(), journal_path=Path(tmp) / "j.jsonl")
        writer.start()
        empty = os.path.getsize(f"{tmp}/growth.db")
        ingest.subscribe(count)
        ingest.subscribe(writer.submit)
        t = t0 = time.time() - hours * 3600
        ingest.handle_batch([RawMessage(tp, p, t) for tp, p, _ in sim.birth(t)])
        while t < t0 + hours * 3600:
            t += step_s
            ingest.handle_batch([RawMessage(tp, p, t) for tp, p, _ in sim.advance(t)])
        writer.flush(600)
        stored = writer.stats()["readings_written"]
        writer.stop()
        engine = open_database_quiet(url)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            rows = conn.execute(sa.text("SELECT count(*) FROM readings")).scalar()
        engine.dispose()
        size = os.path.getsize(f"{tmp}/growth.db") - empty
    devices = len(scene.devices)
    per_device_day = rows / devices / hours * 24
    return {"devices": devices, "sim_hours": hours, "readings_received": received[0],
            "readings_stored": stored, "stored_fraction": round(rows / max(received[0], 1), 4),
            "stored_per_device_per_day": round(per_device_day, 1),
            "bytes_per_stored_reading": round(size / max(rows, 1), 1),
            "mb_per_10k_devices_per_day": round(per_device_day * 10_000 * size / max(rows, 1)
                                                / 1e6, 1)}


def open_database_quiet(url: str):
    from app.storage import open_database

    return open_database(url)
