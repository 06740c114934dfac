"""The simulator's mutable state: one ``DeviceSim`` per device and the shared ``World``
(tanks fed by pumps, gate and door activity, how many pumps are down).

Everything here is advanced only in simulated-time order, so it stays deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.domain.model import Device, PointSpec
from app.scene.model import Building

from .curves import curve, local_hour

#: tanks are integrated on this fixed grid so results do not depend on report times
TANK_STEP_S = 10.0
TANK_ON_BELOW_PCT = 45.0
TANK_OFF_ABOVE_PCT = 90.0
TANK_FILL_PCT_S = 0.03  # one running pump
TANK_DRAW_PCT_S = 0.012  # at the peak of the water curve


@dataclass(slots=True)
class Fault:
    name: str
    device: int  # DeviceSim.index
    start: float
    end: float
    severity: float  # <1 drives a point into warning, >1 beyond its alarm limit


@dataclass(slots=True, eq=False)
class DeviceSim:
    index: int
    device: Device
    key: int
    telemetry_topic: str
    status_topic: str
    event_topic: str
    points: tuple[str, ...]
    specs: dict[str, PointSpec]
    building: Building | None
    seq: int = 0
    online: bool = True
    fault: Fault | None = None
    slot: int = -1  # telemetry reports scheduled so far after the one at t0
    state: dict[str, Any] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.device.kind


@dataclass(slots=True, eq=False)
class TankGroup:
    """Tanks and the pumps that fill them (one group per building): hysteresis on level."""

    level: float
    pumps: list[DeviceSim] = field(default_factory=list)
    t: float | None = None
    filling: bool = False
    cycles: int = 0

    def duty_pump(self) -> DeviceSim | None:
        """The pump that runs this cycle: rotate duty, skip failed pumps."""
        healthy = [p for p in self.pumps if p.fault is None or p.fault.name == "offline"]
        if not healthy:
            return None
        return healthy[self.cycles % len(healthy)]

    def at(self, t: float) -> float:
        if self.t is None:
            self.t = t - t % TANK_STEP_S
        while self.t + TANK_STEP_S <= t:
            self.t += TANK_STEP_S
            # groups without pumps are fed by a municipal float valve
            feeding = self.filling and (not self.pumps or self.duty_pump() is not None)
            draw = TANK_DRAW_PCT_S * (0.15 + curve("water", local_hour(self.t)))
            self.level += ((TANK_FILL_PCT_S if feeding else 0.0) - draw) * TANK_STEP_S
            self.level = min(100.0, max(0.0, self.level))
            if self.filling and self.level >= TANK_OFF_ABOVE_PCT:
                self.filling = False
                self.cycles += 1
            elif not self.filling and self.level <= TANK_ON_BELOW_PCT:
                self.filling = True
        return self.level


@dataclass(slots=True, eq=False)
class World:
    seed: int
    t0: float
    devices: list[DeviceSim]
    tanks: dict[str, TankGroup] = field(default_factory=dict)
    pumps_down: int = 0
    #: (device index, "pass" | "door" | "door_forced" | "panic") -> simulated time it last happened
    last_activity: dict[tuple[int, str], float] = field(default_factory=dict)
    passes: dict[int, int] = field(default_factory=dict)  # gate passes counted per device
