"""The in-process simulator: deterministic contract messages that ingest accepts, plausible
daily behaviour, faults that come and go, acoustic arrivals and the live source thread."""

from __future__ import annotations

import collections
import datetime as dt
import json
import math
import threading
import time

import pytest

from app.config.model import SimulatorConfig
from app.domain import DEVICE_KINDS, Device, Level, Location, Microphone, PointSpec
from app.ingest.pipeline import Ingest
from app.ingest.topics import TopicScheme
from app.operations.plates import classify
from app.scene.model import Building, Gate, Scene, Site
from app.sources.base import RawMessage
from app.sources.simulator import CompoundSimulator, SimulatorSource
from app.sources.simulator.faults import CATALOGUE
from app.sources.simulator.kinds import DEFAULT_POINTS
from app.state.store import StateStore

SCHEME = TopicScheme("cr", "demo")
CST = dt.timezone(dt.timedelta(hours=8))
FAULT_EVENTS = {ft.event for ft in CATALOGUE.values() if ft.event}


def at_local(hour: int, minute: int = 0) -> float:
    """Epoch seconds of a fixed day at local (UTC+8) time: reproducible, not 'now'."""
    return dt.datetime(2025, 6, 10, hour, minute, tzinfo=CST).timestamp()


def make_scene(per_kind: int = 3) -> Scene:
    tower = Building("B1", "1栋", "residential", ((0, 0), (20, 0), (20, 15), (0, 15)), 26)
    pumps = Building("P", "泵房", "pump_room", ((40, 0), (50, 0), (50, 10), (40, 10)), 1,
                     basements=1)
    devices = []
    for kind in DEVICE_KINDS:
        for i in range(per_kind):
            building = "P" if kind in ("water_pump", "water_tank_level") else "B1"
            devices.append(Device(
                f"{kind}-{i}", kind, f"{kind} {i}号", Location((5.0 + i, 5.0, 3.0),
                                                              building=building, floor=1),
                points=DEFAULT_POINTS[kind],
                report_interval_s=10.0 if kind == "elevator" else 60.0))
    mics = tuple(Microphone(f"m{i}", xyz) for i, xyz in enumerate(
        [(-30, -30, 2), (60, -30, 2), (60, 50, 2), (-30, 50, 2), (15, 80, 10), (80, 10, 3)]))
    gates = (Gate("north", "北门", (0, 90, 0), device_id="barrier_gate-0"),)
    return Scene(Site("演示小区"), buildings=(tower, pumps), devices=tuple(devices),
                 microphones=mics, gates=gates)


SCENE = make_scene()


def run(sim: CompoundSimulator, t0: float, seconds: float, step: float = 30.0):
    """Birth + every message up to t0 + seconds, stepping ``step`` simulated seconds."""
    out = sim.birth(t0) + sim.advance(t0)
    n = 1
    while n * step < seconds:
        out += sim.advance(t0 + n * step)
        n += 1
    return out + sim.advance(t0 + seconds)


def feed(messages, *, live: bool = False):
    """Push messages one by one through the real decoder into a fresh store, received at
    their own ts (clock-skew checked), or ``live``: at wall-clock now so the store judges
    staleness as it would for live data (no skew check then: the test days are past)."""
    store = StateStore(SCENE.devices)
    ingest = Ingest(store, SCHEME, max_clock_skew_s=None if live else 3600.0)
    for topic, payload, _ in messages:
        ingest.handle_batch([RawMessage(topic, payload, time.time() if live else
                                        _stamp(payload))])
    return store, ingest


def _stamp(payload: bytes) -> float:
    try:
        body = json.loads(payload)
        return body["ts"] / 1000 if "ts" in body else body["ts_ns"] / 1e9
    except Exception:
        return at_local(12)


def bodies(messages, leaf: str):
    return [(t, json.loads(p)) for t, p, _ in messages if t.endswith("/" + leaf)]


def test_same_seed_gives_identical_bytes_and_another_seed_differs():
    t0 = at_local(7, 30)
    a = run(CompoundSimulator(SCENE, SCHEME, seed=11), t0, 1800)
    b = run(CompoundSimulator(SCENE, SCHEME, seed=11), t0, 1800)
    c = run(CompoundSimulator(SCENE, SCHEME, seed=12), t0, 1800)
    assert a == b
    assert [m[1] for m in a] != [m[1] for m in c]


def test_how_time_is_chopped_into_ticks_does_not_change_the_stream():
    t0 = at_local(19)
    coarse = run(CompoundSimulator(SCENE, SCHEME, seed=3), t0, 3600, step=600)
    fine = run(CompoundSimulator(SCENE, SCHEME, seed=3), t0, 3600, step=7)
    assert coarse == fine


def test_every_kind_decodes_with_zero_rejects_and_fills_the_store():
    t0 = at_local(9)
    messages = run(CompoundSimulator(SCENE, SCHEME, seed=5), t0, 2 * 3600)
    store, ingest = feed(messages)
    counts, samples, _ = ingest.ledger.snapshot()
    assert sum(counts.values()) == 0, samples
    seen_kinds = set()
    for device in SCENE.devices:
        state = store.get(device.id)
        if state.online is False:
            continue
        assert set(state.values) == set(device.points), device.id
        assert all(math.isfinite(v) for v in state.values.values())
        seen_kinds.add(device.kind)
    assert seen_kinds == set(DEVICE_KINDS)
    metas = bodies(messages, "meta")
    assert len(metas) == len(SCENE.devices)
    assert {m["kind"] for _, m in metas} == set(DEVICE_KINDS)


def test_scene_declared_points_are_what_is_published_and_stay_in_the_normal_band():
    custom = Device("tx-9", "transformer", "9号变压器", Location((0, 0, 0)),
                    points={"temp_c": PointSpec("°C", (30.0, 50.0), (0, 90)),
                            "oil_level_pct": PointSpec("%", (60.0, 80.0))})
    scene = Scene(Site("x"), devices=(custom,))
    messages = run(CompoundSimulator(scene, SCHEME, seed=1, faults=False), at_local(20),
                   6 * 3600, step=300)
    values = [b["values"] for _, b in bodies(messages, "telemetry")]
    assert len(values) > 300
    assert all(set(v) == {"temp_c", "oil_level_pct"} for v in values)
    assert all(30 <= v["temp_c"] <= 50 and 60 <= v["oil_level_pct"] <= 80 for v in values)


def test_malformed_messages_are_rejected_for_several_reasons_and_never_raise():
    t0 = at_local(10)
    sim = CompoundSimulator(SCENE, SCHEME, seed=2, malformed_rate=0.2)
    messages = run(sim, t0, 1800)
    store = StateStore(SCENE.devices)
    ingest = Ingest(store, SCHEME)
    ingest.handle_batch([RawMessage(t, p, t0 + 900) for t, p, _ in messages])
    counts, _, unknown = ingest.ledger.snapshot()
    reasons = {r for r, n in counts.items() if n}
    assert {"invalid_json", "schema", "oversized", "not_utf8", "unknown_device",
            "clock_skew", "not_our_topic"} <= reasons
    assert unknown
    hostile = sum(counts.values())
    assert 0.1 < hostile / len(messages) < 0.3  # roughly the asked fraction (births excluded)
    assert any(s.values for s in store.snapshot().devices.values())


def _first_values(kind: str, t0: float, point: str) -> list[float]:
    sim = CompoundSimulator(SCENE, SCHEME, seed=9, faults=False)
    first = sim.advance(t0)
    return [b["values"][point] for t, b in bodies(first, "telemetry") if f"/{kind}-" in t]


def test_daily_patterns_power_parking_and_lighting():
    power = {h: sum(_first_values("power_meter", at_local(h), "power_kw")) for h in (4, 20)}
    assert power[20] > 1.5 * power[4]
    big = make_scene(per_kind=60)
    parked = {}
    for h in (3, 11):
        sim = CompoundSimulator(big, SCHEME, seed=9, faults=False)
        first = bodies(sim.advance(at_local(h)), "telemetry")
        parked[h] = sum(b["values"]["occupied"] for t, b in first if "/parking_space-" in t)
    assert parked[3] > parked[11] + 10  # cars leave for work in the morning
    assert all(v == 1 for v in _first_values("lighting_circuit", at_local(22), "on"))
    assert all(v == 0 for v in _first_values("lighting_circuit", at_local(12), "on"))


def test_pumps_cycle_on_tank_level_and_lifts_make_trips():
    messages = run(CompoundSimulator(SCENE, SCHEME, seed=4, faults=False), at_local(6),
                   10 * 3600, step=60)
    levels, running = [], []
    floors = collections.defaultdict(set)
    for topic, body in bodies(messages, "telemetry"):
        v = body["values"]
        if "/water_tank_level-0/" in topic:
            levels.append(v["level_pct"])
        if "/water_pump-" in topic:
            running.append(v["running"])
        if "/elevator-" in topic:
            floors[topic].add(v["floor"])
    assert min(levels) > 25 and max(levels) < 98 and max(levels) - min(levels) > 30
    assert 0 in running and 1 in running
    assert all(len(f) > 5 for f in floors.values())


def test_faults_show_warning_alarm_and_offline_soon_after_start():
    t0 = at_local(14)
    store, _ = feed(run(CompoundSimulator(SCENE, SCHEME, seed=8), t0, 60, step=1), live=True)
    levels = {s.level for s in store.snapshot().devices.values()}
    assert {Level.WARNING, Level.ALARM, Level.OFFLINE} <= levels


def test_faults_only_when_enabled():
    t0 = at_local(0)
    on = run(CompoundSimulator(SCENE, SCHEME, seed=6), t0, 4 * 3600, step=60)
    off = run(CompoundSimulator(SCENE, SCHEME, seed=6, faults=False), t0, 4 * 3600, step=60)
    assert {b["kind"] for _, b in bodies(on, "event")} & FAULT_EVENTS
    assert not {b["kind"] for _, b in bodies(off, "event")} & FAULT_EVENTS
    assert not [b for _, b in bodies(off, "status") if not b["online"]]
    store = StateStore(SCENE.devices)
    ingest = Ingest(store, SCHEME, max_clock_skew_s=None)
    worst = Level.NORMAL
    for topic, payload, _ in off:  # every reading in normal operation is in its normal band
        ingest.handle_batch([RawMessage(topic, payload, time.time())])
        if topic.endswith("/telemetry"):
            worst = max(worst, store.get(topic.split("/")[3]).level)
    assert worst == Level.NORMAL


def test_offline_devices_stop_reporting_and_come_back():
    messages = run(CompoundSimulator(SCENE, SCHEME, seed=6), at_local(0), 4 * 3600, step=60)
    timeline = collections.defaultdict(list)
    for topic, payload, _ in messages:
        parts = topic.split("/")
        if parts[2] == "dev" and parts[4] in ("status", "telemetry"):
            timeline[parts[3]].append((parts[4], json.loads(payload)))
    recovered = 0
    for events in timeline.values():
        offline_at = None
        for leaf, body in events:
            if leaf == "status" and body["online"] is False:
                offline_at = body["ts"]
            elif leaf == "status" and offline_at is not None:
                recovered += 1
                offline_at = None
            elif leaf == "telemetry":
                assert offline_at is None, "an offline device kept reporting"
    assert recovered >= 3


def test_microphone_arrivals_match_distances_to_the_source():
    sim = CompoundSimulator(SCENE, SCHEME, seed=1)
    messages = run(sim, at_local(18), 6 * 3600, step=120)
    arrivals = collections.defaultdict(dict)
    for topic, body in bodies(messages, "event"):
        if "/mic/" in topic:
            arrivals[body["ts_ns"] // 10**9 // 2].setdefault(topic.split("/")[3], body)
    assert len(sim.acoustic_sources) >= 3
    mics = {m.id: m.xyz for m in SCENE.microphones}
    for src in sim.acoustic_sources:
        heard = {m: b for group in arrivals.values() for m, b in group.items()
                 if 0 <= b["ts_ns"] - src.ts_ns < 10**9 and b["kind"] == src.kind}
        assert set(heard) == set(mics)
        for mic_id, body in heard.items():
            d = math.dist(src.xyz, mics[mic_id])
            assert abs((body["ts_ns"] - src.ts_ns) * 343.0e-9 - d) < 1e-3
        loudest = max(heard, key=lambda m: heard[m]["level_db"])
        nearest = min(math.dist(src.xyz, xyz) for xyz in mics.values())
        # levels are rounded to 0.1 dB: two microphones nearly as far away may tie
        assert math.dist(src.xyz, mics[loudest]) <= nearest * 10 ** (0.1 / 20) + 1e-9


def test_gate_passes_carry_chinese_plates_on_the_gate_topic():
    messages = run(CompoundSimulator(SCENE, SCHEME, seed=1), at_local(7), 3600, step=60)
    passes = [(t, b) for t, b in bodies(messages, "pass")]
    assert len(passes) > 10
    assert {t for t, _ in passes} <= {SCHEME.gate_pass("north"), SCHEME.gate_pass(
        "barrier_gate-1"), SCHEME.gate_pass("barrier_gate-2")}
    # what a real gate says: most plates read clean (7 or 8 characters), a few misread
    clean = [b for _, b in passes if classify(b["plate"], b["colour"]).valid]
    assert len(clean) >= 0.9 * len(passes)
    assert {b["vehicle"] for _, b in passes} <= {"resident", "visitor"}
    assert all(b["release"] in ("auto", "manual") for _, b in passes)
    out = sum(b["dir"] == "out" for _, b in passes)
    assert out > len(passes) / 2  # 07:00-08:00: residents drive to work


def test_source_delivers_a_live_first_batch_and_leaves_no_thread():
    batches = []
    source = SimulatorSource(SCENE, SimulatorConfig(seed=1, speed=60, tick_s=0.05), SCHEME)
    assert source.can_publish and source.name == "simulator"
    source.start(batches.append)
    deadline = time.monotonic() + 5
    while len(batches) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert source.status().connected
    source.publish("cr/demo/tech/t1/orders", b'{"order_id":"o1"}')
    source.stop()
    source.stop()
    assert not source.status().connected
    assert not [t for t in threading.enumerate() if t.name == "SimulatorWorker"]
    first = {m.topic.split("/")[4] + ":" + m.topic.split("/")[3] for m in batches[0]}
    offline_at_start = {m.topic.split("/")[3] for m in batches[0]
                        if m.topic.endswith("/status") and b'"online":false' in m.payload}
    for device in SCENE.devices:
        assert {f"meta:{device.id}", f"status:{device.id}"} <= first
        assert (f"telemetry:{device.id}" in first) != (device.id in offline_at_start)
    assert len(batches) >= 3
    store, ingest = feed([(m.topic, m.payload, False) for b in batches for m in b])
    assert ingest.ledger.total() == 0
    assert abs(batches[0][0].received_at - time.time()) < 5
    assert source.published[-1][0] == "cr/demo/tech/t1/orders"


@pytest.mark.parametrize("rate", [-0.1, 1.5])
def test_malformed_rate_outside_0_1_is_refused(rate):
    with pytest.raises(ValueError, match="malformed_rate"):
        CompoundSimulator(SCENE, SCHEME, seed=1, malformed_rate=rate)
