"""CityJSON 2.0 exchange: a Scene to and from the open city-model format of CIM platforms.

Every scene item becomes one City Object whose attributes hold the item's fields and whose
geometry holds its coordinates (docs/scene-format.md has the mapping). Vertices are
integers under ``transform`` (1 mm); ``translate`` is the site origin in the site's CRS, so
real-world coordinates come out right. ``import_cityjson(export_cityjson(s)) == s`` up to
that quantisation; buildings from other sources (no ``cr_section``) import from their LoD1
geometry and standard attributes.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import msgspec

from app.scene.errors import SceneError, describe_validation
from app.scene.loader import check_scene
from app.scene.model import Building, Scene, Site
from app.scene.writer import plain

VERSION = "2.0"
SCALE = 0.001
_DECIMALS = 3
SECTION_KEY = "cr_section"  # attribute naming the Scene section an object came from
SITE_ID = "cr:site"
_EPSG_URL = "https://www.opengis.net/def/crs/EPSG/0/"

# section -> (id prefix, City Object type, geometry: (kind, field path))
#   point: one xyz (MultiPoint) | path: xyz list (MultiLineString) | line: xy list at z=0
#   ring: xy polygon at z=0 (MultiSurface) | edge: walk edge, geometry for display only
_TYPES: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "roads": ("road:", "Road", "line", ("centerline",)),
    "lawns": ("lawn:", "PlantCover", "ring", ("polygon",)),
    "zones": ("zone:", "LandUse", "ring", ("polygon",)),
    "parking": ("parking:", "GenericCityObject", "point", ("center",)),
    "gates": ("gate:", "CityFurniture", "point", ("xyz",)),
    "pipes": ("pipe:", "GenericCityObject", "path", ("path",)),
    "walk_nodes": ("walk:", "GenericCityObject", "point", ("xyz",)),
    "walk_edges": ("walk-edge:", "GenericCityObject", "edge", ()),
    "cameras": ("camera:", "CityFurniture", "point", ("xyz",)),
    "microphones": ("mic:", "CityFurniture", "point", ("xyz",)),
    "devices": ("device:", "CityFurniture", "point", ("location", "xyz")),
    "technicians": ("tech:", "GenericCityObject", "point", ("home_xyz",)),
}
_SECTION_TYPES = {f.name: f.type for f in msgspec.structs.fields(Scene)}


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


def _put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    node = data
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value


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
    for section, (prefix, kind, geom, path) in _TYPES.items():
        for item in getattr(scene, section):
            attrs = plain(msgspec.to_builtins(item))
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
    ox, oy = scene.site.origin_crs
    extent = [min(xs) * SCALE + ox, min(ys) * SCALE + oy, min(zs) * SCALE,
              max(xs) * SCALE + ox, max(ys) * SCALE + oy, max(zs) * SCALE]
    return {
        "type": "CityJSON", "version": VERSION,
        "transform": {"scale": [SCALE, SCALE, SCALE], "translate": [ox, oy, 0.0]},
        "metadata": {"title": scene.site.name, "identifier": scene.site.site_id,
                     "referenceSystem": f"{_EPSG_URL}{scene.site.crs_epsg}",
                     "geographicalExtent": extent},
        "CityObjects": objects,
        "vertices": [list(v) for v in verts],
    }


_STANDARD = ("function", "storeysAboveGround", "storeysBelowGround", "measuredHeight")


def _fail(where: str, message: str) -> SceneError:
    return SceneError(f"{where}: {message}")


def _local_vertices(doc: dict[str, Any], origin: str) -> tuple[list, tuple[float, float]]:
    """Vertices in site metres (relative to the translate, i.e. the site origin)."""
    transform = doc.get("transform")
    if not isinstance(transform, dict):
        raise _fail(origin, "transform: missing (integer vertices need scale and translate)")
    scale, translate = transform.get("scale"), transform.get("translate")
    for key, value in (("scale", scale), ("translate", translate)):
        if (not isinstance(value, list) or len(value) != 3
                or not all(isinstance(v, int | float) and math.isfinite(v) for v in value)):
            raise _fail(origin, f"transform.{key}: expected 3 finite numbers")
    if not all(s > 0 for s in scale):
        raise _fail(origin, "transform.scale: must be positive")
    vertices = doc.get("vertices")
    if not isinstance(vertices, list):
        raise _fail(origin, "vertices: missing or not a list")
    decimals = [max(0, round(-math.log10(s))) for s in scale]
    out = []
    for i, v in enumerate(vertices):
        if not (isinstance(v, list) and len(v) == 3 and all(type(c) is int for c in v)):
            raise _fail(origin, f"vertices[{i}]: expected 3 integers")
        out.append(tuple(round(c * s, d) for c, s, d in zip(v, scale, decimals, strict=True)))
    return out, (translate[0], translate[1])


def _coords(obj: dict[str, Any], verts: list, where: str) -> tuple[str, Any]:
    """The first geometry's type and boundaries with vertex indices replaced by xyz."""
    geometry = obj.get("geometry") or []
    if not geometry:
        return "", None

    def resolve(node: Any) -> Any:
        if isinstance(node, list):
            return [resolve(n) for n in node]
        if type(node) is not int or not 0 <= node < len(verts):
            raise _fail(where, f"geometry[0].boundaries: bad vertex reference {node!r}")
        return verts[node]
    first = geometry[0]
    if not isinstance(first, dict) or "boundaries" not in first:
        raise _fail(where, "geometry[0]: expected an object with boundaries")
    return first.get("type", ""), resolve(first["boundaries"])


def _footprint(kind: str, boundaries: Any, where: str) -> tuple[list, float, float]:
    """(footprint ring xy, lowest z, highest z) of a LoD1 Solid or MultiSurface."""
    shell = boundaries[0] if kind == "Solid" else boundaries if kind == "MultiSurface" else None
    if not shell:
        raise _fail(where, f"geometry[0]: a building needs a Solid or MultiSurface, got {kind!r}")
    zs = [p[2] for surface in shell for ring in surface for p in ring]
    low = min(zs)
    for surface in shell:
        ring = surface[0]
        if all(p[2] == low for p in ring):
            return [[p[0], p[1]] for p in ring], low, max(zs)
    raise _fail(where, "geometry[0]: no horizontal bottom surface to take the footprint from")


def _building(oid: str, attrs: dict[str, Any], kind: str, boundaries: Any,
              where: str) -> dict[str, Any]:
    ring, low, high = _footprint(kind, boundaries, where)
    if attrs.get(SECTION_KEY) == "buildings":
        data = {k: v for k, v in attrs.items() if k not in _STANDARD and k != SECTION_KEY}
    else:  # from another platform: standard CityJSON attributes only
        floors = int(attrs.get("storeysAboveGround") or max(1, round((high - low) / 3.0)))
        data = {"id": oid, "name": str(attrs.get("name", oid)),
                "use": str(attrs.get("function", "residential")), "floors": floors,
                "floor_height_m": (high - low) / floors if high > low else 3.0,
                "basements": int(attrs.get("storeysBelowGround") or 0), "base_z": low}
    data["footprint"] = ring
    return data


def import_cityjson(doc: Any, origin: str = "CityJSON") -> Scene:
    """A Scene from a CityJSON 2.0 document; SceneError (one line) when it is unusable."""
    if not isinstance(doc, dict) or doc.get("type") != "CityJSON":
        raise _fail(origin, "type: not a CityJSON document (expected \"type\": \"CityJSON\")")
    if not str(doc.get("version", "")).startswith("2."):
        raise _fail(origin, f"version: {doc.get('version')!r} is not supported, expected 2.0")
    objects = doc.get("CityObjects")
    if not isinstance(objects, dict):
        raise _fail(origin, "CityObjects: missing or not an object")
    verts, translate = _local_vertices(doc, origin)
    sections: dict[str, list] = {name: [] for name in _SECTION_TYPES if name != "site"}
    site: dict[str, Any] = {}
    by_section = {name: spec for name, spec in _TYPES.items()}
    for oid, obj in objects.items():
        where = f"{origin}: CityObjects[{oid!r}]"
        if not isinstance(obj, dict):
            raise _fail(where, "not an object")
        attrs = dict(obj.get("attributes") or {})
        section = attrs.pop(SECTION_KEY, None)
        if section == "site":
            site = attrs
            continue
        kind, boundaries = _coords(obj, verts, where)
        if obj.get("type") == "Building" and section in (None, "buildings"):
            attrs[SECTION_KEY] = section
            data = _building(oid, attrs, kind, boundaries, where)
            sections["buildings"].append(_convert(data, "buildings", where))
            continue
        if section not in by_section:
            continue  # storeys and objects this control room has no use for
        _, _, geom, path = by_section[section]
        try:
            if geom == "point":
                _put(attrs, path, list(boundaries[0]))
            elif geom == "ring":
                _put(attrs, path, [[p[0], p[1]] for p in boundaries[0][0]])
            elif geom == "line":
                _put(attrs, path, [[p[0], p[1]] for p in boundaries[0]])
            elif geom == "path":
                _put(attrs, path, [list(p) for p in boundaries[0]])
        except (TypeError, IndexError):
            raise _fail(where, f"geometry[0]: not the {geom} geometry a {section} item needs") \
                from None
        sections[section].append(_convert(attrs, section, where))
    site = {"name": (doc.get("metadata") or {}).get("title", "imported"),
            "origin_crs": list(translate), **site}
    return check_scene(Scene(site=_convert(site, "site", origin),
                             **{k: tuple(v) for k, v in sections.items()}), origin)


def _convert(data: dict[str, Any], section: str, where: str) -> Any:
    kind = _SECTION_TYPES[section]
    item_type = Site if section == "site" else kind.__args__[0]
    try:
        return msgspec.convert(data, item_type)
    except msgspec.ValidationError as exc:
        raise SceneError(f"{where}: {describe_validation(str(exc), 'attributes')}") from None


def write_cityjson(scene: Scene, path: str | Path) -> None:
    Path(path).write_bytes(msgspec.json.encode(export_cityjson(scene)))


def read_cityjson(path: str | Path) -> Scene:
    """Import a .city.json file; every problem is a SceneError naming the file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SceneError(f"{path}: no such file") from None
    except OSError as exc:
        raise SceneError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        doc = msgspec.json.decode(data)
    except msgspec.DecodeError as exc:
        from app.scene.errors import describe_decode

        raise SceneError(f"{path}: not valid JSON: {describe_decode(str(exc), data)}") from None
    return import_cityjson(doc, str(path))
