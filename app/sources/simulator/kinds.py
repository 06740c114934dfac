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
_ALARM_FLAG = _p("", (0, 0), (0, 0))  # 1 = fault / forced / pressed: an alarm
_ONLINE = _p("", (1, 1), (1, 1))
_BATTERY = _p("%", (30, 100), (10, 100))

DEFAULT_POINTS: dict[str, dict[str, PointSpec]] = {
    "power_meter": {"total_kwh": _p("kWh"), "power_kw": _p("kW", (0, 6), (0, 10)),
                    "voltage_v": _p("V", (210, 235), (198, 242))},
    "water_meter": {"total_m3": _p("m³"), "flow_m3h": _p("m³/h", (0, 1.5), (0, 3))},
    "heat_meter": {"total_gj": _p("GJ"), "supply_c": _p("°C", (45, 65), (35, 80)),
                   "return_c": _p("°C", (30, 50), (20, 65))},
    "gas_detector": {"lel_pct": _p("%LEL", (0, 10), (0, 25))},
    "smoke_detector": {"smoke_pct_m": _p("%/m", (0, 1), (0, 4)), "battery_pct": _BATTERY},
    "fire_hydrant_pressure": {"pressure_mpa": _p("MPa", (0.25, 0.6), (0.15, 0.8))},
    "pipe_pressure": {"pressure_mpa": _p("MPa", (0.25, 0.45), (0.15, 0.6))},
    "sprinkler_valve": {"pressure_mpa": _p("MPa", (0.3, 1.0), (0.2, 1.2)), "open": _ALARM_FLAG},
    "elevator": {"floor": _FLAG, "running": _FLAG, "door_open": _FLAG,
                 "load_kg": _p("kg", (0, 800), (0, 1000)), "fault": _ALARM_FLAG,
                 "door_zone": _FLAG, "occupied": _FLAG, "runs": _p("次"),
                 "door_cycles": _p("次")},
    "water_pump": {"running": _FLAG, "power_kw": _p("kW", (0, 15), (0, 22)),
                   "outlet_mpa": _p("MPa", (0.3, 0.6), (0.15, 0.8)),
                   "vibration_mm_s": _p("mm/s", (0, 4.5), (0, 7.1))},
    "water_tank_level": {"level_pct": _p("%", (40, 95), (20, 100))},
    "lighting_circuit": {"on": _FLAG, "current_a": _p("A", (0, 16), (0, 20))},
    "transformer": {"temp_c": _p("°C", (20, 85), (0, 105)), "load_pct": _p("%", (0, 80),
                                                                             (0, 100)),
                    "voltage_v": _p("V", (380, 420), (360, 440))},
    "manhole_cover": {"open": _ALARM_FLAG, "tilt_deg": _p("°", (0, 10), (0, 90)),
                      "battery_pct": _BATTERY,
                      "water_level_cm": _p("cm", (0, 30), (0, 60)),
                      "gas_lel_pct": _p("%LEL", (0, 10), (0, 25))},
    "door_access": {"door_open": _FLAG, "forced": _ALARM_FLAG},
    "barrier_gate": {"open": _FLAG, "fault": _ALARM_FLAG, "passes": _p("次")},
    "parking_space": {"occupied": _FLAG},
    "ev_charger": {"power_kw": _p("kW", (0, 7), (0, 8)), "state": _p("", (0, 1), (0, 1)),
                   "energy_kwh": _p("kWh")},
    "camera": {"online": _ONLINE, "fps": _p("fps", (12, 30), (5, 60))},
    "microphone": {"online": _ONLINE, "level_db": _p("dB", (30, 80), (0, 110))},
    "panic_button": {"pressed": _ALARM_FLAG, "battery_pct": _BATTERY},
}

#: kinds whose pressure (points in MPa) falls when a water pump has failed
PRESSURE_KINDS = frozenset({"fire_hydrant_pressure", "pipe_pressure", "sprinkler_valve"})
#: kinds whose readings may leave their normal band while a pump is down (no clamping)
PUMP_DEPENDENT_KINDS = PRESSURE_KINDS | {"water_tank_level"}
#: what is left of the pressure while any pump is down
PRESSURE_DROP_FACTOR = 0.55
