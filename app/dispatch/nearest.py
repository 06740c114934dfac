"""Which building, floor and device a located point belongs to.

A sound or a handset position is a bare xyz; the dispatcher needs "B3, floor 12, near
transformer T-2". The containing footprint wins; a point just outside a wall (a window
breaking on a facade) still names that building within ``max_outside_m``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import msgspec
import numpy as np

from app.scene.model import Building, Scene

# kinds that sense the fault rather than being one: never name them as the faulty device
_SENSING_KINDS = frozenset({"microphone", "camera"})


class Nearest(msgspec.Struct, frozen=True):
    building: str | None
    floor: int | None
    device_id: str | None
    device_distance_m: float | None = None

    def to_contract(self) -> dict[str, object]:
        return {"building": self.building, "floor": self.floor, "device_id": self.device_id}


def _inside(xy: Sequence[float], poly: Sequence[Sequence[float]]) -> bool:
    # even-odd ray casting; footprints are simple polygons
    x, y = xy
    inside = False
    n = len(poly)
    for i in range(n):
        (x1, y1), (x2, y2) = poly[i], poly[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _distance_to_outline(xy: Sequence[float], poly: Sequence[Sequence[float]]) -> float:
    p = np.asarray(xy, dtype=float)
    a = np.asarray(poly, dtype=float)
    b = np.roll(a, -1, axis=0)
    ab = b - a
    t = np.clip(((p - a) * ab).sum(1) / np.maximum((ab * ab).sum(1), 1e-12), 0.0, 1.0)
    return float(np.linalg.norm(a + t[:, None] * ab - p, axis=1).min())


def floor_of(building: Building, z: float) -> int:
    """The floor whose slab-to-slab span holds z, clamped to the building's floors."""
    index = math.floor((z - building.base_z) / building.floor_height_m)
    floor = index + 1 if index >= 0 else index  # there is no floor 0
    top = building.floors if building.floors else -1
    bottom = -building.basements if building.basements else 1
    return max(bottom, min(top, floor))


def building_near(scene: Scene, xyz: Sequence[float],
                  max_outside_m: float = 10.0) -> Building | None:
    xy = (float(xyz[0]), float(xyz[1]))
    containing = [b for b in scene.buildings if _inside(xy, b.footprint)]
    if containing:
        # an above-ground building wins over a garage under the same point when z is high
        return max(containing, key=lambda b: (b.floors > 0) == (xyz[2] >= b.base_z))
    best, best_d = None, max_outside_m
    for b in scene.buildings:
        d = _distance_to_outline(xy, b.footprint)
        if d <= best_d:
            best, best_d = b, d
    return best


def nearest(scene: Scene, xyz: Sequence[float]) -> Nearest:
    """Building (containing, or within 10 m), its floor at this height, nearest device."""
    building = building_near(scene, xyz)
    floor = floor_of(building, float(xyz[2])) if building is not None else None
    devices = [d for d in scene.devices if d.kind not in _SENSING_KINDS]
    device_id, dist = None, None
    if devices:
        pos = np.asarray([d.location.xyz for d in devices], dtype=float)
        dists = np.linalg.norm(pos - np.asarray(xyz, dtype=float), axis=1)
        i = int(np.argmin(dists))
        device_id, dist = devices[i].id, float(dists[i])
    return Nearest(building=building.id if building else None, floor=floor,
                   device_id=device_id, device_distance_m=dist)
