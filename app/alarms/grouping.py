"""Flood grouping: alarms that follow a root cause are attached to it as children, so the
operator sees one incident (a transformer trip, and the pumps and lifts it feeds going
offline) instead of a page of alarms.

A root cause is an alarm on a device of a feeding kind; an alarm raised within ``window_s``
after it on a device of a kind that the feeder feeds (and in one of the buildings it feeds,
when the scene says so) becomes its child.
"""

from __future__ import annotations

from collections.abc import Mapping

import msgspec

from app.alarms.model import Severity

#: feeding kind → kinds that go down or misbehave when it fails
FEEDS: Mapping[str, frozenset[str]] = {
    "transformer": frozenset({"elevator", "water_pump", "lighting_circuit", "ev_charger",
                              "barrier_gate", "door_access", "camera", "microphone",
                              "parking_space", "power_meter", "water_tank_level",
                              "pipe_pressure", "fire_hydrant_pressure"}),
    "water_pump": frozenset({"pipe_pressure", "fire_hydrant_pressure", "water_tank_level",
                             "sprinkler_valve"}),
}


class RootCause(msgspec.Struct, frozen=True):
    alarm_id: str
    device_kind: str
    buildings: frozenset[str] | None  # None = feeds the whole site
    at: float


class FloodGrouper:
    def __init__(self, window_s: float = 180.0,
                 feeds_buildings: Mapping[str, frozenset[str]] | None = None) -> None:
        self.window_s = window_s
        # device id of a feeder → the buildings it feeds (from the scene, when known)
        self._feeds_buildings = dict(feeds_buildings or {})
        self._roots: list[RootCause] = []

    def parent_for(self, device_kind: str, building: str | None, at: float) -> str | None:
        """The root-cause alarm a new alarm belongs to, if any (the most recent one)."""
        self._roots = [r for r in self._roots if at - r.at <= self.window_s]
        for root in reversed(self._roots):
            if device_kind not in FEEDS.get(root.device_kind, ()):
                continue
            if root.buildings is None or building in root.buildings:
                return root.alarm_id
        return None

    def note_raised(self, alarm_id: str, device_id: str, device_kind: str,
                    severity: Severity, at: float) -> None:
        """Remember an alarm that may be a root cause of what follows."""
        if device_kind in FEEDS and severity >= Severity.HIGH:
            self._roots.append(RootCause(alarm_id, device_kind,
                                         self._feeds_buildings.get(device_id), at))
