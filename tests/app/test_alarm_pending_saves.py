"""The alarm engine's pending on-delay times are saved to their file without holding up the
engine: a mass outage (hundreds of devices offline in one tick) is one write of the file,
made after the engine's lock is released, and the times still survive a restart.

Before, every pending time started or dropped rewrote the whole file under the lock: the
ingest thread (the simulator) waited minutes for it and ``engine.stop()`` seemed to hang."""

from __future__ import annotations

import threading

from app.alarms.engine import AlarmEngine
from app.alarms.timers import ConditionTimers, FilePendingStore
from app.ingest.events import StatusReceived
from app.state.store import StateStore
from tests.app.test_alarms import T0, Clock, _device

OUTAGE = [_device(f"G01-B2-P{n:03d}-EV", "ev_charger", {}) for n in range(300)]


class WatchedStore(FilePendingStore):
    """The real file store, noting each write and whether the engine's lock was held."""

    def __init__(self, path, engine_lock: list[threading.Lock]) -> None:  # noqa: ANN001
        super().__init__(path)
        self.engine_lock = engine_lock
        self.writes: list[bool] = []  # per write: was the engine's lock held?

    def save(self, pending) -> None:  # noqa: ANN001
        self.writes.append(self.engine_lock[0].locked())
        super().save(pending)


def _outage(tmp_path, ticks: list[float]):  # noqa: ANN001, ANN202
    lock: list[threading.Lock] = []
    store = WatchedStore(tmp_path / "pending.json", lock)
    clock = Clock()
    states = StateStore(OUTAGE)
    engine = AlarmEngine(states, clock=clock, timers=ConditionTimers(store))
    lock.append(engine._lock)
    for device in OUTAGE:  # reporting, then every one of them offline at once
        states.apply_values(device.id, {"power_kw": 0.0}, T0, T0)
        states.apply_online(device.id, False, T0)
        engine.handle_events([StatusReceived(device.id, False, T0, T0)])
    for t in ticks:
        clock.t = t
        engine.tick()
    return engine, store


def test_a_mass_outage_is_one_write_of_the_pending_file_outside_the_engine_lock(tmp_path):
    engine, store = _outage(tmp_path, [T0 + 1])  # the tick that starts 300 on-delays
    pending = [d.id for d in OUTAGE if engine.timers.pending_since((d.id, "offline"))]
    assert len(pending) == len(OUTAGE)
    assert store.writes == [False]  # one write, with the lock free for the ingest thread
    # a restart on the same file resumes the 300 half-elapsed on-delays
    again = ConditionTimers(FilePendingStore(tmp_path / "pending.json"))
    assert all(again.pending_since((d, "offline")) == T0 + 1 for d in pending)


def test_the_raises_that_end_an_outage_drop_their_pending_times_in_one_write(tmp_path):
    engine, store = _outage(tmp_path, [T0 + 1, T0 + 200])  # past the offline on-delay
    raised = [a for a in engine.book.open_alarms() if a.type == "offline"]
    assert len(raised) == len(OUTAGE)
    engine.timers.save(force=True)  # the second tick fell within a second of the first
    assert len(store.writes) == 2 and not any(store.writes)
    assert ConditionTimers(FilePendingStore(tmp_path / "pending.json")).pending_since(
        (OUTAGE[0].id, "offline")) is None


def test_saves_are_at_most_once_per_interval_and_the_last_change_is_not_lost(tmp_path):
    now = [0.0]
    store = FilePendingStore(tmp_path / "pending.json")
    timers = ConditionTimers(store, save_every_s=1.0, monotonic=lambda: now[0])
    timers.step(("A", "offline"), True, False, T0, 60.0, 0.0)
    assert timers.save() and timers.saves == 1
    timers.step(("B", "offline"), True, False, T0 + 1, 60.0, 0.0)
    assert not timers.save()  # within the interval: kept for the next call
    now[0] = 1.5
    assert timers.save() and timers.saves == 2
    assert not timers.save()  # nothing changed since
    assert store.load() == {("A", "offline"): T0, ("B", "offline"): T0 + 1}
