"""Faults: the catalogue (what each does to which points), the seeded schedule (a few per
simulated hour, plus an opening set near t0 so every status colour shows within seconds),
and ``apply`` which bends a device's normal values while its fault lasts.

Targets are placed relative to the device's own declared bands: severity < 1 lands in the
warning band, > 1 beyond the alarm limit, so the scene's specs decide the colour.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from app.domain.model import PointSpec

from .kinds import PRESSURE_DROP_FACTOR, PRESSURE_KINDS, PUMP_DEPENDENT_KINDS
from .noise import mix, poisson
from .world import DeviceSim, Fault

# effect: ("up"|"down", ramp seconds) drives towards the band edge; ("set", value) forces
Effect = tuple[str, float]


@dataclass(frozen=True, slots=True)
class FaultType:
    kind: str | None  # device kind it strikes; None = any device
    weight: float
    minutes: tuple[float, float]
    event: str | None
    effects: dict[str, Effect]
    end_event: str = "recovered"  # what the device says when it is over


CATALOGUE: dict[str, FaultType] = {
    "transformer_overheat": FaultType("transformer", 1.0, (10, 30), "overheat",
                                      {"temp_c": ("up", 600.0)}),
    "pump_failure": FaultType("water_pump", 1.0, (10, 40), "pump_fault",
                              {"running": ("set", 0), "power_kw": ("set", 0),
                               "current_a": ("set", 0), "fault": ("set", 1),
                               "outlet_mpa": ("down", 30.0), "vibration_mm_s": ("up", 10.0)}),
    "elevator_stuck": FaultType("elevator", 2.0, (5, 30), "elevator_stuck",
                                {"fault": ("set", 1), "running": ("set", 0),
                                 "door_open": ("set", 0), "door_zone": ("set", 0),
                                 "occupied": ("set", 0), "load_kg": ("set", 0)}),
    # stopped between floors with riders inside: the trapped-passenger rule's case
    "elevator_trapped": FaultType("elevator", 1.0, (5, 25), None,
                                  {"fault": ("set", 1), "running": ("set", 0),
                                   "door_open": ("set", 0), "door_zone": ("set", 0),
                                   "occupied": ("set", 1), "load_kg": ("set", 140)}),
    "elevator_door_moving": FaultType("elevator", 0.2, (1, 3), None,
                                      {"running": ("set", 1), "door_open": ("set", 1),
                                       "door_zone": ("set", 0)}),
    "gas_leak": FaultType("gas_detector", 1.0, (5, 20), "gas_leak", {"lel_pct": ("up", 90.0)}),
    "manhole_open": FaultType("manhole_cover", 1.0, (10, 60), "manhole_open",
                              {"tilt_deg": ("up", 5.0), "open": ("set", 1)},
                              end_event="restored"),
    "manhole_flooded": FaultType("manhole_cover", 0.5, (30, 180), None,
                                 {"water_level_cm": ("up", 900.0)}),
    "sewer_gas": FaultType("manhole_cover", 0.3, (10, 60), None,
                           {"gas_lel_pct": ("up", 300.0)}),
    "sensor_battery_low": FaultType("manhole_cover", 0.2, (120, 720), None,
                                    {"battery_pct": ("down", 600.0)}),
    "smoke_alarm": FaultType("smoke_detector", 1.0, (3, 10), "smoke",
                             {"smoke_pct_m": ("up", 45.0)}),
    "ev_charger_fault": FaultType("ev_charger", 1.0, (10, 60), "charger_fault",
                                  {"state": ("set", 2), "power_kw": ("set", 0)}),
    "barrier_fault": FaultType("barrier_gate", 0.5, (5, 30), "gate_fault",
                               {"fault": ("set", 1), "open": ("set", 1)}),
    # the controller keeps counting but its pass messages are lost
    "pass_feed_lost": FaultType("barrier_gate", 0.3, (20, 60), None, {}),
    "offline": FaultType(None, 0.0, (2, 20), None, {}),
}

EQUIPMENT_FAULTS_PER_HOUR = 3.0
OFFLINE_PER_HOUR = 2.0
SEVERITY = (0.4, 1.8)
#: near t0: (fault, seconds after t0, minutes it lasts, severity, already developed)
OPENING: tuple[tuple[str, float, float, float, bool], ...] = (
    ("transformer_overheat", 0.0, 8.0, 1.4, True),
    ("gas_leak", 0.0, 6.0, 0.6, True),
    ("elevator_stuck", 0.0, 5.0, 1.0, True),
    ("manhole_open", 3.0, 10.0, 0.7, True),
    ("offline", 0.0, 4.0, 1.0, True),
    ("offline", 0.0, 7.0, 1.0, True),
    ("offline", 2.0, 3.0, 1.0, True),
    ("smoke_alarm", 20.0, 4.0, 1.5, False),
    ("pump_failure", 45.0, 6.0, 1.0, False),
)


def hour_faults(seed: int, hour: int, by_kind: dict[str, list[int]], n: int) -> list[Fault]:
    """The faults starting in simulated hour ``hour`` (epoch hours), independent of ticks."""
    rng = random.Random(mix(seed * 1_000_003 + hour))
    kinds = [(name, ft) for name, ft in CATALOGUE.items() if ft.kind in by_kind]
    out: list[Fault] = []
    for _ in range(poisson(rng.random(), EQUIPMENT_FAULTS_PER_HOUR) if kinds else 0):
        name, ft = rng.choices(kinds, weights=[k[1].weight for k in kinds])[0]
        out.append(_make(rng, name, rng.choice(by_kind[ft.kind]), hour * 3600.0))
    for _ in range(poisson(rng.random(), OFFLINE_PER_HOUR) if n else 0):
        out.append(_make(rng, "offline", rng.randrange(n), hour * 3600.0))
    return out


def opening_faults(seed: int, t0: float, by_kind: dict[str, list[int]], n: int) -> list[Fault]:
    rng = random.Random(mix(seed ^ 0x0F0F))
    out: list[Fault] = []
    used: set[int] = set()
    for name, after_s, minutes, severity, developed in OPENING:
        kind = CATALOGUE[name].kind
        pool = range(n) if kind is None else by_kind.get(kind, [])
        choices = [i for i in pool if i not in used]
        if not choices:
            continue
        device = rng.choice(choices)
        used.add(device)
        start = t0 + after_s
        # a developed fault began before t0: its ramp is already complete
        out.append(Fault(name, device, start - (3600.0 if developed else 0.0),
                         start + minutes * 60.0, severity))
    return out


def _make(rng: random.Random, name: str, device: int, hour_start: float) -> Fault:
    lo, hi = CATALOGUE[name].minutes
    start = hour_start + rng.random() * 3600.0
    return Fault(name, device, start, start + rng.uniform(lo, hi) * 60.0,
                 rng.uniform(*SEVERITY))


def _target(spec: PointSpec | None, direction: str, severity: float, base: float) -> float:
    i = 1 if direction == "up" else 0
    edge = spec.normal[i] if spec is not None and spec.normal is not None else base
    if spec is not None and spec.limits is not None:
        limit = spec.limits[i]
    else:
        limit = edge + (abs(edge) * 0.6 + 1.0) * (1 if i else -1)
    return edge + severity * (limit - edge)


def apply(dev: DeviceSim, values: dict[str, float], t: float, pumps_down: int) -> set[str]:
    """Bend ``values`` in place for the device's fault and a compound pump failure; returns
    the points it changed (those are exempt from clamping into the normal band)."""
    touched: set[str] = set()
    if pumps_down and dev.kind in PUMP_DEPENDENT_KINDS:
        for point in values:
            unit = dev.specs[point].unit.lower() if point in dev.specs else ""
            if dev.kind not in PRESSURE_KINDS:  # tanks: no refill, the level may fall low
                touched.add(point)
            elif unit == "mpa" or "mpa" in point:
                values[point] *= PRESSURE_DROP_FACTOR
                touched.add(point)
    fault = dev.fault
    if fault is None:
        return touched
    for point, (how, arg) in CATALOGUE[fault.name].effects.items():
        if point not in values:
            continue
        if how == "set":
            values[point] = float(arg)
        else:
            base = values[point]
            ramp = min(1.0, max(0.0, (t - fault.start) / arg)) if arg > 0 else 1.0
            values[point] = base + ramp * (_target(dev.specs.get(point), how, fault.severity,
                                                   base) - base)
        touched.add(point)
    return touched
