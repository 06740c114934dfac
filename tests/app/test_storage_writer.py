"""StorageWriter on real SQLite and PostgreSQL: exactly-once storage, deadband and
heartbeat, flush on stop, CJK round trip, entities, poison rows, aggregated rejects."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.config.model import DatabaseConfig
from app.ingest.events import (
    DeviceEventReceived,
    GatePassReceived,
    MetaReceived,
    TelemetryReceived,
)
from app.ingest.payloads import MetaLocation, MetaPayload, MetaPoint
from app.ingest.rejects import RejectLedger
from app.storage import StorageWriter, VolumePolicy, open_database, queries
from app.storage.rows import TableRows

FAST = DatabaseConfig(batch_rows=500, flush_interval_s=0.05)


def make_writer(url, tmp_path, config=FAST, **kw) -> StorageWriter:
    kw.setdefault("policy", VolumePolicy(store_all=True))
    return StorageWriter(url, config, journal_path=tmp_path / "spill.jsonl", **kw)


def scalar(url, sql):
    engine = open_database(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(sql)).scalar()
    finally:
        engine.dispose()


def telemetry(device, ts, seq=None, **values):
    return TelemetryReceived(device, float(ts), {k: float(v) for k, v in values.items()},
                             seq, float(ts))


def meta(device, name="3栋 水表", kind="water_meter", building="3栋", units=None):
    points = {p: MetaPoint(unit=u) for p, u in (units or {"flow": "m³/h"}).items()}
    return MetaReceived(device, False, MetaPayload(kind, name, MetaLocation(
        (1.0, 2.0, 3.0), building, -1, "泵房"), points), 100.0)


def test_redelivered_telemetry_is_stored_exactly_once(db_url, tmp_path):
    batch = [telemetry(f"d{i}", 1000 + j, seq=j, a=j, b=-j) for i in range(20)
             for j in range(10)]
    writer = make_writer(db_url, tmp_path)
    writer.start()
    writer.submit(batch)
    writer.submit(batch[:50] + batch[:50])  # QoS 1 re-delivery, twice in one batch
    assert writer.stop()
    again = make_writer(db_url, tmp_path)  # an engine restart gets the backlog once more
    again.start()
    again.submit(batch)
    assert again.stop()
    assert scalar(db_url, "SELECT count(*) FROM readings") == 400
    assert scalar(db_url, "SELECT count(DISTINCT seq) FROM readings") == 10


def test_deadband_and_heartbeat_decide_what_is_stored(db_url, tmp_path):
    writer = make_writer(db_url, tmp_path, policy=VolumePolicy(heartbeat_s=900))
    writer.start()
    writer.submit([meta("t1", kind="transformer", units={"temp_c": "°C", "x": "furlong"})])
    temps = [(0, 20.0), (10, 20.1), (20, 20.15), (30, 20.25), (40, 20.3), (1000, 20.3),
             (1010, 20.3)]
    writer.submit([telemetry("t1", 1e6 + ts, temp_c=v) for ts, v in temps])
    # unknown unit: 0.5 % of the last stored value
    writer.submit([telemetry("t1", 1e6 + ts, x=v) for ts, v in [(0, 100), (5, 100.4),
                                                                 (6, 100.6)]])
    assert writer.stop()
    engine = open_database(db_url)
    stored = queries.latest_readings(engine, "demo", "t1", "temp_c", 0)
    assert [(ts - 1e6, v) for ts, v in stored] == [(0, 20.0), (30, 20.25), (1000, 20.3)]
    assert [v for _, v in queries.latest_readings(engine, "demo", "t1", "x", 0)] == [100, 100.6]
    engine.dispose()
    assert writer.stats()["skipped_deadband"] == 5


def test_stop_flushes_everything_queued(db_url, tmp_path):
    slow = DatabaseConfig(batch_rows=100_000, flush_interval_s=60)  # no flush by itself
    writer = make_writer(db_url, tmp_path, config=slow)
    writer.start()
    for k in range(30):
        writer.submit([telemetry(f"d{i}", 1000 + k, v=i) for i in range(100)])
    writer.submit([DeviceEventReceived("d1", 5.0, "door_forced", {"门": "东门"}, 5.0)])
    assert writer.stop(timeout=30)
    assert scalar(db_url, "SELECT count(*) FROM readings") == 3000
    assert scalar(db_url, "SELECT count(*) FROM device_events") == 1
    assert writer.stats()["written"] == 3001


def test_cjk_names_and_plates_round_trip(db_url, tmp_path):
    writer = make_writer(db_url, tmp_path)
    writer.start()
    writer.submit([meta("水表-3-01"),
                   GatePassReceived("北门", 10.0, "粤B12345", "in", True, 10.0),
                   GatePassReceived("北门", 11.0, "京A·D1234", "out", None, 11.0)])
    assert writer.stop()
    engine = open_database(db_url)
    (device,) = queries.devices(engine, "demo")
    assert (device["id"], device["name"], device["building"], device["room"]) == (
        "水表-3-01", "3栋 水表", "3栋", "泵房")
    assert device["points"] == {"flow": {"unit": "m³/h"}}
    assert [p["plate"] for p in queries.gate_passes(engine, "demo", plate="粤B12345")] == ["粤B12345"]
    assert queries.gate_passes(engine, "demo")[1]["gate_id"] == "北门"
    engine.dispose()


def test_meta_removal_marks_the_device_removed(db_url, tmp_path):
    writer = make_writer(db_url, tmp_path)
    writer.start()
    writer.submit([meta("a"), meta("b")])
    writer.flush()
    writer.submit([MetaReceived("a", True, None, 200.0)])
    assert writer.stop()
    engine = open_database(db_url)
    assert [d["id"] for d in queries.devices(engine, "demo")] == ["b"]
    assert queries.counts(engine)["devices_removed"] == 1
    engine.dispose()


def test_alarms_and_work_orders_upsert_with_history(db_url, tmp_path):
    writer = make_writer(db_url, tmp_path)
    writer.start()
    alarm = {"id": "A1", "device_id": "t1", "type": "over_temp", "severity": "high",
             "state": "raised", "raised_at": 10.0, "last_value": 95.0, "rule": "温度>90"}
    writer.save_alarm(alarm, transition={"to_state": "raised", "at": 10.0})
    writer.save_alarm({**alarm, "state": "acknowledged", "acknowledged_at": 20.0,
                       "acknowledged_by": "张工", "count": 2},
                      transition={"from_state": "raised", "to_state": "acknowledged",
                                  "at": 20.0, "by": "张工"})
    assert writer.stop()
    engine = open_database(db_url)
    queries.save_work_order(engine, "demo", {"id": "W1", "state": "assigned", "priority": 1,
                                     "kind": "electrical", "created_at": 21.0,
                                     "updated_at": 21.0, "xyz": (1, 2, 3),
                                     "assigned_tech": "李师傅"},
                            event={"state": "assigned", "at": 21.0})
    (row,) = queries.alarms(engine, "demo")
    assert (row["state"], row["acknowledged_by"], row["count"]) == ("acknowledged", "张工", 2)
    assert row["data"] == {"rule": "温度>90"}
    assert [t["to_state"] for t in queries.alarm_transitions(engine, "demo", "A1")] == [
        "raised", "acknowledged"]
    counts = queries.counts(engine)
    assert counts["alarms"] == {"acknowledged": 1}
    assert counts["work_orders"] == {"assigned": 1}
    assert queries.work_orders(engine, "demo")[0]["x"] == 1.0
    engine.dispose()


def test_alarm_record_without_required_fields_is_refused_at_once(sqlite_url, tmp_path):
    writer = make_writer(sqlite_url, tmp_path)
    with pytest.raises(ValueError, match="severity"):
        writer.save_alarm({"id": "A", "type": "t", "state": "raised", "raised_at": 1.0})


def test_a_row_the_database_refuses_is_counted_and_the_rest_stored(db_url, tmp_path):
    writer = make_writer(db_url, tmp_path)
    writer.start()
    writer.submit([telemetry("d1", 1.0, v=1)])
    # a transition for an alarm that does not exist breaks the foreign key
    writer.submit([TableRows("alarm_transitions", [
        {"alarm_id": "ghost", "from_state": None, "to_state": "raised", "at": 1.0,
         "by": None, "note": ""}])])
    writer.submit([telemetry("d1", 2.0, v=2)])
    assert writer.stop()
    stats = writer.stats()
    assert stats["bad_rows"] == 1 and "alarm_transitions" in stats["last_error"]
    assert scalar(db_url, "SELECT count(*) FROM readings") == 2


def test_rejects_are_stored_aggregated_not_one_row_each(db_url, tmp_path):
    ledger = RejectLedger()
    for i in range(5000):
        ledger.reject("invalid_json", "cr/demo/dev/x/telemetry", b"{oops" + bytes([i % 250]),
                      "bad json")
    ledger.reject("oversized", "cr/demo/dev/y/telemetry", b"x" * 70000, "too big")
    writer = make_writer(db_url, tmp_path)
    writer.attach_ledger(ledger)
    writer.start()
    assert writer.stop()
    assert scalar(db_url, "SELECT count(*) FROM rejects") == 2
    engine = open_database(db_url)
    assert queries.counts(engine)["rejects"] == {"invalid_json": 5000, "oversized": 1}
    engine.dispose()
