"""Several compounds in one database (issue 17 item 7), on real SQLite and PostgreSQL: rows
are kept apart by site in every key, view and count, even with the same device, alarm and
work-order ids; an engine opening another compound's scene on the same database does not
see the first compound's open alarms; a database from before sites is upgraded in place,
its rows adopted by the upgrading site, keys and foreign keys intact."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import msgspec
import sqlalchemy as sa

from app.alarms.model import Severity
from app.config import AppConfig
from app.config.model import CamerasConfig, DatabaseConfig
from app.dispatch.orders import new_order_id
from app.domain.model import Device, Location, PointSpec
from app.ingest.events import GatePassReceived, MetaReceived, TelemetryReceived
from app.runtime.engine import Engine
from app.scene.model import Scene, Site
from app.sources.base import MessageSink, Source
from app.storage import StorageWriter, VolumePolicy, counts, history, open_database, queries
from app.storage.compact import compact
from app.storage.database import current_revision, head_revision

ROOT = Path(__file__).resolve().parents[2]
FAST = DatabaseConfig(batch_rows=500, flush_interval_s=0.05)
DAY = 86400.0


def writer_for(url, tmp_path, site: str) -> StorageWriter:
    return StorageWriter(url, FAST, site=site, policy=VolumePolicy(store_all=True),
                         journal_path=tmp_path / f"spill-{site}.jsonl")


def compound(url, tmp_path, site: str, offset: float) -> None:
    """The same ids in every compound: device m1, gate G1, alarm A1, order W1."""
    writer = writer_for(url, tmp_path, site)
    writer.start()
    writer.submit([MetaReceived("m1", True, None, 1.0)])  # removed, then born again below
    writer.register_devices([Device("m1", "water_meter", f"{site} 水表",
                                    Location((0.0, 0.0, 0.0), "B1", 1), {"flow": PointSpec("")})])
    writer.submit([TelemetryReceived("m1", 1e9 + t, {"flow": offset + t}, t, 0.0)
                   for t in range(10)])
    writer.submit([GatePassReceived("G1", 1e9, "粤B12345", "in", True, 0.0)])
    writer.save_alarm({"id": "A1", "device_id": "m1", "type": "leak", "severity": "HIGH",
                       "state": "raised", "raised_at": 1e9 + offset},
                      {"to_state": "raised", "at": 1e9})
    writer.save_work_order({"id": "W1", "state": "new", "priority": 1, "kind": "plumbing",
                            "created_at": 1e9, "updated_at": 1e9},
                           {"state": "new", "at": 1e9})
    assert writer.stop()


def test_two_compounds_with_the_same_ids_stay_apart(db_url, tmp_path):
    compound(db_url, tmp_path, "东区", 0.0)
    compound(db_url, tmp_path, "west", 100.0)
    engine = open_database(db_url)
    try:
        assert queries.sites(engine) == sorted(["东区", "west"])
        for site, offset in (("东区", 0.0), ("west", 100.0)):
            (device,) = queries.devices(engine, site)
            assert device["name"] == f"{site} 水表"
            assert [v for _, v in queries.latest_readings(engine, site, "m1", "flow", 0)] == [
                offset + t for t in range(10)]
            points = history(engine, site, "m1", "flow", 1e9, 1e9 + 10)
            assert [p.value for p in points] == [offset + t for t in range(10)]
            (alarm,) = queries.alarms(engine, site)
            assert alarm["raised_at"] == 1e9 + offset
            assert len(queries.alarm_transitions(engine, site, "A1")) == 1
            assert [o["id"] for o in queries.work_orders(engine, site)] == ["W1"]
            assert len(queries.gate_passes(engine, site)) == 1
            figures = counts(engine, site)
            assert (figures["devices"], figures["readings"], figures["gate_passes"]) == (1, 10, 1)
            assert figures["alarms"] == {"raised": 1} and figures["work_orders"] == {"new": 1}
        assert counts(engine)["readings"] == 20
        # compaction is per site: folding one compound's history leaves the other's raw
        assert compact(engine, 1e9 + DAY, "west") == 10
        assert counts(engine, "west")["readings"] == 0
        assert counts(engine, "东区")["readings"] == 10
        (minute,) = history(engine, "west", "m1", "flow", 1e9 - 60, 1e9 + 60)
        assert (minute.count, minute.value) == (10, 104.5)  # one minute aggregate
    finally:
        engine.dispose()


class QuietSource(Source):
    name = "quiet"

    def start(self, sink: MessageSink) -> None:
        pass

    def stop(self) -> None:
        pass


def small_scene(site_id: str) -> Scene:
    device = Device("S1-TR-1", "transformer", "1号变压器", Location((1.0, 2.0, 0.0), "S1", 1),
                    {"temp_c": PointSpec("°C", (20.0, 80.0), (0.0, 105.0))})
    return Scene(site=Site(f"{site_id} 小区", site_id=site_id), devices=(device,))


def engine_on(url: str, site_id: str) -> Engine:
    config = AppConfig(database=DatabaseConfig(url=url), cameras=CamerasConfig(enabled=False))
    engine = Engine(config, scene=small_scene(site_id), source=QuietSource())
    engine.start()
    return engine


def test_another_compound_on_the_same_database_does_not_see_the_first_ones_alarms(db_url):
    first = engine_on(db_url, "demo")
    try:
        assert first.scheme.site == "demo"  # mqtt.site unset: the scene's site_id
        first.alarms.book.raise_alarm("S1-TR-1", "temp_c.high", Severity.HIGH, "temp 112")
    finally:
        first.stop()
    other = engine_on(db_url, "north")
    try:
        assert other.alarms.book.open_alarms() == []
    finally:
        other.stop()
    again = engine_on(db_url, "demo")
    try:  # and the first compound gets its alarm back after a restart
        assert [a.type for a in again.alarms.book.open_alarms()] == ["temp_c.high"]
    finally:
        again.stop()
    engine = open_database(db_url)
    try:
        assert counts(engine, "north")["devices"] == counts(engine, "demo")["devices"] == 1
        assert counts(engine, "north")["alarms"] == {}
    finally:
        engine.dispose()


def test_a_database_from_before_sites_is_upgraded_in_place(db_url):
    old = open_database(db_url, revision="0002")
    with old.begin() as conn:
        run = conn.execute
        run(sa.text("INSERT INTO devices (id, kind, name, x, y, z, points, registered_at, "
                    "removed) VALUES ('m1', 'water_meter', '3栋 水表', 0, 0, 0, '{}', 1, false)"))
        run(sa.text("INSERT INTO readings (device_id, point, ts, value) VALUES "
                    "('m1', 'flow', 1.0, 2.5), ('m1', 'flow', 2.0, 3.5)"))
        run(sa.text("INSERT INTO device_events (device_id, ts, kind, data, received_at) "
                    "VALUES ('m1', 1.0, 'leak', '{}', 1.0)"))
        run(sa.text("INSERT INTO alarms (id, type, severity, state, raised_at, count, data) "
                    "VALUES ('A1', 'leak', 'HIGH', 'raised', 1.0, 1, '{}')"))
        run(sa.text("INSERT INTO alarm_transitions (alarm_id, to_state, at, note) VALUES "
                    "('A1', 'raised', 1.0, '')"))
        run(sa.text("INSERT INTO work_orders (id, state, priority, kind, created_at, "
                    "updated_at, data) VALUES ('W1', 'new', 1, 'plumbing', 1, 1, '{}')"))
        run(sa.text("INSERT INTO work_order_events (order_id, state, at, note) VALUES "
                    "('W1', 'new', 1.0, '')"))
    old.dispose()
    engine = open_database(db_url, site="东区")  # the program upgrading it runs 东区
    try:
        with engine.connect() as conn:
            assert current_revision(conn) == head_revision()
        figures = counts(engine, "东区")
        assert (figures["devices"], figures["readings"], figures["device_events"]) == (1, 2, 1)
        assert figures["alarms"] == {"raised": 1} and figures["work_orders"] == {"new": 1}
        assert len(queries.alarm_transitions(engine, "东区", "A1")) == 1
        assert queries.sites(engine) == ["东区"]
        # the new keys hold: the same ids in another site, new serial ids after the old
        writer_rows = {"site": "west", "device_id": "m1", "ts": 1.0, "kind": "leak",
                       "data": {}, "received_at": 1.0}
        with engine.begin() as conn:
            conn.execute(sa.text(
                "INSERT INTO device_events (site, device_id, ts, kind, data, received_at) "
                "VALUES (:site, :device_id, :ts, :kind, :data, :received_at)"),
                {**writer_rows, "data": msgspec.json.encode({}).decode()})
            ids = conn.execute(sa.text("SELECT id FROM device_events ORDER BY id")).scalars()
            assert list(ids) == [1, 2]
        # and the foreign keys still cascade, now by (site, id)
        with engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM alarms WHERE site = '东区' AND id = 'A1'"))
            left = conn.execute(sa.text("SELECT count(*) FROM alarm_transitions")).scalar()
            assert left == 0
    finally:
        engine.dispose()


def test_work_order_ids_are_unique_across_processes_and_sortable_by_time():
    """Two engines (two processes) creating orders in the same second must never hand a
    technician two orders with one id (issue 17: both sent T04 WO-1796475316-0001)."""
    code = ("from app.dispatch.orders import new_order_id\n"
            "print('\\n'.join(new_order_id(1_796_475_316.0) for _ in range(500)))")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
            for _ in range(2)]
    first, second = (run.stdout.split() for run in runs)
    assert len(set(first)) == len(set(second)) == 500 and not set(first) & set(second)
    assert new_order_id(1_796_475_316.0) < new_order_id(1_796_475_317.0)
