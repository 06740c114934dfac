"""Dispatch inside the real Engine: the embedded simulator running on its thread, the storage
writer on its database, and a DispatchRuntime wired exactly as the composition root wires
it (``Engine.start`` builds it after the writer and before the source). An alarm becomes an
order that a simulated technician finishes; the order is in the database, counted by
``db stats``, and is still there, with its history, after a restart."""

from __future__ import annotations

import time

import msgspec

from app.alarms.model import Severity
from app.config import AppConfig
from app.dispatch.runtime import DispatchRuntime
from app.runtime.engine import Engine
from app.storage import counts, open_database


class FastClock:
    """Simulated time for dispatch only: handsets walk minutes in milliseconds."""

    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


def _started(config: AppConfig, clock: FastClock) -> tuple[Engine, DispatchRuntime]:
    engine = Engine(config, dispatch_clock=clock)
    engine.start()
    assert engine.dispatch is not None
    return engine, engine.dispatch


def test_alarm_to_done_in_the_running_engine_and_after_a_restart(tmp_path) -> None:  # noqa: ANN001
    url = f"sqlite:///{tmp_path / 'cr.db'}"
    config = msgspec.structs.replace(
        AppConfig(), database=msgspec.structs.replace(AppConfig().database, url=url))
    clock = FastClock(float(int(time.time())))
    engine, dispatch = _started(config, clock)
    try:
        alarm = engine.alarms.book.raise_alarm("S01-TR1", "temp_c.high", Severity.HIGH,
                                               "temp_c 112 > 105")
        dispatch.tick()
        (order,) = [o for o in dispatch.service.orders() if o.origin_ref == alarm.id]
        published = [t for t, *_ in list(engine.source.published)]
        assert f"cr/demo/tech/{order.assignee}/orders" in published
        for _ in range(1800):
            if dispatch.service.order(order.id).state == "done":
                break
            clock.now += 2.0
            dispatch.tick()
        final = dispatch.service.order(order.id)
        assert final.state == "done", [h.to_state for h in final.history]
        assert engine.alarms.book.get(alarm.id).dispatched_order == order.id
    finally:
        engine.stop()
    # the simulator's own faults raise serious alarms too: each became one order (counted
    # once the engine has stopped, so none is made between counting and the database)
    states: dict[str, int] = {}
    for o in dispatch.service.orders():
        states[o.state] = states.get(o.state, 0) + 1

    db = open_database(url)
    try:
        assert counts(db)["work_orders"] == states
    finally:
        db.dispose()
    engine, again = _started(config, FastClock(clock.now))
    try:
        restored = again.service.order(order.id)
        assert [h.to_state for h in restored.history] == [h.to_state for h in final.history]
        again.set_state(order.id, "verified", actor="dispatcher:王", note="回访：已恢复供电")
    finally:
        engine.stop()
