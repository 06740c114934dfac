"""What a birth (the retained ``…/dev/{id}/meta``) may do: any client on the broker can
publish one, so a birth is a request, never a command.

- A device the control room already knows (the scene's, or one an operator registered)
  may announce itself as it is known. Its birth may add points (with their bands) and fill
  in units the definition lacks; it never changes the kind, the place (building, floor,
  position within ``PLACE_TOLERANCE_M``), a unit or a band already defined. A birth that
  tries is refused as ``birth_conflict``, with what it tried in the detail; so is an empty
  birth, which never removes a known device (an operator does).
- A new device's birth must place it where the scene allows (``place_problem``: the site's
  bounds, a known building, an existing floor, inside the footprint) or it is refused as
  ``bad_location``; otherwise it goes to the list of unknown devices, where an operator
  registers or dismisses it.
"""

from __future__ import annotations

import math

import msgspec

from app.domain.model import Device, Location, PointSpec
from app.ingest.decode import Rejected
from app.ingest.registry import device_from_meta
from app.scene import geometry
from app.scene.model import Scene
from app.wire.payloads import MetaPayload

#: how far a birth's position may be from the known one (survey rounding, a re-hung sensor)
PLACE_TOLERANCE_M = 1.0
#: how far outside its building's footprint a device may sit (as the scene's own check)
FOOTPRINT_TOLERANCE_M = 0.5
#: how far outside the site's bounds a device may sit (a gate post on the boundary)
BOUNDS_TOLERANCE_M = 1.0


def known_birth(device_id: str, meta: MetaPayload, known: Device) -> Device:
    """The known device with what the birth may add; raises Rejected(birth_conflict)."""
    conflicts: list[str] = []
    if meta.kind != known.kind:
        conflicts.append(f"kind {meta.kind!r} (known as {known.kind!r})")
    conflicts.extend(_place_conflicts(meta, known.location))
    points = dict(known.points)
    for name, point in meta.points.items():
        old = points.get(name)
        if old is None:
            points[name] = PointSpec(unit=point.unit, normal=point.normal, limits=point.limits)
            continue
        if point.unit and old.unit and point.unit != old.unit:
            conflicts.append(f"points.{name}.unit {point.unit!r} (known as {old.unit!r})")
        for band in ("normal", "limits"):
            new, was = getattr(point, band), getattr(old, band)
            if new is not None and was is not None and tuple(new) != tuple(was):
                conflicts.append(f"points.{name}.{band} {list(new)} (known as {list(was)})")
        fill = {k: getattr(point, k) for k in ("unit", "normal", "limits")
                if getattr(point, k) and not getattr(old, k)}
        if fill:
            points[name] = msgspec.structs.replace(old, **fill)
    if conflicts:
        raise Rejected("birth_conflict", f"birth of {device_id!r} would change "
                       + "; ".join(conflicts) + ": refused, the known definition stays")
    return known if points == known.points else msgspec.structs.replace(known, points=points)


class BirthListed(Rejected):
    """A new device's birth: counted as unknown_device and kept on the list of unknown
    devices with the birth, for an operator to register or dismiss."""

    def __init__(self, device_id: str, birth: MetaPayload) -> None:
        super().__init__("unknown_device", f"birth of new device {device_id!r}: listed for "
                                           "an operator to register")
        self.birth = birth


def listed(device_id: str, birth: MetaPayload) -> BirthListed:
    return BirthListed(device_id, birth)


def removal_refused(device_id: str) -> Rejected:
    return Rejected("birth_conflict", f"an empty birth does not remove {device_id!r}: it is "
                                      "a registered device; an operator removes it")


def new_device(device_id: str, meta: MetaPayload, scene: Scene | None) -> Device:
    """The device a new birth describes, placed where the scene allows; raises
    Rejected(bad_location)."""
    problem = place_problem(scene, meta.location) if scene is not None else None
    if problem:
        raise Rejected("bad_location", f"birth of {device_id!r}: {problem}")
    return device_from_meta(device_id, meta, None)


def place_problem(scene: Scene, location: Location | object) -> str | None:
    """Why ``location`` (xyz, building, floor) cannot be in this compound, or None."""
    x, y, z = location.xyz  # type: ignore[attr-defined]
    if not all(math.isfinite(v) for v in (x, y, z)):
        return "position is not finite"
    (x0, y0), (x1, y1) = scene.site.bounds
    tol = BOUNDS_TOLERANCE_M
    if not (x0 - tol <= x <= x1 + tol and y0 - tol <= y <= y1 + tol):
        return (f"position ({x:g}, {y:g}) is outside the site "
                f"({x0:g}..{x1:g}, {y0:g}..{y1:g})")
    building_id = location.building  # type: ignore[attr-defined]
    floor = location.floor  # type: ignore[attr-defined]
    if building_id is None:
        if floor is not None:
            return f"floor {floor} is given without a building"
        return None
    building = scene.building_index().get(building_id)
    if building is None:
        return f"unknown building {building_id!r}"
    if floor is not None:
        low, high = geometry.floor_range(building)
        if floor == 0 or not low <= floor <= high:
            return f"floor {floor} outside building {building_id!r} (floors {low}..{high}, no 0)"
    if not geometry.point_in_polygon((x, y), building.footprint) and float(
            geometry.distance_to_boundary([(x, y)], building.footprint)[0]
    ) > FOOTPRINT_TOLERANCE_M:
        return f"({x:g}, {y:g}) is outside the footprint of building {building_id!r}"
    return None


def _place_conflicts(meta: MetaPayload, known: Location) -> list[str]:
    loc = meta.location
    out = []
    if loc.building is not None and loc.building != known.building:
        out.append(f"building {loc.building!r} (known as {known.building!r})")
    if loc.floor is not None and loc.floor != known.floor:
        out.append(f"floor {loc.floor} (known as {known.floor})")
    if math.dist(loc.xyz, known.xyz) > PLACE_TOLERANCE_M:
        out.append(f"position {list(loc.xyz)} (known as {list(known.xyz)})")
    return out
