"""Default rules per device kind (policy clause [7]: fire protection, gas, transformers,
elevators, water pumps, manhole covers), derived from each point's declared bands.

A point's ``normal`` band gives H/L (a warning), its ``limits`` give HH/LL (an alarm). Kinds
that carry safety duty get stricter severities, shorter delays and event alarms.
"""

from __future__ import annotations

from app.alarms.model import Severity
from app.alarms.rules import (
    ComboRule,
    Condition,
    EventRule,
    LimitRule,
    OfflineRule,
    RateRule,
    RuleSet,
)
from app.domain.model import Device, PointSpec

#: kinds whose limit breaches are life-safety: HH is CRITICAL
_LIFE_SAFETY = {"gas_detector", "smoke_detector", "fire_hydrant_pressure", "sprinkler_valve"}

#: kinds whose points follow a daily pattern, where a learned band is worth having
_LEARNED = {"transformer", "water_pump", "pipe_pressure", "power_meter", "water_tank_level",
            "heat_meter", "ev_charger"}

#: event kinds per device kind and their severity
_EVENTS: dict[str, tuple[tuple[str, Severity], ...]] = {
    "smoke_detector": (("smoke", Severity.CRITICAL),),
    "gas_detector": (("gas_leak", Severity.CRITICAL),),
    "door_access": (("door_forced", Severity.HIGH), ("door_held_open", Severity.LOW)),
    "manhole_cover": (("manhole_open", Severity.HIGH), ("manhole_displaced", Severity.HIGH)),
    "panic_button": (("panic", Severity.CRITICAL), ("pressed", Severity.CRITICAL)),
    "elevator": (("trapped", Severity.CRITICAL), ("fault", Severity.HIGH)),
    "fire_hydrant_pressure": (("tamper", Severity.HIGH),),
    "ev_charger": (("fault", Severity.MEDIUM),),
    "barrier_gate": (("forced", Severity.HIGH),),
    "camera": (("video_loss", Severity.MEDIUM), ("tampering", Severity.HIGH),
               ("falling_object", Severity.CRITICAL)),
    "transformer": (("trip", Severity.CRITICAL),),
    "water_pump": (("trip", Severity.HIGH),),
}

#: event alarms that last until the device says the condition is over: an opened manhole
#: cover is a hole in the road until its sensor reports it "restored" (a day at most)
_EVENT_CLEARING: dict[str, dict[str, object]] = {
    "manhole_cover": {"hold_s": 86400.0, "cleared_by": ("restored",)},
}

#: combinations, applied when the device has every point they name
_COMBOS: dict[str, tuple[ComboRule, ...]] = {
    "water_pump": (
        ComboRule(name="running_no_pressure",
                  all_of=(Condition(point="running", op="==", value=1.0),
                          Condition(point="outlet_mpa", op="<", value=0.15)),
                  severity=Severity.HIGH, on_delay_s=30.0,
                  message="pump running but outlet pressure low"),
    ),
    "elevator": (
        ComboRule(name="stuck_between_floors",
                  all_of=(Condition(point="running", op="==", value=0.0),
                          Condition(point="door_open", op="==", value=0.0),
                          Condition(point="fault", op="==", value=1.0)),
                  severity=Severity.CRITICAL, on_delay_s=20.0,
                  message="elevator stopped with a fault and doors closed"),
        # the delays that keep a car waiting at a landing, or a slow report, from alarming:
        # a car at rest outside the door zone for 45 s cannot let anyone out
        ComboRule(name="stopped_outside_door_zone",
                  all_of=(Condition(point="running", op="==", value=0.0),
                          Condition(point="door_zone", op="==", value=0.0)),
                  severity=Severity.HIGH, on_delay_s=45.0, off_delay_s=10.0,
                  message="car stopped outside the door zone"),
        # unintended car movement: any report of it is one too many
        ComboRule(name="moving_doors_open",
                  all_of=(Condition(point="running", op="==", value=1.0),
                          Condition(point="door_open", op="==", value=1.0)),
                  severity=Severity.CRITICAL, on_delay_s=0.0, off_delay_s=30.0,
                  message="car moving with doors open"),
        # trapped = occupied and doors closed and stopped, for longer than a ride can wait
        ComboRule(name="trapped_passenger",
                  all_of=(Condition(point="occupied", op="==", value=1.0),
                          Condition(point="door_open", op="==", value=0.0),
                          Condition(point="running", op="==", value=0.0)),
                  severity=Severity.CRITICAL, on_delay_s=60.0, off_delay_s=10.0,
                  message="passenger trapped"),
    ),
    "manhole_cover": (
        # over 90° the cover is off its frame: no delay, whatever vibration does
        ComboRule(name="cover_off",
                  all_of=(Condition(point="tilt_deg", op=">", value=90.0),),
                  severity=Severity.CRITICAL, on_delay_s=0.0, off_delay_s=30.0,
                  message="manhole cover off (tilt over 90°)"),
    ),
    "transformer": (
        ComboRule(name="hot_under_light_load",
                  all_of=(Condition(point="load_pct", op="<", value=50.0),
                          Condition(point="temp_c", op=">", value=80.0)),
                  severity=Severity.HIGH, on_delay_s=60.0,
                  message="transformer hot under light load: cooling fault?"),
    ),
}

_OFFLINE: dict[str, OfflineRule | None] = {
    "camera": OfflineRule(severity=Severity.MEDIUM, on_delay_s=30.0),
    "microphone": OfflineRule(severity=Severity.LOW, on_delay_s=120.0),
    "smoke_detector": OfflineRule(severity=Severity.MEDIUM, on_delay_s=300.0),
    "gas_detector": OfflineRule(severity=Severity.MEDIUM, on_delay_s=300.0),
    "transformer": OfflineRule(severity=Severity.HIGH, on_delay_s=30.0),
    "elevator": OfflineRule(severity=Severity.MEDIUM, on_delay_s=60.0),
    "water_pump": OfflineRule(severity=Severity.MEDIUM, on_delay_s=60.0),
    "barrier_gate": OfflineRule(severity=Severity.MEDIUM, on_delay_s=60.0),
    # a cover's sensor sleeps between heartbeats: stale (3 missed) is the alarm itself
    "manhole_cover": OfflineRule(severity=Severity.MEDIUM, on_delay_s=0.0),
    # meters report every few minutes; a short silence is not worth an operator's attention
    "water_meter": OfflineRule(severity=Severity.LOW, on_delay_s=1800.0),
    "power_meter": OfflineRule(severity=Severity.LOW, on_delay_s=1800.0),
    "heat_meter": OfflineRule(severity=Severity.LOW, on_delay_s=1800.0),
    "parking_space": None,  # a parking sensor going quiet is not an alarm
}

#: points that are counters (cumulative) or states: no limit alarm makes sense
_NO_LIMITS = {"kwh", "m3", "gj", "seq"}

#: flag points already announced by an event of the same device (one incident, one alarm),
#: and presence flags that the offline rule covers
_FLAGS_COVERED = {("manhole_cover", "open"), ("door_access", "forced"),
                  ("panic_button", "pressed"), ("elevator", "fault"), ("camera", "online"),
                  ("microphone", "online")}


def _is_flag(spec: PointSpec) -> bool:
    """A 0/1 state point: its normal band is one value (e.g. fault must be 0)."""
    return spec.normal is not None and spec.normal[0] == spec.normal[1]


def _limit_for(name: str, spec: PointSpec, kind: str) -> LimitRule | None:
    if spec.normal is None and spec.limits is None:
        return None
    if name.split("_")[-1] in _NO_LIMITS:
        return None
    if _is_flag(spec):
        if (kind, name) in _FLAGS_COVERED:
            return None
        assert spec.normal is not None
        expected = spec.normal[0]
        life_safety = kind in _LIFE_SAFETY
        return LimitRule(point=name, h=expected, l=expected, flag=True,
                         on_delay_s=0.0 if life_safety else 10.0, off_delay_s=10.0,
                         severity_h=Severity.CRITICAL if life_safety else Severity.HIGH)
    lo_n, hi_n = spec.normal if spec.normal is not None else (None, None)
    lo_l, hi_l = spec.limits if spec.limits is not None else (None, None)
    span = (hi_n - lo_n) if spec.normal is not None else (
        (hi_l - lo_l) if spec.limits is not None else 1.0)
    life_safety = kind in _LIFE_SAFETY
    if (kind, name) == ("manhole_cover", "tilt_deg"):
        hi_l = None  # beyond 90° is the cover_off combination: at once, not after a delay
    return LimitRule(
        point=name, h=hi_n, l=lo_n, hh=hi_l, ll=lo_l,
        hysteresis=0.02 * span,
        on_delay_s=5.0 if life_safety else 30.0,
        off_delay_s=10.0 if life_safety else 60.0,
        severity_h=Severity.HIGH if life_safety else Severity.MEDIUM,
        severity_hh=Severity.CRITICAL if life_safety else Severity.HIGH,
        learned=kind in _LEARNED,
    )


def rules_for(device: Device) -> RuleSet:
    """The default rules of a device, from its kind and its points' declared bands."""
    limits = tuple(r for name, spec in device.points.items()
                   if (r := _limit_for(name, spec, device.kind)) is not None)
    rates: tuple[RateRule, ...] = ()
    if device.kind == "transformer" and "temp_c" in device.points:
        rates = (RateRule(point="temp_c", max_rise_per_min=3.0, severity=Severity.HIGH),)
    events = tuple(EventRule(kind=k, severity=s, **_EVENT_CLEARING.get(device.kind, {}))
                   for k, s in _EVENTS.get(device.kind, ()))
    combos = tuple(c for c in _COMBOS.get(device.kind, ())
                   if all(cond.point in device.points for cond in c.all_of + c.any_of))
    offline = _OFFLINE.get(device.kind, OfflineRule())
    return RuleSet(limits=limits, rates=rates, events=events, combos=combos, offline=offline)
