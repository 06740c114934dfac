"""Display names of measured points (``temp_c`` → "Temperature"), translated in the
"Point" context; an unknown point shows its machine name."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

POINT_NAMES = {
    "temp_c": QT_TRANSLATE_NOOP("Point", "Temperature"),
    "load_pct": QT_TRANSLATE_NOOP("Point", "Load"),
    "voltage_v": QT_TRANSLATE_NOOP("Point", "Voltage"),
    "power_kw": QT_TRANSLATE_NOOP("Point", "Power"),
    "total_kwh": QT_TRANSLATE_NOOP("Point", "Energy (total)"),
    "energy_kwh": QT_TRANSLATE_NOOP("Point", "Energy charged"),
    "flow_m3h": QT_TRANSLATE_NOOP("Point", "Flow"),
    "total_m3": QT_TRANSLATE_NOOP("Point", "Water (total)"),
    "total_gj": QT_TRANSLATE_NOOP("Point", "Heat (total)"),
    "supply_c": QT_TRANSLATE_NOOP("Point", "Supply temperature"),
    "return_c": QT_TRANSLATE_NOOP("Point", "Return temperature"),
    "lel_pct": QT_TRANSLATE_NOOP("Point", "Gas concentration"),
    "smoke_pct_m": QT_TRANSLATE_NOOP("Point", "Smoke density"),
    "battery_pct": QT_TRANSLATE_NOOP("Point", "Battery"),
    "pressure_mpa": QT_TRANSLATE_NOOP("Point", "Pressure"),
    "pressure_kpa": QT_TRANSLATE_NOOP("Point", "Pressure"),
    "outlet_mpa": QT_TRANSLATE_NOOP("Point", "Outlet pressure"),
    "vibration_mm_s": QT_TRANSLATE_NOOP("Point", "Vibration"),
    "running": QT_TRANSLATE_NOOP("Point", "Running"),
    "level_pct": QT_TRANSLATE_NOOP("Point", "Level"),
    "current_a": QT_TRANSLATE_NOOP("Point", "Current"),
    "on": QT_TRANSLATE_NOOP("Point", "Switched on"),
    "tilt_deg": QT_TRANSLATE_NOOP("Point", "Tilt"),
    "open": QT_TRANSLATE_NOOP("Point", "Open"),
    "fault": QT_TRANSLATE_NOOP("Point", "Fault"),
    "forced": QT_TRANSLATE_NOOP("Point", "Forced open"),
    "door_open": QT_TRANSLATE_NOOP("Point", "Door open"),
    "floor": QT_TRANSLATE_NOOP("Point", "Floor"),
    "load_kg": QT_TRANSLATE_NOOP("Point", "Car load"),
    "state": QT_TRANSLATE_NOOP("Point", "State"),
    "occupied": QT_TRANSLATE_NOOP("Point", "Occupied"),
    "fps": QT_TRANSLATE_NOOP("Point", "Frame rate"),
    "online": QT_TRANSLATE_NOOP("Point", "Online"),
    "level_db": QT_TRANSLATE_NOOP("Point", "Sound level"),
    "passes": QT_TRANSLATE_NOOP("Point", "Passes"),
    "pressed": QT_TRANSLATE_NOOP("Point", "Pressed"),
    "door_zone": QT_TRANSLATE_NOOP("Point", "In door zone"),
    "runs": QT_TRANSLATE_NOOP("Point", "Runs (total)"),
    "door_cycles": QT_TRANSLATE_NOOP("Point", "Door cycles (total)"),
    "water_level_cm": QT_TRANSLATE_NOOP("Point", "Water level"),
    "gas_lel_pct": QT_TRANSLATE_NOOP("Point", "Gas concentration"),
}


def point_name(point: str) -> str:
    source = POINT_NAMES.get(point)
    return QCoreApplication.translate("Point", source) if source else point
