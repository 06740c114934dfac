"""Scene -> CityJSON 2.0: every scene item becomes one City Object whose attributes hold the
item's fields and whose geometry holds its coordinates (docs/scene-format.md). Vertices are
integers under ``transform`` (1 mm); ``translate`` is the site origin in the site's CRS, so
real-world coordinates come out right. Personal data (technicians' phone numbers) stays
home."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec

from app.scene.cityjson.mapping import (
    EPSG_URL,
    PRIVATE_FIELDS,
    SCALE,
    SECTION_KEY,
    SITE_ID,
    TYPES,
    VERSION,
)
from app.scene.model import Building, Scene
from app.scene.writer import plain


class _Vertices:
    """Shared integer vertices (site metres quantised to SCALE)."""

    def __init__(self) -> None:
        self.index: dict[tuple[int, int, int], int] = {}

    def __call__(self, xyz: Any) -> int:
        key = tuple(round(c / SCALE) for c in (*xyz, 0.0)[:3])
        return self.index.setdefault(key, len(self.index))  # type: ignore[arg-type]


def _pop(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    node = data
    for key in path[:-1]:
        node = node[key]
    return node.pop(path[-1])


def _solid(b: Building, vertex: _Vertices) -> dict[str, Any]:
    """LoD1 block: above ground from base_z up; a building with no floors above ground
    (a garage) is the block of its basements below base_z."""
    top = b.base_z + b.height_m if b.floors else b.base_z
    bottom = b.base_z if b.floors else b.base_z - b.basements * b.floor_height_m
    low = [vertex((x, y, bottom)) for x, y in b.footprint]
    high = [vertex((x, y, top)) for x, y in b.footprint]
    n = len(low)
    walls = [[[low[i], low[(i + 1) % n], high[(i + 1) % n], high[i]]] for i in range(n)]
    shell = [[low[::-1]], [high], *walls]
    return {"type": "Solid", "lod": "1", "boundaries": [shell]}


def export_cityjson(scene: Scene) -> dict[str, Any]:
    """The scene as a CityJSON 2.0 document (a dict ready for json encoding)."""
    vertex = _Vertices()
    objects: dict[str, Any] = {SITE_ID: {
        "type": "GenericCityObject",
        "attributes": {SECTION_KEY: "site", **plain(msgspec.to_builtins(scene.site))}}}
    for b in scene.buildings:
        storeys = [f"{b.id}:F{f}" for f in range(-b.basements, b.floors + 1) if f]
        attrs = plain(msgspec.to_builtins(b))
        attrs.pop("footprint")
        objects[b.id] = {
            "type": "Building", "geometry": [_solid(b, vertex)], "children": storeys,
            "attributes": {SECTION_KEY: "buildings", **attrs, "function": b.use,
                           "storeysAboveGround": b.floors, "storeysBelowGround": b.basements,
                           "measuredHeight": b.height_m}}
        for sid in storeys:
            floor = int(sid.rsplit(":F", 1)[1])
            objects[sid] = {"type": "BuildingStorey", "parents": [b.id],
                            "attributes": {"storey": floor,
                                           "elevation_m": b.floor_z(floor)}}
    nodes = {n.id: n.xyz for n in scene.walk_nodes}
    for section, (prefix, kind, geom, path) in TYPES.items():
        for item in getattr(scene, section):
            attrs = plain(msgspec.to_builtins(item))
            for private in PRIVATE_FIELDS.get(section, ()):
                attrs.pop(private, None)
            if geom == "edge":
                ends = [nodes[k] for k in (item.a, item.b) if k in nodes]
                bounds = [[vertex(p) for p in ends]] if len(ends) == 2 else []
                geometry = {"type": "MultiLineString", "lod": "0", "boundaries": bounds}
                oid = f"{prefix}{item.a}>{item.b}"
                while oid in objects:  # parallel edges (e.g. stairs and a lift) stay apart
                    oid += "'"
            else:
                coords = _pop(attrs, path)
                oid = prefix + item.id
                if geom == "point":
                    geometry = {"type": "MultiPoint", "lod": "1", "boundaries": [vertex(coords)]}
                elif geom == "ring":
                    geometry = {"type": "MultiSurface", "lod": "0",
                                "boundaries": [[[vertex(p) for p in coords]]]}
                else:
                    geometry = {"type": "MultiLineString", "lod": "0" if geom == "line" else "1",
                                "boundaries": [[vertex(p) for p in coords]]}
            objects[oid] = {"type": kind, "geometry": [geometry],
                            "attributes": {SECTION_KEY: section, **attrs}}
    verts = list(vertex.index)
    xs, ys, zs = (zip(*verts, strict=True) if verts else ((0,), (0,), (0,)))
    (ox, oy), oz = scene.site.origin_crs, scene.site.origin_z
    extent = [min(xs) * SCALE + ox, min(ys) * SCALE + oy, min(zs) * SCALE + oz,
              max(xs) * SCALE + ox, max(ys) * SCALE + oy, max(zs) * SCALE + oz]
    metadata: dict[str, Any] = {"title": scene.site.name, "identifier": scene.site.site_id,
                                "geographicalExtent": extent}
    if scene.site.crs_epsg is not None:  # no CRS stated: none invented
        metadata["referenceSystem"] = f"{EPSG_URL}{scene.site.crs_epsg}"
    return {
        "type": "CityJSON", "version": VERSION,
        "transform": {"scale": [SCALE, SCALE, SCALE], "translate": [ox, oy, oz]},
        "metadata": metadata,
        "CityObjects": objects,
        "vertices": [list(v) for v in verts],
    }


def write_cityjson(scene: Scene, path: str | Path) -> None:
    Path(path).write_bytes(msgspec.json.encode(export_cityjson(scene)))
