"""One Building or BuildingPart of another platform's city model -> the fields of a scene
Building, from its best LoD and its standard attributes.

The best LoD is the highest one whose geometry yields a footprint; its top gives the
height unless ``measuredHeight`` says otherwise; the ground level is the bottom of the
footprint's surfaces (real z, not 0). ``storeysAboveGround`` gives the floors when it is a
sensible whole number, else floors of about 3 m are assumed. Every attribute that had to be
ignored becomes a note; a building that cannot be used raises ``Unusable`` with the reason.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from app.scene.cityjson.footprint import Footprint, footprint
from app.scene.cityjson.geometry import SURFACE_LEVELS, GeometryError, lod_value, surfaces
from app.scene.validate import MAX_BASEMENTS, MAX_FLOOR_HEIGHT_M, MAX_FLOORS

ASSUMED_FLOOR_M = 3.0
BUILDING_TYPES = ("Building", "BuildingPart")


class Unusable(ValueError):
    """This object cannot become a building; the message says why."""


@dataclass
class ForeignBuilding:
    """A building in real coordinates (the importer moves it to site metres)."""

    source_id: str
    name: str
    use: str
    ring: list[tuple[float, float]]
    base_z: float
    height_m: float
    floors: int
    basements: int
    notes: list[str] = field(default_factory=list)


def read_building(oid: str, obj: dict[str, Any], parent: dict[str, Any] | None,
                  vertices: np.ndarray) -> ForeignBuilding:
    notes: list[str] = []
    attrs = obj.get("attributes", {})
    if not isinstance(attrs, dict):
        notes.append(f"attributes: expected an object, got {type(attrs).__name__}; ignored")
        attrs = {}
    parent_attrs = (parent or {}).get("attributes")
    parent_attrs = parent_attrs if isinstance(parent_attrs, dict) else {}
    plan = _best_footprint(obj.get("geometry"), vertices, notes)
    geometric = plan.top_z - plan.base_z
    measured = _positive(attrs, "measuredHeight", notes)
    storeys = _whole(attrs, "storeysAboveGround", MAX_FLOORS, notes)
    height = measured or geometric
    if height < 0.1:
        height = (storeys or 1) * ASSUMED_FLOOR_M
        notes.append(f"geometry is flat and no measuredHeight: {height:g} m assumed "
                     f"({storeys or 1} floors of {ASSUMED_FLOOR_M:g} m)")
    if storeys and height / storeys > MAX_FLOOR_HEIGHT_M:
        notes.append(f"storeysAboveGround {storeys} ignored: {height / storeys:.0f} m a floor")
        storeys = None
    floors = storeys or max(1, round(height / ASSUMED_FLOOR_M))
    if floors > MAX_FLOORS:
        raise Unusable(f"{height:.0f} m high: more than {MAX_FLOORS} floors")
    basements = _whole(attrs, "storeysBelowGround", MAX_BASEMENTS, notes) or 0
    name = _text(attrs, "name") or _text(parent_attrs, "name") or oid
    use = _text(attrs, "function") or _text(parent_attrs, "function") or "other"
    return ForeignBuilding(oid, name, use, plan.ring, plan.base_z, height, floors,
                           basements, notes)


def _best_footprint(geometry: Any, vertices: np.ndarray, notes: list[str]) -> Footprint:
    """The footprint of the highest usable LoD, its ground taken from a lower LoD's bottom
    surface when the best one has none (roofs-only LoD2 over a LoD0 footprint)."""
    if not isinstance(geometry, list) or not geometry:
        raise Unusable("no geometry")
    order = sorted(range(len(geometry)), key=lambda i: -lod_value(geometry[i]))
    usable: list[tuple[int, Footprint]] = []
    problems: list[str] = []
    for i in order:
        g = geometry[i]
        kind = g.get("type") if isinstance(g, dict) else None
        if not isinstance(kind, str) or kind not in SURFACE_LEVELS:
            problems.append(f"geometry[{i}]: type {kind!r} has no surfaces")
            continue
        try:
            found = footprint(surfaces(g, vertices, f"geometry[{i}]"))
        except GeometryError as exc:
            problems.append(str(exc))
            continue
        if found is None:
            problems.append(f"geometry[{i}]: no surface with an area")
        else:
            usable.append((i, found))
    if not usable:
        raise Unusable("; ".join(problems[:2]))
    best_index, best = usable[0]
    if problems and lod_value(geometry[best_index]) < lod_value(geometry[order[0]]):
        notes.append(f"{problems[0]}; used LoD {geometry[best_index].get('lod')}")
    if best.source == "projection":
        grounded = next((f for _, f in usable if f.source != "projection"), None)
        if grounded is not None:
            best = Footprint(grounded.ring, grounded.base_z, best.top_z, grounded.source,
                             grounded.area_m2, grounded.dropped_m2)
        else:
            notes.append("no bottom surface: footprint projected from the whole geometry")
    if best.dropped_m2 > 0.01 * best.area_m2:
        notes.append(f"footprint in several pieces: kept the largest ({best.area_m2:.0f} m²), "
                     f"left out {best.dropped_m2:.0f} m²")
    return best


def _positive(attrs: dict[str, Any], key: str, notes: list[str]) -> float | None:
    value = attrs.get(key)
    if value is None:
        return None
    if (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value) and 0 < value <= 1000):
        return float(value)
    notes.append(f"{key} {value!r} ignored: not a height in metres")
    return None


def _whole(attrs: dict[str, Any], key: str, most: int, notes: list[str]) -> int | None:
    """A count attribute: a whole number (or its text, as some exporters write) 0..most."""
    value = attrs.get(key)
    if value is None:
        return None
    if isinstance(value, str) and re.fullmatch(r"\s*\d{1,4}\s*", value):
        value = int(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if type(value) is int and 0 <= value <= most:
        return value
    notes.append(f"{key} {value!r} ignored: not a whole number 0..{most}")
    return None


def _text(attrs: dict[str, Any], key: str) -> str | None:
    value = attrs.get(key)
    return (value.strip() or None) if isinstance(value, str) else None
