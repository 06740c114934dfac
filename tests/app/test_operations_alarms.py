"""Lift and manhole-cover alarms with the delays that stop false alarms, the lift's 96333
rescue code on its alarms, a manhole's "restored" clearing its alarm, and conditions judged
by operations raised through the same alarm machinery."""

from __future__ import annotations

from app.alarms.messages import describe, detail
from app.alarms.model import Severity
from app.domain.model import Device, Location
from app.ingest.events import DeviceEventReceived
from app.sources.simulator.kinds import DEFAULT_POINTS
from tests.app.test_alarms import T0, Rig

LIFT = Device("B03-C1-EL1", "elevator", "3栋 1号梯", Location((0, 0, 0), "B03", 1),
              DEFAULT_POINTS["elevator"], report_interval_s=10.0)
COVER = Device("MH-01", "manhole_cover", "1号井盖", Location((0, 0, 0)),
               DEFAULT_POINTS["manhole_cover"], report_interval_s=300.0)
AT_REST = dict(running=0.0, door_open=0.0, door_zone=1.0, occupied=0.0, fault=0.0,
               load_kg=0.0, floor=5.0)


def lift_rig() -> Rig:
    return Rig(devices=(LIFT, COVER), device_notes={LIFT.id: {"rescue_code": "31415"}})


def run_lift(rig: Rig, seconds: int, start: int = 0, **values: float) -> None:
    for k in range(start, start + seconds + 1, 10):
        rig.clock.t = T0 + k
        rig.reading(LIFT.id, **{**AT_REST, **values})


def raised(rig: Rig) -> dict[str, object]:
    return {c.alarm.type: c.alarm for c in rig.actions("raised")}


def test_a_car_stopped_outside_the_door_zone_alarms_only_after_45_s():
    rig = lift_rig()
    run_lift(rig, 40, door_zone=0.0)  # 40 s between floors: a slow report, not a fault
    assert "combo.stopped_outside_door_zone" not in raised(rig)
    run_lift(rig, 60, start=50)  # back at a landing: the pending condition is forgotten
    run_lift(rig, 50, start=120, door_zone=0.0)
    alarm = raised(rig)["combo.stopped_outside_door_zone"]
    assert alarm.raised_at == T0 + 170 and alarm.severity == Severity.HIGH  # 120 + 45, next report


def test_a_trapped_passenger_alarm_carries_the_96333_rescue_code():
    rig = lift_rig()
    run_lift(rig, 50, occupied=1.0, load_kg=70.0)  # someone inside, waiting 50 s
    assert "combo.trapped_passenger" not in raised(rig)
    run_lift(rig, 30, start=60, occupied=1.0, load_kg=70.0)
    alarm = raised(rig)["combo.trapped_passenger"]
    assert alarm.severity == Severity.CRITICAL
    assert alarm.detail["rescue_code"] == "31415"
    assert "96333 rescue code 31415" in alarm.message


def test_moving_with_doors_open_alarms_at_once_and_an_empty_car_at_rest_never():
    rig = lift_rig()
    run_lift(rig, 600)  # ten minutes idle, doors closed, empty: nothing
    assert raised(rig) == {}
    run_lift(rig, 0, start=610, running=1.0, door_open=1.0, door_zone=0.0)
    assert raised(rig)["combo.moving_doors_open"].raised_at == T0 + 610


def cover(rig: Rig, at: int, **values: float) -> None:
    rig.clock.t = T0 + at
    rig.reading(COVER.id, **{"open": 0.0, "tilt_deg": 1.0, "battery_pct": 80.0,
                             "water_level_cm": 8.0, "gas_lel_pct": 0.5, **values})


def test_a_cover_tilted_past_10_degrees_alarms_after_its_delay_past_90_at_once():
    rig = lift_rig()
    cover(rig, 0, tilt_deg=25.0)
    cover(rig, 20, tilt_deg=25.0)  # a lorry rocking it: not yet
    assert "tilt_deg.high" not in raised(rig)
    cover(rig, 40, tilt_deg=25.0)
    assert raised(rig)["tilt_deg.high"].raised_at == T0 + 40
    cover(rig, 50, tilt_deg=120.0)  # off its frame: no delay at all
    alarm = raised(rig)["combo.cover_off"]
    assert alarm.raised_at == T0 + 50 and alarm.severity == Severity.CRITICAL


def test_water_gas_and_battery_of_a_cover_alarm_on_their_bands():
    rig = lift_rig()
    for at in (0, 40):
        cover(rig, at, water_level_cm=70.0, gas_lel_pct=30.0, battery_pct=8.0)
    alarms = raised(rig)
    assert alarms["water_level_cm.high"].severity == Severity.HIGH
    assert alarms["gas_lel_pct.high"].severity == Severity.HIGH
    assert alarms["battery_pct.low"].severity == Severity.HIGH


def test_an_opened_cover_stays_alarmed_until_its_sensor_says_restored():
    rig = lift_rig()
    rig.engine.handle_events([DeviceEventReceived(COVER.id, T0, "manhole_open", {}, T0)])
    rig.clock.t = T0 + 3600  # an hour later, no repeat: a hole in the road still
    rig.engine.tick()
    assert rig.engine.book.is_active(COVER.id, "event.manhole_open")
    rig.engine.handle_events([DeviceEventReceived(COVER.id, T0 + 3700, "restored", {},
                                                  T0 + 3700)])
    assert not rig.engine.book.is_active(COVER.id, "event.manhole_open")
    assert rig.actions("cleared")[0].at == T0 + 3700


def test_a_cover_that_misses_its_heartbeats_alarms():
    rig = lift_rig()
    cover(rig, 0)
    rig.clock.t = T0 + 3 * 300 + 1  # three heartbeats missed
    rig.store.mark_stale(now=rig.clock.t)
    rig.engine.tick()
    assert raised(rig)["offline"].device_id == COVER.id


def test_conditions_from_operations_go_through_the_same_delays_and_book():
    rig = lift_rig()
    message = detail("operations", what="gate_silent", minutes=31, peers=12)
    for at in (0, 100):
        rig.engine.report_condition(COVER.id, "gate.silent", True, T0 + at,
                                    severity=Severity.MEDIUM, message=message, on_delay_s=60)
    alarm = raised(rig)["gate.silent"]
    assert alarm.raised_at == T0 + 100 and describe(alarm.detail) == "gate_silent"
    rig.engine.report_condition(COVER.id, "gate.silent", False, T0 + 200,
                                severity=Severity.MEDIUM, message=message)
    assert not rig.engine.book.is_active(COVER.id, "gate.silent")
    rig.engine.report_condition("nobody", "gate.silent", True, T0, severity=Severity.LOW,
                                message=message)  # an unknown device: ignored, no error
