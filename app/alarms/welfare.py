"""Welfare check for residents living alone (policy clauses [9] and [13]): no water use and
no door activity in their flat for too long raises a welfare-check alarm."""

from __future__ import annotations

import msgspec


class WelfareRule(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    unit: str  # e.g. "B03-F12-U02"
    resident: str = ""  # shown to the operator; personal data, encrypted at rest later
    water_meter: str  # device id whose cumulative reading rising means water was used
    door_devices: tuple[str, ...] = ()  # door_access devices whose events mean activity
    max_quiet_s: float = 12 * 3600.0


class WelfareWatch:
    """Last sign of life per watched unit; ``overdue(now)`` lists units silent too long."""

    def __init__(self, rules: tuple[WelfareRule, ...] = (), started_at: float = 0.0) -> None:
        self.rules = {r.unit: r for r in rules}
        self._by_device: dict[str, list[str]] = {}
        for rule in rules:
            for device_id in (rule.water_meter, *rule.door_devices):
                self._by_device.setdefault(device_id, []).append(rule.unit)
        # a freshly started watch gives everyone the full quiet period
        self._last_activity = dict.fromkeys(self.rules, started_at)
        self._last_water: dict[str, float] = {}

    def watches(self, device_id: str) -> bool:
        return device_id in self._by_device

    def water_reading(self, device_id: str, cumulative: float, ts: float) -> None:
        previous = self._last_water.get(device_id)
        self._last_water[device_id] = cumulative
        if previous is not None and cumulative > previous:
            self._activity(device_id, ts)

    def door_event(self, device_id: str, ts: float) -> None:
        self._activity(device_id, ts)

    def overdue(self, now: float) -> list[WelfareRule]:
        return [rule for unit, rule in self.rules.items()
                if now - self._last_activity[unit] >= rule.max_quiet_s]

    def quiet_for(self, unit: str, now: float) -> float:
        return now - self._last_activity[unit]

    def _activity(self, device_id: str, ts: float) -> None:
        for unit in self._by_device.get(device_id, ()):
            if ts > self._last_activity[unit]:
                self._last_activity[unit] = ts
