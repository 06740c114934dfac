"""What the operations package needs to know about a compound beyond its devices: which
points are meters, which tariff prices them, the parking zones and their gates, the roof
tanks and the charger feeder to schedule, the water mains, the lifts' 96333 rescue codes.

Read from ``operations.json`` in the scene folder (optional: every field has a default that
fits the device list). Strictly validated: an unknown key or a bad value is one line naming
the file and the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import msgspec

Positive = Annotated[float, msgspec.Meta(gt=0)]
Percent = Annotated[float, msgspec.Meta(ge=0, le=100)]


class OperationsConfigError(ValueError):
    """A bad operations.json: one line naming the file and the field."""


class _S(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    pass


class MeterRule(_S, kw_only=True):
    """Which (kind, point) is metered, and how: a cumulative ``register``, an instantaneous
    ``power`` in kW integrated over time, or a ``current`` in A times ``factor`` kW/A."""

    kind: str
    point: str
    quantity: str  # electricity | water | heat | lift_runs | door_cycles
    method: Literal["register", "power", "current"] = "register"
    factor: Positive = 1.0
    group: str | None = None  # None: households (a flat's meter) or public / mains
    max_rate_per_h: Positive  # faster than this is not consumption (a glitch)
    rollover_at: Positive | None = None


DEFAULT_METERS: tuple[MeterRule, ...] = (
    MeterRule(kind="power_meter", point="total_kwh", quantity="electricity",
              max_rate_per_h=500.0),
    MeterRule(kind="water_meter", point="total_m3", quantity="water", max_rate_per_h=60.0),
    MeterRule(kind="heat_meter", point="total_gj", quantity="heat", max_rate_per_h=5.0),
    MeterRule(kind="ev_charger", point="energy_kwh", quantity="electricity", group="chargers",
              max_rate_per_h=150.0),
    MeterRule(kind="water_pump", point="power_kw", quantity="electricity", method="power",
              group="pumps", max_rate_per_h=200.0),
    MeterRule(kind="lighting_circuit", point="current_a", quantity="electricity",
              method="current", factor=0.22, group="lighting", max_rate_per_h=50.0),
    MeterRule(kind="elevator", point="runs", quantity="lift_runs", group="lifts",
              max_rate_per_h=400.0),
    MeterRule(kind="elevator", point="door_cycles", quantity="door_cycles", group="lifts",
              max_rate_per_h=800.0),
)


class TariffChoice(_S, kw_only=True):
    """Tariff id per quantity, and per equipment group where it differs."""

    electricity: str | None = "guangdong-commercial"
    water: str | None = "shenzhen-water"
    heat: str | None = "guangdong-heat"
    by_group: dict[str, dict[str, str]] = msgspec.field(
        default_factory=lambda: {"households": {"electricity": "guangdong-residential"}})
    files: tuple[str, ...] = ()  # extra tariff files (paths relative to the scene folder)

    def tariff_for(self, quantity: str, group: str) -> str | None:
        chosen = self.by_group.get(group, {}).get(quantity)
        return chosen if chosen is not None else getattr(self, quantity, None)


class ZoneConfig(_S, kw_only=True):
    id: str
    name: str = ""
    gates: tuple[str, ...] = ()  # gate ids (scene) whose passes move vehicles in/out
    #: parking space ids with sensors in this zone; ("*",) = every space of the scene
    spaces: tuple[str, ...] = ()
    extra_capacity: Annotated[int, msgspec.Meta(ge=0)] = 0  # spaces without a sensor


class ParkingConfig(_S, kw_only=True):
    zones: tuple[ZoneConfig, ...] = ()  # empty: one zone with every gate and space
    visitor_overstay_h: Positive = 24.0
    resident_overstay_h: Positive | None = None  # residents live here: no limit
    gate_silence_min: Positive = 30.0
    #: a silent gate is only suspicious while the other gates are busy
    gate_silence_peer_passes: Annotated[int, msgspec.Meta(ge=1)] = 10
    manual_releases_per_h_alarm: Annotated[int, msgspec.Meta(ge=1)] = 6
    resident_plates_file: str | None = None  # a registry; the gate's "vehicle" field wins


class TankConfig(_S, kw_only=True):
    id: str
    name: str = ""
    level_devices: tuple[str, ...]  # water_tank_level devices (their mean is the level)
    pumps: tuple[str, ...]  # water_pump devices filling it
    capacity_m3: Positive
    min_pct: Percent = 30.0
    max_pct: Percent = 95.0
    pump_flow_m3h: Positive  # one pump
    pump_kw: Positive
    pumps_at_once: Annotated[int, msgspec.Meta(ge=1)] = 1
    #: the level switch that runs the pumps today (the baseline a plan is compared with)
    switch_on_pct: Percent = 45.0
    switch_off_pct: Percent = 90.0


class ChargerPlanConfig(_S, kw_only=True):
    transformer: str | None = None  # device feeding the chargers (its load_pct is the base)
    capacity_kva: Positive = 1250.0
    max_loading_pct: Percent = 80.0
    power_factor: Annotated[float, msgspec.Meta(gt=0, le=1)] = 0.95
    ready_by: str = "07:30"  # cars are assumed plugged in until then
    max_kw: Positive = 7.0


class WaterMain(_S, kw_only=True):
    main: str  # water_meter device id of the main
    building: str | None = None  # subs: every flat's water meter of this building
    subs: tuple[str, ...] = ()  # or these device ids


class LeakConfig(_S, kw_only=True):
    night_from_h: Annotated[int, msgspec.Meta(ge=0, le=23)] = 1
    night_to_h: Annotated[int, msgspec.Meta(ge=1, le=24)] = 5
    baseline_nights: Annotated[int, msgspec.Meta(ge=3, le=90)] = 14
    k_mad: Positive = 4.0  # a night flow this many robust deviations above the baseline
    min_excess_m3h: Positive = 0.01  # and at least this much above it (10 L/h)
    unaccounted_max_pct: Percent = 12.0


class OperationsConfig(_S, kw_only=True):
    meters: tuple[MeterRule, ...] = DEFAULT_METERS
    tariffs: TariffChoice = TariffChoice()
    parking: ParkingConfig = ParkingConfig()
    tanks: tuple[TankConfig, ...] = ()
    chargers: ChargerPlanConfig = ChargerPlanConfig()
    water_mains: tuple[WaterMain, ...] = ()
    leaks: LeakConfig = LeakConfig()
    #: the 96333 emergency rescue code of each lift (shown with its alarms)
    rescue_codes: dict[str, Annotated[str, msgspec.Meta(pattern=r"^[0-9]{4,8}$")]] = {}
    utc_offset_h: float = 8.0
    aggregate_every_s: Positive = 60.0
    #: an hour is re-aggregated once no new sample touched it for this long
    settle_s: Annotated[float, msgspec.Meta(ge=0)] = 30.0


def load_operations_config(scene_dir: Path | None) -> OperationsConfig:
    """``operations.json`` of the scene folder, or the defaults when there is none."""
    if scene_dir is None:
        return OperationsConfig()
    path = Path(scene_dir) / "operations.json"
    if not path.exists():
        return OperationsConfig()
    try:
        return msgspec.json.decode(path.read_bytes(), type=OperationsConfig)
    except OSError as exc:
        raise OperationsConfigError(f"{path}: {exc.strerror or exc}") from None
    except (msgspec.ValidationError, msgspec.DecodeError) as exc:
        raise OperationsConfigError(f"{path.name}: {exc}") from None
