"""Geometry of City Objects as numbers: real vertex coordinates, and the surfaces of a
geometry read to exactly the depth its type declares.

Boundaries are walked level by level, never recursively, so a shallow, ragged or very
deep nesting is a ``GeometryError`` naming the place, not a crash. Repeated consecutive
vertices and explicitly closed rings are tolerated (dropped); rings left with fewer than
three distinct vertices are skipped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from app.scene.errors import SceneError

#: geometry types that have surfaces: the list levels above a surface in ``boundaries``
SURFACE_LEVELS = {"MultiSurface": 0, "CompositeSurface": 0, "Solid": 1, "MultiSolid": 2,
                  "CompositeSolid": 2}


class GeometryError(ValueError):
    """One geometry cannot be read; the message names where inside it."""


@dataclass(frozen=True, slots=True)
class Surface:
    """One polygon: its exterior ring (k, 3) in real coordinates and its semantic type
    (``GroundSurface``, ``RoofSurface`` ... or None)."""

    ring: np.ndarray
    semantic: str | None


def real_vertices(doc: dict[str, Any], origin: str) -> np.ndarray:
    """All vertices as an (N, 3) float array of real coordinates (transform applied, the
    translate's z included)."""
    transform = doc.get("transform")
    if not isinstance(transform, dict):
        raise SceneError(f"{origin}: transform: missing (integer vertices need scale and "
                         "translate)")
    scale, translate = transform.get("scale"), transform.get("translate")
    for key, value in (("scale", scale), ("translate", translate)):
        if (not isinstance(value, list) or len(value) != 3
                or not all(isinstance(v, int | float) and not isinstance(v, bool)
                           and math.isfinite(v) for v in value)):
            raise SceneError(f"{origin}: transform.{key}: expected 3 finite numbers")
    if not all(s > 0 for s in scale):  # type: ignore[union-attr]
        raise SceneError(f"{origin}: transform.scale: must be positive")
    vertices = doc.get("vertices")
    if not isinstance(vertices, list):
        raise SceneError(f"{origin}: vertices: missing or not a list")
    if not vertices:
        return np.zeros((0, 3))
    try:
        raw = np.asarray(vertices)  # no dtype: text like "1" must not pass as a number
    except (ValueError, TypeError):
        raw = None
    if (raw is None or raw.dtype.kind not in "iuf" or raw.ndim != 2 or raw.shape[1] != 3
            or not np.isfinite(raw).all()):
        bad = next((i for i, v in enumerate(vertices) if not _is_xyz(v)), 0)
        raise SceneError(f"{origin}: vertices[{bad}]: expected 3 numbers")
    with np.errstate(over="ignore", invalid="ignore"):
        out = raw.astype(np.float64) * np.asarray(scale) + np.asarray(translate)
    if not np.isfinite(out).all():  # finite numbers whose transform overflows (1e308 × 10)
        bad = int(np.flatnonzero(~np.isfinite(out).all(axis=1))[0])
        raise SceneError(f"{origin}: vertices[{bad}]: out of range once scaled and translated"
                         " by transform")
    return out


def _is_xyz(v: Any) -> bool:
    return (isinstance(v, list) and len(v) == 3
            and all(isinstance(c, int | float) and not isinstance(c, bool)
                    and math.isfinite(c) for c in v))


def lod_value(geometry: Any) -> float:
    """A geometry's LoD as a number (``"2.2"`` -> 2.2); -1 when it has none readable."""
    lod = geometry.get("lod") if isinstance(geometry, dict) else None
    try:
        value = float(lod)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return -1.0
    return value if math.isfinite(value) else -1.0


def _items(node: Any, where: str, what: str) -> list:
    if not isinstance(node, list):
        raise GeometryError(f"{where}: expected a list of {what}, got {_kind(node)}")
    return node


def _kind(node: Any) -> str:
    return "a list" if isinstance(node, list) else type(node).__name__


def surfaces(geometry: Any, vertices: np.ndarray, where: str) -> list[Surface]:
    """The surfaces of a surface-bearing geometry (exterior shells only for solids: inner
    shells are voids). GeometryError for any other type or a malformed boundary."""
    if not isinstance(geometry, dict):
        raise GeometryError(f"{where}: expected an object, got {_kind(geometry)}")
    kind = geometry.get("type")
    if not isinstance(kind, str) or kind not in SURFACE_LEVELS:
        raise GeometryError(f"{where}.type: {kind!r} has no surfaces")
    semantic = geometry.get("semantics")
    labels = _labels(semantic)
    values = semantic.get("values") if isinstance(semantic, dict) else None
    # (surface list, their semantic values, key path) at the surface level
    groups: list[tuple[list, Any, str]] = []
    top = _items(geometry.get("boundaries"), f"{where}.boundaries", "boundaries")
    if SURFACE_LEVELS[kind] == 0:
        groups.append((top, values, f"{where}.boundaries"))
    elif SURFACE_LEVELS[kind] == 1:
        if top:  # the exterior shell
            groups.append((_items(top[0], f"{where}.boundaries[0]", "surfaces"),
                           _at(values, 0), f"{where}.boundaries[0]"))
    else:
        for i, solid in enumerate(top):
            shells = _items(solid, f"{where}.boundaries[{i}]", "shells")
            if shells:
                groups.append((_items(shells[0], f"{where}.boundaries[{i}][0]", "surfaces"),
                               _at(_at(values, i), 0), f"{where}.boundaries[{i}][0]"))
    out = []
    for items, sem_values, path in groups:
        for j, surface in enumerate(items):
            rings = _items(surface, f"{path}[{j}]", "rings")
            if not rings:
                continue  # an empty surface: nothing to read
            ring = _ring(rings[0], vertices, f"{path}[{j}][0]")
            if ring is not None:
                label = _at(sem_values, j)
                out.append(Surface(ring, labels.get(label) if type(label) is int else None))
    return out


def _at(values: Any, i: int) -> Any:
    return values[i] if isinstance(values, list) and 0 <= i < len(values) else None


def _labels(semantic: Any) -> dict[int, str]:
    found = semantic.get("surfaces") if isinstance(semantic, dict) else None
    if not isinstance(found, list):
        return {}
    return {i: s["type"] for i, s in enumerate(found)
            if isinstance(s, dict) and isinstance(s.get("type"), str)}


def _ring(ring: Any, vertices: np.ndarray, where: str) -> np.ndarray | None:
    """(k, 3) coordinates of a ring, repeats dropped; None when fewer than 3 remain."""
    indices = _items(ring, where, "vertex indices")
    for i, v in enumerate(indices):
        if type(v) is not int:
            raise GeometryError(f"{where}[{i}]: expected a vertex index, got {_kind(v)}"
                                + (" (nested too deep)" if isinstance(v, list) else ""))
        if not 0 <= v < len(vertices):
            raise GeometryError(f"{where}[{i}]: vertex index {v} out of range "
                                f"({len(vertices)} vertices)")
    if not indices:
        return None
    xyz = vertices[np.asarray(indices)]
    keep = np.empty(len(xyz), dtype=bool)  # drop repeats, and a closing copy of the first
    keep[0] = True
    keep[1:] = np.any(xyz[1:] != xyz[:-1], axis=1)
    xyz = xyz[keep]
    if len(xyz) > 1 and (xyz[-1] == xyz[0]).all():
        xyz = xyz[:-1]
    return xyz if len(xyz) >= 3 else None
