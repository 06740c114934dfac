"""Downsampling to 1-minute aggregates and reading history back, on both backends."""

from __future__ import annotations

import sqlalchemy as sa

from app.config.model import DatabaseConfig
from app.storage import StorageWriter, VolumePolicy, history, open_database
from app.storage.compact import compact
from app.storage.rows import write_rows

DAY = 86400.0
NOW = 1_764_000_000.0  # a minute boundary (divisible by 60)


def insert(engine, rows):
    with engine.begin() as conn:
        write_rows(conn, "readings", [
            {"site": "demo", "device_id": d, "point": p, "ts": ts, "value": v, "seq": None}
            for d, p, ts, v in rows])


def table(engine, sql):
    with engine.connect() as conn:
        return conn.execute(sa.text(sql)).all()


def test_old_raw_rows_become_correct_minute_aggregates(db_url):
    engine = open_database(db_url)
    old = NOW - 20 * DAY
    # two minutes of one point, one minute of another, and recent rows that must stay raw
    insert(engine, [("m1", "flow", old + 1, 4.0), ("m1", "flow", old + 30, 1.0),
                    ("m1", "flow", old + 59.5, 7.0), ("m1", "flow", old + 61, 10.0),
                    ("m2", "temp", old + 5, -3.0), ("m2", "temp", old + 7200, 2.0),
                    ("m1", "flow", NOW - DAY, 5.0)])
    folded = compact(engine, NOW - 14 * DAY, "demo")
    assert folded == 6
    aggs = table(engine, "SELECT device_id, point, minute - :m, count, min, max, mean, last "
                 "FROM reading_aggregates ORDER BY device_id, minute".replace(":m", str(int(old))))
    assert aggs == [("m1", "flow", 0, 3, 1.0, 7.0, 4.0, 7.0),
                    ("m1", "flow", 60, 1, 10.0, 10.0, 10.0, 10.0),
                    ("m2", "temp", 0, 1, -3.0, -3.0, -3.0, -3.0),
                    ("m2", "temp", 7200, 1, 2.0, 2.0, 2.0, 2.0)]
    assert table(engine, "SELECT ts, value FROM readings") == [(NOW - DAY, 5.0)]
    # idempotent, and a late raw row for a compacted minute merges into it
    assert compact(engine, NOW - 14 * DAY, "demo") == 0
    insert(engine, [("m1", "flow", old + 20, 12.0)])
    assert compact(engine, NOW - 14 * DAY, "demo") == 1
    (merged,) = table(engine, f"SELECT count, min, max, mean, last FROM reading_aggregates "
                              f"WHERE device_id = 'm1' AND minute = {int(old)}")
    assert merged == (4, 1.0, 12.0, 6.0, 7.0)  # last stays the latest (t+59.5)
    engine.dispose()


def test_history_joins_aggregates_and_raw_and_caps_points(db_url):
    engine = open_database(db_url)
    start = NOW - 20 * DAY
    insert(engine, [("p", "v", start + i * 10.0, float(i % 7)) for i in range(600)])
    compact(engine, start + 3000, "demo")  # the first 300 rows become 50 minute aggregates
    full = history(engine, "demo", "p", "v", start, start + 6000, max_points=1000)
    assert len(full) == 50 + 300
    assert full[0].count == 6 and full[-1].count == 1
    assert sum(p.count for p in full) == 600
    assert [p.ts for p in full] == sorted(p.ts for p in full)
    capped = history(engine, "demo", "p", "v", start, start + 6000, max_points=20)
    assert len(capped) == 20 and sum(p.count for p in capped) == 600
    assert min(p.min for p in capped) == 0.0 and max(p.max for p in capped) == 6.0
    mean = sum(p.value * p.count for p in capped) / 600
    assert abs(mean - sum(i % 7 for i in range(600)) / 600) < 1e-9
    assert history(engine, "demo", "p", "v", start + 6000, start + 7000) == []
    engine.dispose()


def test_writer_compacts_with_its_retention(sqlite_url, tmp_path):
    writer = StorageWriter(sqlite_url, DatabaseConfig(raw_retention_days=1.0),
                           policy=VolumePolicy(store_all=True),
                           journal_path=tmp_path / "j.jsonl", clock=lambda: NOW)
    writer.start()
    engine = writer.engine
    insert(engine, [("a", "b", NOW - 2 * DAY, 1.0), ("a", "b", NOW - 0.5 * DAY, 2.0)])
    assert writer.compact() == 1
    assert writer.stats()["compacted_rows"] == 1
    assert writer.stop()
