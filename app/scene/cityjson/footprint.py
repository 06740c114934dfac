"""A building's footprint, ground level and top from its surfaces (shapely does the 2D
unions).

The footprint is, by preference: the union of the surfaces labelled ``GroundSurface``; else
of the horizontal surfaces at the geometry's lowest level (an unlabelled LoD1 floor, or a
floor cut into triangles); else, when there is no bottom surface at all, the union of every
surface projected on the ground (walls vanish, roofs cover the plan). A union in several
pieces keeps the largest and says so; holes (courtyards) are filled, as the scene's
footprints are simple polygons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from app.scene.cityjson.geometry import Surface

#: z tolerance (m) for "horizontal" and "at the lowest level"
LEVEL_TOLERANCE_M = 0.01
#: grid the 2D unions snap to (m): vertices are millimetres, so shared edges meet exactly
GRID_M = 0.001
#: vertices closer than this to the line of their neighbours are dropped (m)
SIMPLIFY_M = 0.01


@dataclass(frozen=True, slots=True)
class Footprint:
    ring: list[tuple[float, float]]  # open ring, real x/y
    base_z: float  # ground level: lowest z of the surfaces the footprint came from
    top_z: float  # highest z of all the surfaces
    source: str  # "ground surface" | "lowest surface" | "projection"
    area_m2: float
    dropped_m2: float  # area of the pieces left out (a footprint in several parts)


def footprint(found: Sequence[Surface]) -> Footprint | None:
    """The footprint of one geometry's surfaces; None when no area can be made of them."""
    if not found:
        return None
    top = float(max(s.ring[:, 2].max() for s in found))
    low = float(min(s.ring[:, 2].min() for s in found))
    ground = [s for s in found if s.semantic == "GroundSurface"]
    source = "ground surface"
    if not ground:
        ground = [s for s in found if s.semantic not in ("RoofSurface", "WallSurface")
                  and np.ptp(s.ring[:, 2]) <= LEVEL_TOLERANCE_M
                  and s.ring[:, 2].min() <= low + LEVEL_TOLERANCE_M]
        source = "lowest surface"
    shape = _union(ground) if ground else None
    if shape is None:
        ground, source = list(found), "projection"
        shape = _union(ground)
    if shape is None:
        return None
    pieces = sorted(getattr(shape, "geoms", [shape]), key=lambda p: p.area, reverse=True)
    main = shapely.Polygon(pieces[0].exterior)
    main = shapely.simplify(main, SIMPLIFY_M, preserve_topology=True)
    ring = [(round(x, 3), round(y, 3)) for x, y in main.exterior.coords[:-1]]
    if len(ring) < 3 or main.area <= 0:
        return None
    base = float(min(s.ring[:, 2].min() for s in ground))
    return Footprint(ring, base, top, source, float(main.area),
                     float(sum(p.area for p in pieces[1:])))


def _union(found: Sequence[Surface]) -> shapely.Polygon | shapely.MultiPolygon | None:
    """Union of the surfaces' exterior rings on the ground plane; None if it has no area."""
    polygons = []
    for s in found:
        x, y = s.ring[:, 0], s.ring[:, 1]
        twice_area = (x[:-1] @ y[1:] - x[1:] @ y[:-1]) + (x[-1] * y[0] - x[0] * y[-1])
        if abs(twice_area) < 1e-9:
            continue  # no area from above: a wall (a bow-tie is caught by make_valid)
        polygon = shapely.Polygon(s.ring[:, :2])
        if not polygon.is_valid:
            polygon = shapely.make_valid(polygon)
        polygons.extend(g for g in getattr(polygon, "geoms", [polygon])
                        if isinstance(g, shapely.Polygon) and g.area > 0)
    if not polygons:
        return None
    merged = shapely.set_precision(shapely.union_all(polygons, grid_size=GRID_M), GRID_M)
    kept = [g for g in getattr(merged, "geoms", [merged])
            if isinstance(g, shapely.Polygon) and g.area > 0]
    if not kept:
        return None
    return kept[0] if len(kept) == 1 else shapely.MultiPolygon(kept)
