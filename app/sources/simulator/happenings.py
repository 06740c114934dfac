"""Discrete happenings drawn per simulated hour: door openings (rarely forced), panic
presses and acoustic impacts heard by microphones. Vehicles and their gate passes are drawn
in ``vehicles``.

Each hour's draws come from ``random.Random`` seeded by (seed, hour, stream), so they do not
depend on tick sizes. Rates follow the daily curves.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from app.scene.model import Scene

from .curves import curve, local_hour
from .noise import mix, poisson
from .vehicles import GatePass

SPEED_OF_SOUND_MPS = 343.0
DOOR_OPENS_PER_HOUR_PEAK = 6.0
DOOR_FORCED_PER_HOUR = 0.3
PANIC_PER_HOUR = 0.1
IMPACTS_PER_HOUR = 1.5
SLOT_S = 300.0


@dataclass(frozen=True, slots=True)
class DoorEvent:
    device: int
    kind: str  # door_open | door_forced | panic
    data: dict


@dataclass(frozen=True, slots=True)
class AcousticSource:
    """Ground truth of one sound: where and when (epoch ns) it was made."""

    ts_ns: int
    xyz: tuple[float, float, float]
    kind: str  # impact | bang | hiss
    level_db_1m: float


Happening = GatePass | DoorEvent | AcousticSource  # GatePass: see vehicles


def _times(rng: random.Random, t_start: float, per_hour: float, name: str | None) -> list[float]:
    """Arrival times of a non-homogeneous Poisson process over one hour, slot by slot."""
    out: list[float] = []
    for slot in range(int(3600 / SLOT_S)):
        t = t_start + slot * SLOT_S
        rate = per_hour * (curve(name, local_hour(t + SLOT_S / 2)) if name else 1.0)
        out.extend(t + rng.random() * SLOT_S
                   for _ in range(poisson(rng.random(), rate * SLOT_S / 3600)))
    return out


def hour_happenings(seed: int, hour: int, scene: Scene, by_kind: dict[str, list[int]]
                    ) -> list[tuple[float, Happening]]:
    t0 = hour * 3600.0
    out: list[tuple[float, Happening]] = []
    rng = random.Random(mix(seed * 7_000_003 + hour))
    doors = by_kind.get("door_access", [])
    for dev in doors:
        for t in _times(rng, t0, DOOR_OPENS_PER_HOUR_PEAK, "activity"):
            out.append((t, DoorEvent(dev, "door_open",
                                     {"method": rng.choice(("card", "face", "qr", "app"))})))
    if doors:
        for t in _times(rng, t0, DOOR_FORCED_PER_HOUR, None):
            out.append((t, DoorEvent(rng.choice(doors), "door_forced", {})))
    panics = by_kind.get("panic_button", [])
    if panics:
        for t in _times(rng, t0, PANIC_PER_HOUR, None):
            out.append((t, DoorEvent(rng.choice(panics), "panic", {})))
    if scene.microphones:
        for t in _times(rng, t0, IMPACTS_PER_HOUR, "activity"):
            kind = rng.choices(("impact", "bang", "hiss"), weights=(7, 2, 1))[0]
            ms = round(t * 1000.0)
            out.append((ms / 1000.0, AcousticSource(ms * 1_000_000 + rng.randrange(1_000_000),
                                                     _sound_point(rng, scene), kind,
                                                     rng.uniform(105.0, 130.0))))
    return out


def _sound_point(rng: random.Random, scene: Scene) -> tuple[float, float, float]:
    """Where a falling object lands: just outside a residential tower's wall, at ground."""
    towers = [b for b in scene.buildings if b.use == "residential" and len(b.footprint) > 2]
    if not towers:
        (x0, y0), (x1, y1) = scene.site.bounds
        return (rng.uniform(x0, x1), rng.uniform(y0, y1), 0.0)
    b = rng.choice(towers)
    i = rng.randrange(len(b.footprint))
    (ax, ay), (bx, by) = b.footprint[i], b.footprint[(i + 1) % len(b.footprint)]
    f, off = rng.random(), rng.uniform(2.0, 6.0)
    length = math.hypot(bx - ax, by - ay) or 1.0
    # counter-clockwise footprint: the outward normal of edge (dx, dy) is (dy, -dx)
    return (ax + f * (bx - ax) + off * (by - ay) / length,
            ay + f * (by - ay) - off * (bx - ax) / length, b.base_z)


def arrivals(src: AcousticSource, mics) -> list[tuple[str, int, float]]:
    """(mic id, arrival epoch ns, level dB) at every microphone: spherical spreading."""
    out = []
    for mic in mics:
        d = math.dist(src.xyz, mic.xyz)
        level = src.level_db_1m - 20.0 * math.log10(max(1.0, d))
        out.append((mic.id, src.ts_ns + round(d / SPEED_OF_SOUND_MPS * 1e9), round(level, 1)))
    return out
