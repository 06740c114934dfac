"""Plane and building geometry on site coordinates (metres), vectorised with numpy.

Polygons are sequences of (x, y) vertices without a repeated closing vertex. Used by
validation, the 3D view (facades, floors), vision (facade cameras) and dispatch (which
building/floor a point is in, nearest device to an acoustic fix).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from app.domain.model import Device
from app.scene.model import Building

Polygon = Sequence[tuple[float, float]]


def _ring(poly: Polygon) -> np.ndarray:
    return np.asarray(poly, dtype=float).reshape(-1, 2)


def signed_area(poly: Polygon) -> float:
    """Shoelace area: positive for counter-clockwise rings."""
    p = _ring(poly)
    x, y = p[:, 0], p[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def points_in_polygon(points: np.ndarray | Sequence, poly: Polygon) -> np.ndarray:
    """Even-odd test for many points at once: an (N,) bool array. Boundary points may go
    either way; use ``distance_to_boundary`` when that matters."""
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    ring = _ring(poly)
    px, py = pts[:, 0:1], pts[:, 1:2]
    x1, y1 = ring[:, 0], ring[:, 1]
    x2, y2 = np.roll(x1, -1), np.roll(y1, -1)
    straddles = (y1 > py) != (y2 > py)
    with np.errstate(divide="ignore", invalid="ignore"):
        x_cross = x1 + (py - y1) * (x2 - x1) / (y2 - y1)
    crossings = straddles & (px < x_cross)
    return (np.count_nonzero(crossings, axis=1) % 2) == 1


def point_in_polygon(xy: Sequence[float], poly: Polygon) -> bool:
    return bool(points_in_polygon([xy[:2]], poly)[0])


def distance_to_boundary(points: np.ndarray | Sequence, poly: Polygon) -> np.ndarray:
    """Distance of each point to the nearest edge of the ring: an (N,) array."""
    pts = np.asarray(points, dtype=float).reshape(-1, 1, 2)
    a = _ring(poly)
    b = np.roll(a, -1, axis=0)
    ab = b - a
    length2 = np.maximum(np.einsum("ij,ij->i", ab, ab), 1e-12)
    t = np.clip(np.einsum("nij,ij->ni", pts - a, ab) / length2, 0.0, 1.0)
    nearest = a + t[..., None] * ab
    return np.linalg.norm(pts - nearest, axis=2).min(axis=1)


def _cross(o: np.ndarray, a: np.ndarray, b: np.ndarray) -> float:
    return float((a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]))


def _on_segment(p: np.ndarray, a: np.ndarray, b: np.ndarray) -> bool:
    return (min(a[0], b[0]) - 1e-9 <= p[0] <= max(a[0], b[0]) + 1e-9
            and min(a[1], b[1]) - 1e-9 <= p[1] <= max(a[1], b[1]) + 1e-9)


def segments_intersect(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> bool:
    """Whether segment ab touches or crosses segment cd."""
    d1, d2 = _cross(c, d, a), _cross(c, d, b)
    d3, d4 = _cross(a, b, c), _cross(a, b, d)
    if ((d1 > 0) != (d2 > 0) and d1 != 0 and d2 != 0
            and (d3 > 0) != (d4 > 0) and d3 != 0 and d4 != 0):
        return True
    return ((d1 == 0 and _on_segment(a, c, d)) or (d2 == 0 and _on_segment(b, c, d))
            or (d3 == 0 and _on_segment(c, a, b)) or (d4 == 0 and _on_segment(d, a, b)))


def self_intersection(poly: Polygon) -> tuple[int, int] | None:
    """The first pair of edges (i, j) that cross or touch, edge i running from vertex i to
    vertex i+1; None for a simple ring. Adjacent edges only count if they fold back."""
    p = _ring(poly)
    n = len(p)
    for i in range(n):
        a, b = p[i], p[(i + 1) % n]
        for j in range(i + 1, n):
            c, d = p[j], p[(j + 1) % n]
            if j == i + 1 or (i == 0 and j == n - 1):
                # neighbours share a vertex; they only overlap when collinear and folded back
                shared, other_i, other_j = (b, a, d) if j == i + 1 else (a, b, c)
                if (_cross(shared, other_i, other_j) == 0
                        and np.dot(other_i - shared, other_j - shared) > 0):
                    return (i, j)
                continue
            if segments_intersect(a, b, c, d):
                return (i, j)
    return None


def building_at(buildings: Iterable[Building], xy: Sequence[float],
                z: float | None = None) -> Building | None:
    """The building whose footprint holds ``xy`` (and whose floors span ``z`` when given).
    Without z an above-ground building wins over a garage underneath it."""
    found = []
    for building in buildings:
        if not point_in_polygon(xy, building.footprint):
            continue
        if z is None or floor_at(building, z) is not None:
            found.append(building)
    if not found:
        return None
    return max(found, key=lambda b: b.floors > 0)


def floor_at(building: Building, z: float) -> int | None:
    """The floor whose slab-to-slab span holds height ``z`` (1 = ground, -1 = first
    basement; there is no floor 0); None above the roof or below the lowest basement."""
    index = math.floor((z - building.base_z) / building.floor_height_m)
    if index >= 0:
        return index + 1 if index < building.floors else None
    return index if -index <= building.basements else None


def floor_range(building: Building) -> tuple[int, int]:
    """Lowest and highest floor number (e.g. (-2, 33)); floor 0 does not exist."""
    low = -building.basements if building.basements else 1
    high = building.floors if building.floors else -1
    return low, high


@dataclass(frozen=True, slots=True)
class Facade:
    """One outside wall of a building: the footprint edge from ``a`` to ``b`` extruded over
    the above-ground floors. ``normal`` points outwards; ``yaw_deg`` is the direction a
    camera must look to face the wall (0 = east, 90 = north)."""

    building: str
    index: int
    a: tuple[float, float]
    b: tuple[float, float]
    normal: tuple[float, float]
    width_m: float
    height_m: float
    base_z: float

    @property
    def yaw_deg(self) -> float:
        return math.degrees(math.atan2(-self.normal[1], -self.normal[0]))

    @property
    def center(self) -> tuple[float, float, float]:
        return ((self.a[0] + self.b[0]) / 2, (self.a[1] + self.b[1]) / 2,
                self.base_z + self.height_m / 2)


def facades(building: Building) -> list[Facade]:
    """The building's walls, one per footprint edge (counter-clockwise footprint)."""
    ring = _ring(building.footprint)
    out = []
    for i, a in enumerate(ring):
        b = ring[(i + 1) % len(ring)]
        dx, dy = b - a
        width = math.hypot(dx, dy)
        if width == 0:
            continue
        # for a counter-clockwise ring the outside is on the right of each edge
        normal = (dy / width, -dx / width)
        out.append(Facade(building.id, i, (float(a[0]), float(a[1])),
                          (float(b[0]), float(b[1])), normal, width, building.height_m,
                          building.base_z))
    return out


def facade_facing(building: Building, xy: Sequence[float]) -> Facade | None:
    """The facade a viewer at ``xy`` sees most squarely (outward normal towards it)."""
    best, best_score = None, 0.0
    for facade in facades(building):
        cx, cy, _ = facade.center
        vx, vy = xy[0] - cx, xy[1] - cy
        dist = math.hypot(vx, vy) or 1.0
        score = (vx * facade.normal[0] + vy * facade.normal[1]) / dist
        if score > best_score:
            best, best_score = facade, score
    return best


class DeviceLocator:
    """Nearest devices to a point, for acoustic fixes and clicks: one numpy array of all
    device positions, searched with a vectorised distance per query."""

    def __init__(self, devices: Sequence[Device]) -> None:
        self.devices = tuple(devices)
        self.xyz = np.array([d.location.xyz for d in self.devices], dtype=float).reshape(-1, 3)
        self.kinds = np.array([d.kind for d in self.devices], dtype=object)

    def nearest(self, xyz: Sequence[float], k: int = 1,
                kinds: Iterable[str] | None = None) -> list[tuple[Device, float]]:
        """The ``k`` nearest devices (optionally only of ``kinds``) with their distances."""
        candidates = np.arange(len(self.devices))
        if kinds is not None:
            candidates = candidates[np.isin(self.kinds, list(kinds))]
        if candidates.size == 0:
            return []
        dist = np.linalg.norm(self.xyz[candidates] - np.asarray(xyz, dtype=float), axis=1)
        k = min(k, candidates.size)
        order = np.argpartition(dist, k - 1)[:k]
        order = order[np.argsort(dist[order], kind="stable")]
        return [(self.devices[candidates[i]], float(dist[i])) for i in order]
