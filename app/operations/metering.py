"""Which device points are metered, into which quantity, equipment group and tariff.

Groups are what a property manager budgets by: ``households`` (a flat's own meter),
``public`` (a building's common power), ``mains`` (a building's main water meter, kept
apart so flats are not counted twice), ``pumps``, ``lighting``, ``chargers``, ``lifts``.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

from app.domain.model import Device
from app.operations.config import MeterRule, OperationsConfig
from app.operations.meters import RegisterSpec

GROUPS: tuple[str, ...] = ("households", "public", "mains", "pumps", "lighting", "chargers",
                           "lifts")
#: quantities with a price (the others are counters: lift runs, door cycles)
PRICED = ("electricity", "water", "heat")
UNITS = {"electricity": "kWh", "water": "m³", "heat": "GJ", "lift_runs": "", "door_cycles": ""}


class MeteredPoint(msgspec.Struct, frozen=True):
    device_id: str
    point: str
    kind: str
    quantity: str
    method: str  # register | power | current
    factor: float
    group: str
    building: str | None
    room: str | None
    tariff_id: str | None  # the tariff that prices it
    spec: RegisterSpec
    #: the time-of-use table that says which hours are valley, peak ...: the site's
    #: electricity tariff, whatever prices this point (a flat residential tariff has none)
    period_tariff_id: str | None = None


def _group(rule: MeterRule, device: Device, mains: set[str]) -> str:
    if rule.group is not None:
        return rule.group
    if device.id in mains:  # operations.json water_mains: its flats' meters are its subs
        return "mains"
    return "households" if device.location.room else "public"


def metered_points(devices: Iterable[Device], config: OperationsConfig) -> list[MeteredPoint]:
    rules: dict[str, list[MeterRule]] = {}
    for rule in config.meters:
        rules.setdefault(rule.kind, []).append(rule)
    mains = {m.main for m in config.water_mains}
    out = []
    for device in devices:
        for rule in rules.get(device.kind, ()):
            if rule.point not in device.points:
                continue
            group = _group(rule, device, mains)
            # a register's samples can lawfully stay apart for 3 report intervals, or the
            # storage heartbeat (15 min) when it does not move
            gap = max(3.0 * device.report_interval_s, 1800.0)
            per_s = rule.max_rate_per_h / 3600.0
            out.append(MeteredPoint(
                device.id, rule.point, device.kind, rule.quantity, rule.method, rule.factor,
                group, device.location.building, device.location.room,
                config.tariffs.tariff_for(rule.quantity, group) if rule.quantity in PRICED
                else None,
                RegisterSpec(max_rate_per_s=per_s, rollover_at=rule.rollover_at,
                             max_gap_s=gap), config.tariffs.electricity))
    return out
