"""StateStore: immutable snapshots, consistency under concurrent writers, change tracking,
levels (normal / warning / alarm / stale / offline) and late readings."""

from __future__ import annotations

import sys
import threading
import time

import pytest

import app.state.store as store_module
from app.domain import Device, Level, Location, PointSpec
from app.state.store import StateStore

TEMP = PointSpec("°C", normal=(10.0, 80.0), limits=(0.0, 100.0))


def device(i: int, interval: float = 10.0) -> Device:
    return Device(f"d{i}", "transformer", f"{i}号变压器", Location((float(i), 0.0, 0.0)),
                  points={"temp_c": TEMP, "load_pct": PointSpec("%")},
                  report_interval_s=interval)


def test_snapshots_are_immutable_and_unaffected_by_later_writes():
    store = StateStore([device(1), device(2)])
    store.apply_values("d1", {"temp_c": 40.0}, ts=100.0, seen_at=100.0)
    snap = store.snapshot()
    store.apply_values("d1", {"temp_c": 95.0}, ts=101.0, seen_at=101.0)
    store.remove("d2")
    assert snap.devices["d1"].values["temp_c"] == 40.0
    assert "d2" in snap.devices
    assert snap.version < store.version
    assert store.snapshot().devices["d1"].values["temp_c"] == 95.0
    with pytest.raises(TypeError):
        snap.devices["d1"] = snap.devices["d2"]  # type: ignore[index]
    with pytest.raises(TypeError):
        snap.devices["d1"].values["temp_c"] = 1.0  # type: ignore[index]
    with pytest.raises(AttributeError):
        snap.devices["d1"].level = Level.ALARM  # type: ignore[misc]


def test_unchanged_store_hands_out_the_same_frozen_mapping():
    store = StateStore([device(1)])
    assert store.snapshot().devices is store.snapshot().devices
    store.apply_values("d1", {"temp_c": 1.0}, ts=1.0)
    assert store.snapshot().devices["d1"].values == {"temp_c": 1.0}


def test_concurrent_writers_and_a_snapshot_reader_stay_consistent():
    # switch threads very often so that unlocked interleavings would actually happen
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        _hammer()
    finally:
        sys.setswitchinterval(old)


def _hammer() -> None:
    writers, per_writer, rounds = 4, 5, 300
    store = StateStore([device(i) for i in range(writers * per_writer)])
    problems: list[str] = []
    done = threading.Event()

    def write(w: int) -> None:
        ids = [f"d{w * per_writer + k}" for k in range(per_writer)]
        for i in range(1, rounds + 1):
            for device_id in ids:  # both points in one reading: they must never disagree
                store.apply_values(device_id, {"temp_c": float(i), "load_pct": float(i)},
                                   ts=float(i), seen_at=1e9)

    def read() -> None:
        last_version, last_value = -1, {}
        while not done.is_set():
            snap = store.snapshot()
            if snap.version < last_version:
                problems.append(f"version went back {last_version} -> {snap.version}")
            last_version = snap.version
            newest = max(s.version for s in snap.devices.values())
            if newest != snap.version:
                problems.append(f"snapshot {snap.version} holds a state of version {newest}")
            for device_id, state in snap.devices.items():
                values = state.values
                if values and not (values["temp_c"] == values["load_pct"] == state.ts):
                    problems.append(f"{device_id} torn: {dict(values)} ts={state.ts}")
                if values.get("temp_c", 0) < last_value.get(device_id, 0):
                    problems.append(f"{device_id} went back in time")
                last_value[device_id] = values.get("temp_c", 0)

    threads = [threading.Thread(target=write, args=(w,), name=f"Writer{w}Worker")
               for w in range(writers)]
    reader = threading.Thread(target=read, name="ReaderWorker")
    reader.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    reader.join()
    assert problems == []
    final = store.snapshot()
    assert all(s.values == {"temp_c": rounds, "load_pct": rounds} for s in final.devices.values())
    assert final.version == writers * per_writer * rounds


def test_changes_since_returns_exactly_the_changed_ids():
    store = StateStore([device(i) for i in range(5)])
    v = store.version
    assert store.changes_since(v) == set()
    store.apply_values("d1", {"temp_c": 20.0}, ts=1.0)
    store.apply_online("d3", False)
    store.apply_values("d1", {"temp_c": 21.0}, ts=2.0)
    assert store.changes_since(v) == {"d1", "d3"}
    middle = store.version
    store.remove("d4")
    assert store.changes_since(middle) == {"d4"}
    assert store.changes_since(store.version) == set()


def test_changes_since_is_none_once_the_log_no_longer_reaches_back(monkeypatch):
    monkeypatch.setattr(store_module, "_CHANGELOG_MIN", 10)
    store = StateStore([device(i) for i in range(3)])
    start = store.version
    for i in range(15):
        store.apply_values(f"d{i % 3}", {"temp_c": float(i)}, ts=float(i))
    assert store.changes_since(start) is None  # the reader must take a full snapshot
    oldest_answerable = store.version - 10
    assert store.changes_since(oldest_answerable) == {"d0", "d1", "d2"}
    assert store.changes_since(oldest_answerable - 1) is None
    assert store.changes_since(store.version - 1) == {"d2"}


def test_the_change_log_holds_what_a_reader_needs_not_every_change_ever():
    """A long soak of a busy compound: the log stops growing at a few changes per device
    (a reader further behind takes a full snapshot, no dearer), and changes_since still
    answers a reader that keeps up. The log used to keep 200,000 records (~18 MB)."""
    import tracemalloc

    store = StateStore([device(i) for i in range(100)])

    def churn(n: int) -> None:
        for i in range(n):
            store.apply_values(f"d{i % 100}", {"temp_c": float(i % 50)}, ts=float(i))

    tracemalloc.start()
    try:
        churn(20_000)  # warm: the log is full
        warm = tracemalloc.get_traced_memory()[0]
        churn(100_000)
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert held - warm < 200_000, f"{(held - warm) / 1e6:.1f} MB more after 100,000 changes"
    v = store.version
    store.apply_values("d7", {"temp_c": 1.0}, ts=1e6)
    assert store.changes_since(v) == {"d7"}


def test_the_change_log_grows_with_the_compound(monkeypatch):
    monkeypatch.setattr(store_module, "_CHANGELOG_MIN", 4)
    store = StateStore([device(i) for i in range(3)])
    for i in range(3, 50):  # births of new devices: the log's reach grows with them
        store.register(device(i))
    start = store.version
    for i in range(100):  # two changes per device
        store.apply_values(f"d{i % 50}", {"temp_c": 20.0 + i}, ts=float(i))
    assert store.changes_since(start) == {f"d{i}" for i in range(50)}


def test_levels_from_values_staleness_and_offline():
    store = StateStore([device(1, interval=10.0)])
    assert store.get("d1").level == Level.UNKNOWN
    now = time.time()  # writes judge staleness on the wall clock
    for temp, level in ((50.0, Level.NORMAL), (90.0, Level.WARNING), (120.0, Level.ALARM),
                        (-5.0, Level.ALARM), (60.0, Level.NORMAL)):
        store.apply_values("d1", {"temp_c": temp}, ts=now, seen_at=now)
        assert store.mark_stale(now) == []
        assert store.get("d1").level == level, temp
        now += 1
    # silent for more than 3 report intervals: stale, and mark_stale says who changed
    assert store.mark_stale(now + 29) == []
    assert store.mark_stale(now + 31) == ["d1"]
    assert store.get("d1").level == Level.STALE
    store.apply_values("d1", {"temp_c": 60.0}, ts=now + 32, seen_at=now + 32)
    store.mark_stale(now + 33)
    assert store.get("d1").level == Level.NORMAL
    store.apply_online("d1", False, seen_at=now + 34)
    assert store.get("d1").level == Level.OFFLINE
    assert store.mark_stale(now + 1000) == []  # offline outranks stale
    store.apply_online("d1", True, seen_at=now + 1001)
    store.apply_values("d1", {"temp_c": 60.0}, ts=now + 1001, seen_at=now + 1001)
    store.mark_stale(now + 1002)
    assert store.get("d1").level == Level.NORMAL


def test_a_late_older_reading_does_not_overwrite_a_newer_one():
    store = StateStore([device(1)])
    store.apply_values("d1", {"temp_c": 70.0}, ts=200.0, seen_at=200.0)
    store.apply_values("d1", {"temp_c": 30.0, "load_pct": 55.0}, ts=150.0, seen_at=201.0)
    state = store.get("d1")
    assert state.values["temp_c"] == 70.0
    assert state.ts == 200.0
    assert state.values["load_pct"] == 55.0  # a point it had no value for is still news
    store.apply_values("d1", {"temp_c": 71.0}, ts=250.0, seen_at=250.0)
    assert store.get("d1").values["temp_c"] == 71.0


def test_unknown_devices_are_refused_and_registered_ones_accepted():
    store = StateStore([])
    assert store.apply_values("ghost", {"x": 1.0}, ts=1.0) is False
    assert store.apply_online("ghost", True) is False
    store.register(device(7))
    assert store.apply_values("d7", {"temp_c": 30.0}, ts=1.0) is True
    assert store.snapshot().devices["d7"].values["temp_c"] == 30.0


def test_staleness_is_judged_on_the_stores_clock_for_replayed_time():
    """A replay of last week's recording is live on its virtual clock, not stale."""
    virtual_now = [1_700_000_000.0]  # a week-old recording being replayed
    store = StateStore([device(1)], clock=lambda: virtual_now[0])
    store.apply_values("d1", {"temp_c": 50.0}, virtual_now[0], virtual_now[0])
    assert store.get("d1").level == Level.NORMAL
    virtual_now[0] += 3 * 10.0 + 1  # three report intervals of silence on that clock
    store.mark_stale()
    assert store.get("d1").level == Level.STALE
