"""Ingest: every reject reason of CONTRACTS is reachable, births register devices, unknown
devices are listed and can be registered, QoS 1 duplicates are dropped, CJK survives."""

from __future__ import annotations

import json
import time

import pytest

from app.domain.kinds import Level
from app.domain.model import Device, Location, PointSpec
from app.ingest import events as ev
from app.ingest.pipeline import Ingest
from app.ingest.rejects import REASONS
from app.ingest.topics import TopicScheme
from app.sources.base import RawMessage
from app.state.store import StateStore

SCHEME = TopicScheme("cr", "demo")
NOW = time.time()
NOW_MS = int(NOW * 1000)


def make_ingest(*device_ids: str) -> Ingest:
    devices = [Device(d, "transformer", f"变压器 {d}", Location((1.0, 2.0, 0.0), "B3", -1),
                      {"temp_c": PointSpec("°C", normal=(0, 80), limits=(-20, 100))})
               for d in device_ids]
    return Ingest(StateStore(devices), SCHEME, park_unknown_s=30.0)


def msg(topic: str, payload: object, at: float = NOW) -> RawMessage:
    if isinstance(payload, bytes):
        body = payload
    else:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    return RawMessage(f"cr/demo/{topic}", body, at)


def telemetry(device: str, seq: int | None, ts: int = NOW_MS, **values: float) -> RawMessage:
    body: dict = {"ts": ts, "values": values or {"temp_c": 50.0}}
    if seq is not None:
        body["seq"] = seq
    return msg(f"dev/{device}/telemetry", body)


def reasons(ingest: Ingest) -> dict[str, int]:
    return {k: v for k, v in ingest.ledger.snapshot()[0].items() if v}


HOSTILE = {
    "not_our_topic": RawMessage("other/demo/dev/t1/telemetry", b"{}", NOW),
    "oversized": msg("dev/t1/telemetry", b'{"ts":1,"values":{},"x":"' + b"a" * 70_000 + b'"}'),
    "not_utf8": msg("dev/t1/telemetry", b'{"ts":1,"values":{"\xff\xfe":1}}'),
    "invalid_json": msg("dev/t1/telemetry", b'{"ts":1,"values":'),
    "schema": msg("dev/t1/telemetry", {"ts": NOW_MS, "values": {"temp_c": "hot"}}),
    "non_finite": msg("dev/t1/telemetry", b'{"ts":%d,"values":{"temp_c":1e999}}' % NOW_MS),
    "nul_char": msg("dev/t1/event", b'{"ts":%d,"kind":"smoke\\u0000"}' % NOW_MS),
    "unknown_device": telemetry("ghost-1", 1),
    "clock_skew": telemetry("t1", 1, ts=NOW_MS - 86_400_000),
}


@pytest.mark.parametrize("reason", sorted(HOSTILE))
def test_each_reject_reason_is_reachable_and_keeps_a_sample(reason: str) -> None:
    ingest = make_ingest("t1")
    assert ingest.handle_batch([HOSTILE[reason]]) == []
    ingest.expire_parked(time.time() + 31)  # an unknown device's message waits for a birth
    assert reasons(ingest) == {reason: 1}
    sample = ingest.ledger.snapshot()[1][reason]
    assert sample.topic == HOSTILE[reason].topic and sample.detail
    assert len(sample.payload_head) <= 512
    assert ingest.counts() == {"received": 1, "accepted": 0, "rejected": 1, "parked": 0}


def test_duplicate_is_the_last_reason_and_every_reason_is_covered() -> None:
    ingest = make_ingest("t1")
    ingest.handle_batch([telemetry("t1", 5), telemetry("t1", 5)])
    assert reasons(ingest) == {"duplicate": 1}
    assert set(HOSTILE) | {"duplicate"} == set(REASONS)


def test_bad_input_does_not_stop_the_rest_of_the_batch() -> None:
    ingest = make_ingest("t1")
    batch = [*HOSTILE.values(), telemetry("t1", 9, temp_c=71.5)]
    out = ingest.handle_batch(batch)
    assert [type(e) for e in out] == [ev.TelemetryReceived]
    assert ingest.store.get("t1").values["temp_c"] == 71.5
    c = ingest.counts()
    assert c["received"] == c["accepted"] + c["rejected"] + c["parked"] == len(batch)
    assert c["parked"] == 1


def test_birth_registers_device_empty_meta_removes_it() -> None:
    ingest = make_ingest()
    birth = {"kind": "water_pump", "name": "2号楼 生活水泵", "report_interval_s": 30,
             "location": {"building": "B2", "floor": -1, "xyz": [10, 20, -3]},
             "points": {"pressure_kpa": {"unit": "kPa"}}}
    ingest.handle_batch([msg("dev/p1/meta", birth), telemetry("p1", 1, pressure_kpa=310.0)])
    device = ingest.store.device("p1")
    assert device is not None and device.kind == "water_pump" and device.name == "2号楼 生活水泵"
    assert device.points["pressure_kpa"].unit == "kPa" and device.report_interval_s == 30
    assert ingest.store.get("p1").values == {"pressure_kpa": 310.0}
    ingest.handle_batch([msg("dev/p1/meta", b""), telemetry("p1", 2)])
    assert ingest.store.device("p1") is None
    assert ingest.counts()["parked"] == 1
    ingest.expire_parked(time.time() + 31)
    assert reasons(ingest) == {"unknown_device": 1}


def test_birth_keeps_scene_limits_and_unknown_kind_is_a_schema_reject() -> None:
    ingest = make_ingest("t1")
    ingest.handle_batch([msg("dev/t1/meta", {"kind": "transformer", "name": "1#变压器",
                                             "location": {"xyz": [0, 0, 0]},
                                             "points": {"temp_c": {"unit": "°C"}}})])
    assert ingest.store.device("t1").points["temp_c"].limits == (-20, 100)
    ingest.handle_batch([msg("dev/x1/meta", {"kind": "toaster", "name": "x",
                                             "location": {"xyz": [0, 0, 0]}})])
    assert reasons(ingest) == {"schema": 1}
    assert "kind" in ingest.ledger.snapshot()[1]["schema"].detail


def test_unknown_devices_listed_with_first_payload_then_registered_by_operator() -> None:
    ingest = make_ingest()
    ingest.handle_batch([msg("dev/m9/status", {"online": False}),
                         telemetry("m9", 1, flow_m3h=2.5), telemetry("m9", 2, flow_m3h=2.6)])
    unknown = ingest.ledger.snapshot()[2]
    assert [u.device_id for u in unknown] == ["m9"]
    assert unknown[0].count == 3 and '"online": false' in unknown[0].first_payload
    assert ingest.counts() == {"received": 3, "accepted": 0, "rejected": 1, "parked": 2}
    with pytest.raises(ValueError, match="kind"):
        ingest.register_unknown("m9", "toaster")
    device = ingest.register_unknown("m9", "water_meter", name="9号水表")
    assert ingest.ledger.snapshot()[2] == []
    assert ingest.store.get("m9").online is False  # the status seen before registration
    assert device.kind == "water_meter"
    assert ingest.counts() == {"received": 3, "accepted": 2, "rejected": 1, "parked": 0}
    assert ingest.store.get("m9").values == {"flow_m3h": 2.6}  # the parked ones, applied
    ingest.handle_batch([telemetry("m9", 3, flow_m3h=2.7)])
    assert ingest.store.get("m9").values == {"flow_m3h": 2.7}


def test_status_before_birth_is_applied_on_birth_and_old_status_ts_is_fine() -> None:
    ingest = make_ingest()
    old = NOW_MS - 10 * 86_400_000  # a last will set ten days ago
    ingest.handle_batch([msg("dev/g1/status", {"online": False, "ts": old}),
                         msg("dev/g1/meta", {"kind": "gas_detector", "name": "燃气探测器",
                                             "location": {"xyz": [1, 1, 1]}})])
    assert ingest.store.get("g1").online is False
    assert ingest.store.get("g1").level == Level.OFFLINE


def test_dedupe_by_seq_tolerates_reordering_and_device_restart() -> None:
    ingest = make_ingest("t1")
    seqs = [1, 2, 4, 3, 2, 4, 5, 1]
    ingest.handle_batch([telemetry("t1", s, ts=NOW_MS + s) for s in seqs])
    assert ingest.accepted == 5 and reasons(ingest) == {"duplicate": 3}
    # the device rebooted: seq restarts at 0, but its clock moved on
    ingest.handle_batch([telemetry("t1", 0, ts=NOW_MS + 10_000)])
    assert ingest.accepted == 6


def test_dedupe_without_seq_uses_device_time() -> None:
    ingest = make_ingest("t1")
    ingest.handle_batch([telemetry("t1", None, ts=NOW_MS), telemetry("t1", None, ts=NOW_MS),
                         telemetry("t1", None, ts=NOW_MS + 1000)])
    assert ingest.accepted == 2 and reasons(ingest) == {"duplicate": 1}


def test_all_contract_topics_decode_and_cjk_survives() -> None:
    ingest = make_ingest("t1")
    events = ingest.handle_batch([
        msg("dev/t1/status", {"online": True, "ts": "2025-11-25T08:00:00+08:00"}),
        telemetry("t1", 1, temp_c=88.0),
        msg("dev/t1/event", {"ts": NOW_MS, "kind": "door_forced", "data": {"门": "东门"}}),
        msg("mic/m1/event", {"ts_ns": NOW_MS * 1_000_000, "kind": "impact", "level_db": 92}),
        msg("gate/g1/pass", {"ts": NOW_MS, "plate": "粤B12345", "dir": "in", "paid": True}),
        msg("tech/w1/location", {"ts": NOW_MS, "xyz": [1.5, 2.5, 3.0]}),
        msg("tech/w1/order-updates", {"order_id": "工单-7", "state": "arrived",
                                      "note": "已到达 3 号楼"}),
    ])
    assert [type(e).__name__ for e in events] == [
        "StatusReceived", "TelemetryReceived", "DeviceEventReceived", "MicArrivalReceived",
        "GatePassReceived", "TechLocationReceived", "OrderUpdateReceived"]
    assert events[4].plate == "粤B12345" and events[2].data == {"门": "东门"}
    assert events[6].note == "已到达 3 号楼"
    assert ingest.store.get("t1").level == Level.WARNING


def test_listener_failure_does_not_stop_ingest() -> None:
    ingest = make_ingest("t1")
    seen: list = []
    ingest.subscribe(lambda events: 1 / 0)
    ingest.subscribe(seen.extend)
    ingest.handle_batch([telemetry("t1", 1)])
    assert len(seen) == 1


def test_invalid_utf8_in_an_ignored_field_is_still_rejected() -> None:
    ingest = make_ingest("t1")
    ingest.handle_batch([msg("dev/t1/telemetry",
                             b'{"ts":%d,"values":{"temp_c":1.0},"n":"\xff\xfe"}' % NOW_MS)])
    assert reasons(ingest) == {"not_utf8": 1}


def test_telemetry_before_birth_waits_for_it_then_counts_once() -> None:
    """After a restart the session's queue arrives before the retained births."""
    ingest = make_ingest()
    seen: list = []
    ingest.subscribe(seen.extend)
    queued = [telemetry("n1", s, ts=NOW_MS + s, temp_c=float(s)) for s in range(1, 6)]
    ingest.handle_batch(queued[:3])
    ingest.handle_batch([*queued[3:], msg("dev/n1/meta", {"kind": "transformer", "name": "n",
                                                          "location": {"xyz": [0, 0, 0]}})])
    assert ingest.counts() == {"received": 6, "accepted": 6, "rejected": 0, "parked": 0}
    assert ingest.store.get("n1").values == {"temp_c": 5.0}
    assert sum(type(e) is ev.TelemetryReceived for e in seen) == 5
    assert ingest.ledger.snapshot()[2] == []  # no longer listed as unknown


def test_without_parking_unknown_devices_are_rejected_at_once() -> None:
    ingest = Ingest(StateStore([]), SCHEME)
    ingest.handle_batch([telemetry("n1", 1)])
    assert ingest.counts() == {"received": 1, "accepted": 0, "rejected": 1, "parked": 0}
