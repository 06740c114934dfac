"""Alarm rules and lifecycle, driven through the engine as ingest drives it, on a
controllable clock (no sleeps)."""

from __future__ import annotations

import datetime as dt
import math
import random

import pytest

from app.alarms.book import AlarmBook, AlarmError, EscalationPolicy
from app.alarms.engine import AlarmEngine
from app.alarms.model import AlarmChanged, Severity
from app.alarms.rules import LimitRule, RateRule, RuleSet
from app.alarms.timers import ConditionTimers, FilePendingStore
from app.alarms.welfare import WelfareRule
from app.domain.model import Device, Location, PointSpec
from app.ingest.events import DeviceEventReceived, StatusReceived, TelemetryReceived
from app.state.store import StateStore

T0 = dt.datetime(2026, 11, 2, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))).timestamp()


class Clock:
    def __init__(self, t: float = T0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


def _device(device_id: str, kind: str, points: dict[str, PointSpec], building: str = "B01",
            interval: float = 10.0) -> Device:
    return Device(id=device_id, kind=kind, name=device_id,  # type: ignore[arg-type]
                  location=Location(xyz=(0.0, 0.0, 0.0), building=building, floor=1),
                  points=points, report_interval_s=interval)


TRANSFORMER = _device("TX1", "transformer", {
    "temp_c": PointSpec(unit="°C", normal=(20.0, 85.0), limits=(0.0, 105.0)),
    "load_pct": PointSpec(unit="%", normal=(0.0, 90.0), limits=(0.0, 120.0)),
})
PUMP = _device("P1", "water_pump", {
    "running": PointSpec(),
    "outlet_mpa": PointSpec(unit="MPa", normal=(0.2, 0.6), limits=(0.1, 0.8)),
}, building="PUMP")
LIFT = _device("B01-E1", "elevator", {"floor": PointSpec(), "running": PointSpec()})
SMOKE = _device("B01-F03-SD", "smoke_detector", {})
METER = _device("B01-F12-U02-WM", "water_meter", {"total_m3": PointSpec(unit="m³")},
                interval=300.0)
DOOR = _device("B01-F12-U02-DOOR", "door_access", {})


class Rig:
    """A StateStore + AlarmEngine fed the way ingest feeds it."""

    def __init__(self, devices=(TRANSFORMER, PUMP, LIFT, SMOKE, METER, DOOR), **kwargs) -> None:
        self.clock = Clock()
        self.store = StateStore(devices)
        self.engine = AlarmEngine(self.store, clock=self.clock, **kwargs)
        self.changes: list[AlarmChanged] = []
        self.engine.book.subscribe(self.changes.append)

    def reading(self, device_id: str, at: float | None = None, **values: float) -> None:
        t = self.clock.t if at is None else at
        self.store.apply_values(device_id, values, t, t)
        self.engine.handle_events([TelemetryReceived(device_id, t, values, None, t)])

    def actions(self, action: str) -> list[AlarmChanged]:
        return [c for c in self.changes if c.action == action]


#: the transformer's default limit rule alone, so each test sees one mechanism at a time
LIMITS_ONLY = {"TX1": RuleSet(limits=(LimitRule(point="temp_c", h=85.0, hh=105.0,
                                                hysteresis=1.3, on_delay_s=30.0,
                                                off_delay_s=60.0),))}


def test_hysteresis_stops_a_flapping_signal_from_flooding() -> None:
    rig = Rig(overrides=LIMITS_ONLY)
    for k in range(6):  # clearly over the limit for a minute: raised once
        rig.clock.t = T0 + 10 * k
        rig.reading("TX1", temp_c=88.0)
    # then hovering around the 85 °C limit, ±0.5 °C, for 20 minutes
    for k in range(6, 126):
        rig.clock.t = T0 + 10 * k
        rig.reading("TX1", temp_c=85.0 + (0.5 if k % 2 else -0.5))
    raised = rig.actions("raised")
    assert len(raised) == 1, [c.alarm.type for c in raised]
    assert rig.actions("cleared") == []
    # it clears only once the value is below the limit minus the hysteresis for off_delay
    for k in range(126, 146):
        rig.clock.t = T0 + 10 * k
        rig.reading("TX1", temp_c=70.0)
    assert len(rig.actions("cleared")) == 1


def test_on_delay_ignores_spikes_but_raises_on_a_sustained_breach() -> None:
    rig = Rig(overrides=LIMITS_ONLY)
    for k in range(60):  # a 20 s spike every minute, never 30 s long
        rig.clock.t = T0 + 10 * k
        rig.reading("TX1", temp_c=95.0 if k % 6 in (0, 1) else 60.0)
    assert rig.actions("raised") == []
    for k in range(60, 70):
        rig.clock.t = T0 + 10 * k
        rig.reading("TX1", temp_c=95.0)
    raised = rig.actions("raised")
    assert [c.alarm.type for c in raised] == ["temp_c.high"]
    assert raised[0].alarm.severity == Severity.MEDIUM
    # beyond the HH limit the same alarm worsens, it does not duplicate
    rig.clock.t += 10
    rig.reading("TX1", temp_c=110.0)
    assert len(rig.engine.book.open_alarms()) == 1
    assert rig.engine.book.open_alarms()[0].severity == Severity.HIGH


def test_repeat_after_clear_counts_on_the_same_open_alarm() -> None:
    rig = Rig()
    rig.clock.t = T0
    rig.reading("B01-F03-SD")  # device known with values
    rig.engine.handle_events([DeviceEventReceived("B01-F03-SD", T0, "smoke", {}, T0)])
    rig.clock.t = T0 + 400
    rig.engine.tick()  # the event hold ran out: cleared, but nobody acknowledged it
    rig.engine.handle_events([DeviceEventReceived("B01-F03-SD", T0 + 410, "smoke", {}, T0)])
    alarms = rig.engine.book.open_alarms()
    assert len(alarms) == 1
    assert alarms[0].count == 2 and alarms[0].active
    assert alarms[0].severity == Severity.CRITICAL
    assert [t.action for t in alarms[0].history] == ["raised", "cleared", "reactivated"]


def test_a_city_platform_is_told_when_a_cleared_alarm_comes_back() -> None:
    import json

    from app.alarms.publisher import AlarmPublisher

    sent: list[dict] = []
    book = AlarmBook(Clock())
    book.subscribe(AlarmPublisher("cr/alarms", lambda _t, body: sent.append(json.loads(body))))
    book.raise_alarm("P01-HP", "pressure_mpa.low", Severity.LOW, "low", at=T0)
    book.raise_alarm("P01-HP", "pressure_mpa.low", Severity.LOW, "low", at=T0 + 5)  # a repeat
    book.clear_alarm("P01-HP", "pressure_mpa.low", at=T0 + 60)
    book.raise_alarm("P01-HP", "pressure_mpa.low", Severity.HIGH, "lower", at=T0 + 90)
    assert [(m["action"], m["state"], m["severity"]) for m in sent] == [
        ("raised", "raised", 1), ("cleared", "cleared", 1), ("reactivated", "raised", 3)]


def test_learned_thresholds_follow_the_day_and_catch_a_real_excursion() -> None:
    rig = Rig()
    rng = random.Random(4)

    def normal_temp(t: float) -> float:
        hour = ((t - T0) % 86400) / 3600
        return 50.0 + 15.0 * math.sin((hour - 8.0) / 24.0 * 2 * math.pi) + rng.gauss(0, 0.8)

    for k in range(14 * 24 * 12):  # two weeks, one reading every 5 minutes
        rig.clock.t = T0 + 300 * k
        rig.reading("TX1", temp_c=normal_temp(rig.clock.t))
    assert rig.actions("raised") == [], [c.alarm.message for c in rig.actions("raised")]
    night = T0 + 14 * 86400 + 3 * 3600
    evening = T0 + 14 * 86400 + 14 * 3600
    night_band = rig.engine.learned.band("TX1", "temp_c", night)
    evening_band = rig.engine.learned.band("TX1", "temp_c", evening)
    assert night_band is not None and evening_band is not None
    assert night_band[1] < evening_band[0] + 15  # the band follows the daily pattern
    assert evening_band[1] <= 105.0  # never beyond the static limit
    # 65 °C is ordinary at 14:00 but not at 03:00 — well inside the static 85 °C limit
    for k in range(30):
        rig.clock.t = night + 10 * k
        rig.reading("TX1", temp_c=65.0)
    raised = rig.actions("raised")
    assert [c.alarm.type for c in raised] == ["temp_c.unusual"]
    assert raised[0].alarm.severity == Severity.LOW


def test_a_frozen_band_stops_learning() -> None:
    rig = Rig()
    for k in range(100):
        rig.clock.t = T0 + 60 * k
        rig.reading("TX1", temp_c=40.0 + (k % 3))
    rig.engine.learned.freeze("TX1", "temp_c")
    before = rig.engine.learned.samples("TX1", "temp_c", T0)
    rig.reading("TX1", at=T0 + 30, temp_c=41.0)
    assert rig.engine.learned.samples("TX1", "temp_c", T0) == before


def test_restart_keeps_a_half_elapsed_duration_rule(tmp_path) -> None:
    path = tmp_path / "pending.json"
    rules = {"TX1": RuleSet(limits=(LimitRule(point="temp_c", h=85.0, on_delay_s=600.0),))}
    first = Rig(timers=ConditionTimers(FilePendingStore(path)), overrides=rules)
    for k in range(31):  # 300 s of a 600 s on-delay
        first.clock.t = T0 + 10 * k
        first.reading("TX1", temp_c=90.0)
    assert first.actions("raised") == []
    # the engine restarts: a new engine on the same pending file
    second = Rig(timers=ConditionTimers(FilePendingStore(path)), overrides=rules)
    second.clock.t = T0 + 610
    second.reading("TX1", temp_c=90.0)
    assert [c.alarm.type for c in second.actions("raised")] == ["temp_c.high"]


def test_escalation_fires_on_time_and_repeats() -> None:
    clock = Clock()
    book = AlarmBook(clock, EscalationPolicy(critical_s=120.0, repeat_s=300.0))
    alarm = book.raise_alarm("B01-F03-SD", "event.smoke", Severity.CRITICAL, "smoke", at=T0)
    clock.t = T0 + 119
    assert book.tick() == []
    clock.t = T0 + 120
    assert [a.id for a in book.tick()] == [alarm.id]
    clock.t = T0 + 300
    assert book.tick() == []
    clock.t = T0 + 420
    assert len(book.tick()) == 1
    book.acknowledge(alarm.id, "王值班")
    clock.t = T0 + 5000
    assert book.tick() == []
    history = [(t.action, t.by) for t in book.get(alarm.id).history]
    assert ("acknowledged", "王值班") in history
    assert book.get(alarm.id).escalations == 2


def test_an_alarm_left_unacknowledged_for_a_week_keeps_a_short_history() -> None:
    # every escalation copies the alarm to listeners and consoles: its history must not
    # grow with each one (2,016 in a week at the default 5-minute repeat)
    clock = Clock()
    book = AlarmBook(clock)
    changes: list[AlarmChanged] = []
    book.subscribe(changes.append)
    alarm = book.raise_alarm("B01-F03-SD", "event.smoke", Severity.CRITICAL, "smoke", at=T0)
    escalations = 0
    while clock.t < T0 + 7 * 86400:
        clock.t += 300.0
        escalations += len(book.tick())
    kept = book.get(alarm.id)
    assert escalations == kept.escalations > 2000  # each one still fires and is announced
    assert sum(c.action == "escalated" for c in changes) == escalations
    assert [t.action for t in kept.history] == ["raised", "escalated"]
    assert kept.history[-1].at == clock.t  # the latest escalation, with its time
    assert kept.history[-1].note == f"unacknowledged for {clock.t - T0:.0f}s"
    book.acknowledge(alarm.id, "王值班")
    assert [t.action for t in book.get(alarm.id).history] == [
        "raised", "escalated", "acknowledged"]


def test_a_flapping_alarm_keeps_its_raise_and_its_latest_transitions() -> None:
    from app.alarms.book import HISTORY_MAX

    clock = Clock()
    book = AlarmBook(clock)
    alarm = book.raise_alarm("P01-HP", "pressure_mpa.low", Severity.LOW, "low", at=T0)
    book.comment(alarm.id, "张伟", "水泵房已通知")
    for i in range(1, 5001):  # a sensor chattering around its limit, never attended
        clock.t = T0 + 10 * i
        book.clear_alarm("P01-HP", "pressure_mpa.low")
        clock.t += 5
        book.raise_alarm("P01-HP", "pressure_mpa.low", Severity.LOW, "low")
    history = book.get(alarm.id).history
    assert len(history) == HISTORY_MAX
    assert (history[0].action, history[0].at) == ("raised", T0)
    assert ("commented", "张伟", "水泵房已通知") in [(t.action, t.by, t.note) for t in history]
    assert (history[-1].action, history[-1].at) == ("reactivated", T0 + 50_005)
    assert [t.action for t in history[-4:]] == ["cleared", "reactivated"] * 2
    assert book.get(alarm.id).count == 5001


def test_lifecycle_tracks_acknowledge_and_clear_independently() -> None:
    clock = Clock()
    book = AlarmBook(clock)
    a = book.raise_alarm("TX1", "temp_c.high", Severity.HIGH, "hot", at=T0)
    assert book.get(a.id).state == "raised"
    book.dispatch(a.id, "WO-1", "dispatch")
    # an automatic work order does not acknowledge the alarm for the operator
    assert book.get(a.id).state == "raised"
    book.acknowledge(a.id, "李调度")
    assert book.get(a.id).state == "dispatched"
    book.clear_alarm("TX1", "temp_c.high", at=T0 + 60)
    assert book.get(a.id).state == "closed"  # acknowledged and cleared
    b = book.raise_alarm("TX2", "temp_c.high", Severity.HIGH, "hot", at=T0)
    book.clear_alarm("TX2", "temp_c.high", at=T0 + 60)
    assert book.get(b.id).state == "cleared"  # cleared before anyone acknowledged it
    with pytest.raises(AlarmError):
        book.shelve(b.id, "李调度", 0, "x")
    book.acknowledge(b.id, "李调度")
    assert book.get(b.id).state == "closed"
    assert book.find_open("TX1", "temp_c.high") is None
    with pytest.raises(AlarmError, match="closed"):
        book.acknowledge(b.id, "李调度")


def test_shelving_expires_and_maintenance_suppresses() -> None:
    clock = Clock()
    book = AlarmBook(clock, EscalationPolicy(high_s=60.0))
    a = book.raise_alarm("TX1", "temp_c.high", Severity.HIGH, "hot", at=T0)
    book.shelve(a.id, "张工", 600, "sensor being replaced")
    clock.t = T0 + 300
    assert book.tick() == []  # shelved: no escalation
    clock.t = T0 + 601
    book.tick()
    assert book.get(a.id).shelved_until is None
    book.add_maintenance(["P1"], T0, T0 + 3600, "pump overhaul", "张工")
    b = book.raise_alarm("P1", "offline", Severity.MEDIUM, "offline", at=T0 + 700)
    assert book.get(b.id).suppressed


def test_offline_and_stale_raise_after_their_delay() -> None:
    rig = Rig()
    rig.reading("TX1", temp_c=50.0)
    rig.store.apply_online("TX1", False, T0)
    rig.engine.handle_events([StatusReceived("TX1", False, T0, T0)])
    rig.engine.tick()
    assert rig.actions("raised") == []
    rig.clock.t = T0 + 31
    rig.engine.tick()
    assert [(c.alarm.device_id, c.alarm.type) for c in rig.actions("raised")] == [
        ("TX1", "offline")]


def test_combination_pump_running_without_pressure() -> None:
    rig = Rig()
    for k in range(5):
        rig.clock.t = T0 + 10 * k
        rig.reading("P1", running=1.0, outlet_mpa=0.3)
    for k in range(5, 10):
        rig.clock.t = T0 + 10 * k
        rig.reading("P1", running=0.0, outlet_mpa=0.05)  # stopped: low is expected
    assert "combo.running_no_pressure" not in {c.alarm.type for c in rig.actions("raised")}
    for k in range(10, 15):
        rig.clock.t = T0 + 10 * k
        rig.reading("P1", running=1.0, outlet_mpa=0.05)
    assert "combo.running_no_pressure" in {c.alarm.type for c in rig.actions("raised")}


def test_cascade_is_grouped_under_its_root_cause() -> None:
    rig = Rig()
    rig.engine.handle_events([DeviceEventReceived("TX1", T0, "trip", {}, T0)])
    root = rig.engine.book.find_open("TX1", "event.trip")
    assert root is not None and root.parent_id is None
    for device in ("P1", "B01-E1"):
        rig.reading(device, running=0.0)
        rig.store.apply_online(device, False, T0)
    for t in (T0 + 30, T0 + 100):  # the offline on-delay (60 s) runs between the ticks
        rig.clock.t = t
        rig.engine.tick()
    children = {a.device_id: a.parent_id for a in rig.engine.book.open_alarms()
                if a.type == "offline"}
    assert children == {"P1": root.id, "B01-E1": root.id}
    # long after the trip, an unrelated outage is its own incident
    rig.reading("B01-F03-SD")
    rig.store.apply_online("B01-F03-SD", False, T0 + 4000)
    for t in (T0 + 5000, T0 + 5400):
        rig.clock.t = t
        rig.engine.tick()
    smoke = rig.engine.book.find_open("B01-F03-SD", "offline")
    assert smoke is not None and smoke.parent_id is None


def test_welfare_check_for_a_resident_living_alone() -> None:
    rule = WelfareRule(unit="B01-F12-U02", resident="陈奶奶", water_meter="B01-F12-U02-WM",
                       door_devices=("B01-F12-U02-DOOR",), max_quiet_s=12 * 3600)
    rig = Rig(welfare=[rule])
    rig.reading("B01-F12-U02-WM", total_m3=100.0)
    rig.clock.t = T0 + 6 * 3600
    rig.reading("B01-F12-U02-WM", total_m3=100.2)  # water used at 06:00
    rig.clock.t = T0 + 17 * 3600
    rig.engine.tick()
    assert rig.engine.book.find_open("B01-F12-U02-WM", "welfare_check") is None
    rig.clock.t = T0 + 18 * 3600 + 1
    rig.reading("B01-F12-U02-WM", total_m3=100.2)  # meter alive, but no use
    rig.engine.tick()
    alarm = rig.engine.book.find_open("B01-F12-U02-WM", "welfare_check")
    assert alarm is not None and "陈奶奶" in alarm.message


def test_a_state_flag_raises_one_clear_alarm_not_a_high_limit() -> None:
    valve = _device("G-SPR-01", "sprinkler_valve", {
        "open": PointSpec(normal=(0.0, 0.0), limits=(0.0, 0.0)),
        "pressure_mpa": PointSpec(unit="MPa", normal=(0.3, 1.0), limits=(0.2, 1.2))})
    cover = _device("R-MH-01", "manhole_cover", {
        "open": PointSpec(normal=(0.0, 0.0), limits=(0.0, 0.0))})
    rig = Rig(devices=(valve, cover))
    rig.reading("G-SPR-01", open=1.0, pressure_mpa=0.6)
    rig.reading("R-MH-01", open=1.0)  # announced by its manhole_open event instead
    raised = rig.actions("raised")
    assert [(c.alarm.type, c.alarm.severity) for c in raised] == [
        ("open.flag", Severity.CRITICAL)]
    assert raised[0].alarm.message == "open = 1"


def test_rate_of_change_catches_a_fast_rise_but_not_sensor_noise() -> None:
    rules = {"TX1": RuleSet(rates=(RateRule(point="temp_c", max_rise_per_min=3.0,
                                            severity=Severity.HIGH),))}
    rig = Rig(overrides=rules)
    rng = random.Random(2)
    for k in range(180):  # 30 minutes flat at 60 °C, ±0.3 °C noise, a reading every 10 s
        rig.clock.t = T0 + 10 * k
        rig.reading("TX1", temp_c=60.0 + rng.gauss(0, 0.3))
    assert rig.actions("raised") == []
    start = rig.clock.t
    for k in range(1, 13):  # then +5 °C per minute for two minutes, still below any limit
        rig.clock.t = start + 10 * k
        rig.reading("TX1", temp_c=60.0 + 5.0 * (10 * k) / 60 + rng.gauss(0, 0.3))
    raised = rig.actions("raised")
    assert [(c.alarm.type, c.alarm.severity) for c in raised] == [("temp_c.rate", Severity.HIGH)]
