"""Per-kind defaults: the points a device of each CONTRACTS kind publishes when the scene
declares none, with units and the normal/alarm bands the simulator respects.

Flags (running, open, fault ...) are 0/1 numbers because telemetry ``values`` are numbers.
``ev_charger.state`` is a code: 0 idle, 1 charging, 2 fault.
"""

from __future__ import annotations

from app.domain.model import PointSpec


def _p(unit: str = "", normal: tuple[float, float] | None = None,
       limits: tuple[float, float] | None = None) -> PointSpec:
    return PointSpec(unit=unit, normal=normal, limits=limits)


_FLAG = _p()
_FAULT_FLAG = _p("", (0, 0), (0, 0.5))  # 1 = fault: an alarm

DEFAULT_POINTS: dict[str, dict[str, PointSpec]] = {
    "power_meter": {"kwh": _p("kWh"), "kw": _p("kW", (0, 8), (0, 12))},
    "water_meter": {"m3": _p("m³"), "flow_m3h": _p("m³/h", (0, 1.5), (0, 3))},
    "heat_meter": {"mwh": _p("MWh"), "kw": _p("kW", (0, 15), (0, 25)),
                   "supply_c": _p("°C", (45, 70), (35, 85)),
                   "return_c": _p("°C", (30, 55), (20, 70))},
    "gas_detector": {"lel_pct": _p("%LEL", (0, 10), (0, 25))},
    "smoke_detector": {"obscuration_pct": _p("%/m", (0, 1.5), (0, 4))},
    "fire_hydrant_pressure": {"mpa": _p("MPa", (0.25, 0.5), (0.15, 0.7))},
    "pipe_pressure": {"mpa": _p("MPa", (0.3, 0.6), (0.2, 0.8))},
    "sprinkler_valve": {"mpa": _p("MPa", (0.45, 0.9), (0.3, 1.2)), "open": _p("", (0, 0),
                                                                          (0, 0.5))},
    "elevator": {"floor": _FLAG, "running": _FLAG, "door_open": _FLAG,
                 "load_kg": _p("kg", (0, 1000), (0, 1150)), "fault": _FAULT_FLAG},
    "water_pump": {"running": _FLAG, "mpa": _p("MPa", (0, 0.9), (0, 1.1)),
                   "current_a": _p("A", (0, 40), (0, 55)), "fault": _FAULT_FLAG},
    "water_tank_level": {"level_pct": _p("%", (25, 98), (10, 100))},
    "lighting_circuit": {"on": _FLAG, "kw": _p("kW", (0, 6), (0, 8))},
    "transformer": {"load_pct": _p("%", (0, 80), (0, 100)),
                    "temp_c": _p("°C", (10, 85), (-20, 105))},
    "manhole_cover": {"tilt_deg": _p("°", (0, 5), (0, 15)), "open": _p("", (0, 0), (0, 0.5))},
    "door_access": {"open": _FLAG},
    "barrier_gate": {"open": _FLAG},
    "parking_space": {"occupied": _FLAG},
    "ev_charger": {"state": _p("", (0, 1), (0, 1.5)), "power_kw": _p("kW", (0, 7.5), (0, 8))},
    "camera": {"fps": _p("fps", (15, 30), (5, 60))},
    "microphone": {"noise_db": _p("dB", (25, 75), (0, 100))},
    "panic_button": {"battery_pct": _p("%", (20, 100), (5, 100))},
}

#: kinds whose pressure falls when a water pump has failed
PRESSURE_KINDS = frozenset({"fire_hydrant_pressure", "pipe_pressure", "sprinkler_valve"})
#: what is left of the pressure while any pump is down
PRESSURE_DROP_FACTOR = 0.55
