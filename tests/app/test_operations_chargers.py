"""EV chargers: the simulator speaks OCPP connector states as a charging gateway forwards
them; the tracker follows them into sessions with their energy and valley share; bad data
is counted, never applied; a faulted connector raises an alarm condition."""

from __future__ import annotations

import datetime as dt

from app.domain.model import Device, Location
from app.ingest.pipeline import Ingest
from app.ingest.topics import TopicScheme
from app.operations.chargers import STATUSES, ChargerTracker
from app.operations.config import OperationsConfig
from app.operations.service import OperationsService
from app.operations.tariffs import load_tariffs
from app.scene.model import Scene, Site
from app.sources.base import RawMessage
from app.sources.simulator import CompoundSimulator
from app.sources.simulator.kinds import DEFAULT_POINTS
from app.state.store import StateStore

CST = dt.timezone(dt.timedelta(hours=8))
NOON = dt.datetime(2025, 6, 10, 12, 0, tzinfo=CST).timestamp()


def charger_scene(n: int = 8) -> Scene:
    devices = tuple(Device(f"EV{i}", "ev_charger", f"{i}号充电桩", Location((i, 0, -3), "G1", -1),
                           DEFAULT_POINTS["ev_charger"], report_interval_s=30.0)
                    for i in range(n))
    return Scene(Site("测试小区", site_id="t"), devices=devices)


def test_a_simulated_night_of_charging_gives_ocpp_states_and_sessions():
    scene = charger_scene()
    scheme = TopicScheme("cr", "t")
    sim = CompoundSimulator(scene, scheme, seed=3, faults=False)
    store = StateStore(scene.devices)
    ingest = Ingest(store, scheme, max_clock_skew_s=None)
    now = [NOON]
    service = OperationsService(scene, OperationsConfig(), site="t", clock=lambda: now[0])
    ingest.subscribe(service.handle_events)
    seen: set[str] = set()
    registers: dict[str, list[tuple[float, float]]] = {}
    messages = sim.birth(NOON) + sim.advance(NOON)
    for step in range(1, 24 * 60 + 1):  # a day, minute by minute
        for event in ingest.handle_batch([RawMessage(t, p, NOON) for t, p, _ in messages]):
            if getattr(event, "kind", None) == "connector_status":
                seen.add(event.data["status"])
            values = getattr(event, "values", None)
            if values and "energy_kwh" in values:
                registers.setdefault(event.device_id, []).append((event.ts, values["energy_kwh"]))
        now[0] = NOON + step * 60
        messages = sim.advance(now[0])
    assert ingest.counts()["rejected"] == 0
    assert {"Available", "Preparing", "Charging", "SuspendedEV", "Finishing"} <= seen
    assert seen <= set(STATUSES)
    sessions = service.chargers.take_finished()
    assert len(sessions) >= 3
    for s in sessions:  # a session's energy is what the charger's own register counted
        regs = registers[s["charger_id"]]
        start = max(v for t, v in regs if t <= s["started_at"])
        end = max(v for t, v in regs if t <= s["ended_at"])
        assert s["energy_kwh"] is not None and abs(s["energy_kwh"] - (end - start)) < 0.05
        assert s["energy_kwh"] > 5 and s["transaction_id"]
    view = service.charger_view()
    assert view.sessions_today >= 1 and view.bad_messages == 0
    # the simulated cars charge from the evening into the night: some of it in the valley
    assert sum(s["valley_kwh"] for s in sessions) > 0


def test_bad_status_data_is_counted_and_a_faulted_connector_is_an_alarm_condition():
    tracker = ChargerTracker({"EV1": "1号桩", "EV2": "2号桩"},
                             load_tariffs(), "guangdong-commercial", clock=lambda: NOON)
    assert tracker.handle_status("EV1", NOON, {"connector": 1, "status": "Exploded"}) is None
    assert tracker.handle_status("EV1", NOON, {"status": "Charging"}) is None  # no connector
    assert tracker.bad_messages == 2 and "EV1" in tracker.last_bad
    tracker.handle_status("EV2", NOON, {"connector": 1, "status": "Faulted",
                                        "error_code": "GroundFailure"})
    conditions = {c.device_id: c for c in tracker.conditions()}
    assert conditions["EV2"].present and conditions["EV2"].message["error"] == "GroundFailure"
    assert not conditions["EV1"].present
    tracker.handle_status("EV2", NOON + 60, {"connector": 1, "status": "Available"})
    assert not {c.device_id: c for c in tracker.conditions()}["EV2"].present
    rows = {r.charger_id: r for r in tracker.view(NOON + 60).connectors}
    assert rows["EV2"].status == "Available" and rows["EV1"].status == "Unknown"


def test_a_session_uses_the_status_meter_when_the_gateway_sends_it():
    tracker = ChargerTracker({"EV1": "1号桩"}, None, None, clock=lambda: NOON)
    tracker.handle_status("EV1", NOON, {"connector": 1, "status": "Preparing",
                                        "meter_wh": 1_000_000})
    tracker.handle_status("EV1", NOON + 60, {"connector": 1, "status": "Charging",
                                             "meter_wh": 1_000_100, "transaction_id": 77})
    tracker.handle_status("EV1", NOON + 7200, {"connector": 1, "status": "Finishing",
                                               "meter_wh": 1_014_100})
    (session,) = tracker.take_finished()
    assert session["energy_kwh"] == 14.0 and session["transaction_id"] == "77"
    assert (session["started_at"], session["ended_at"]) == (NOON + 60, NOON + 7200)
