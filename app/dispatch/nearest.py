"""Which building, floor and device a located point belongs to.

A sound or a handset position is a bare xyz; the dispatcher needs "B3, floor 12, near
transformer T-2". The containing footprint wins; a point just outside a wall (a window
breaking on a facade) still names that building within ``max_outside_m``.
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from app.scene.geometry import (
    DeviceLocator,
    distance_to_boundary,
    floor_at,
    floor_range,
    point_in_polygon,
)
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


def floor_of(building: Building, z: float) -> int:
    """The floor whose slab-to-slab span holds z, clamped to the building's floors (a sound
    on the roof is on the top floor, one in the pit below the garage on its lowest)."""
    floor = floor_at(building, z)
    if floor is not None:
        return floor
    low, high = floor_range(building)
    return high if z >= building.base_z else low


def building_near(scene: Scene, xyz: Sequence[float],
                  max_outside_m: float = 10.0) -> Building | None:
    xy = (float(xyz[0]), float(xyz[1]))
    containing = [b for b in scene.buildings if point_in_polygon(xy, b.footprint)]
    if containing:
        # an above-ground building wins over a garage under the same point when z is high
        return max(containing, key=lambda b: (b.floors > 0) == (xyz[2] >= b.base_z))
    best, best_d = None, max_outside_m
    for b in scene.buildings:
        d = float(distance_to_boundary([xy], b.footprint)[0])
        if d <= best_d:
            best, best_d = b, d
    return best


def nearest(scene: Scene, xyz: Sequence[float]) -> Nearest:
    """Building (containing, or within 10 m), its floor at this height, nearest device."""
    building = building_near(scene, xyz)
    floor = floor_of(building, float(xyz[2])) if building is not None else None
    faulty_kinds = {d.kind for d in scene.devices} - _SENSING_KINDS
    found = DeviceLocator(scene.devices).nearest(xyz, kinds=faulty_kinds)
    device_id, dist = (found[0][0].id, found[0][1]) if found else (None, None)
    return Nearest(building=building.id if building else None, floor=floor,
                   device_id=device_id, device_distance_m=dist)
