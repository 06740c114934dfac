"""Scene validation: every rule a scene must satisfy, each with its own one-line message.

``find_problems`` returns ``Problem``s against the merged Scene (section, index, key path
inside the item); the loader maps them back to the file they came from. ``normalise``
makes footprints counter-clockwise without a closing vertex (clockwise input is accepted
and reversed, not rejected).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from typing import Any, NamedTuple

import msgspec
import numpy as np

from app.domain.kinds import DEVICE_KINDS, SKILLS
from app.scene import geometry
from app.scene.ids import id_problem
from app.scene.model import Building, Scene, Site

SHIFTS = ("day", "night", "on_call")
PIPE_NETWORKS = ("water", "gas", "heating", "drainage", "power")
ZONE_KINDS = ("green_space", "no_build", "fire_lane", "rooftop")
GATE_DEVICE_KINDS = ("barrier_gate", "door_access")
WALK_EDGE_KINDS = ("walk", "stairs", "elevator", "road")
#: how far outside its footprint a device may sit (wall-mounted door readers, hydrants)
FOOTPRINT_TOLERANCE_M = 0.5
# bounds that keep every number usable downstream (export, 3D view, floor lists): a value
# past them is a typo or an attack (floors 1e9 made `scene export` run out of memory)
MAX_FLOORS = 200  # the tallest building has 163
MAX_BASEMENTS = 20
MAX_FLOOR_HEIGHT_M = 50.0
MAX_SITE_M = 100_000.0  # site values (coordinates, sizes) within 100 km of the origin
MAX_CRS_M = 1e8  # eastings/northings of any projected CRS
_ANY_SITE = Site("")
# sections whose items carry an id that must be unique within the section
_ID_SECTIONS = ("buildings", "roads", "lawns", "parking", "gates", "pipes", "walk_nodes",
                "cameras", "microphones", "devices", "technicians", "zones")


class Problem(NamedTuple):
    section: str  # "devices", "site" ...
    index: int | None  # item inside the section
    path: str  # key path inside the item, e.g. "location.building"
    message: str
    also: int | None = None  # for duplicates: the index of the first item with that id


def find_problems(scene: Scene, limit: int = 50) -> list[Problem]:
    """Every problem found, in a stable order (the first is the one to report)."""
    out: list[Problem] = []
    for check in _CHECKS:
        out.extend(check(scene))
        if len(out) >= limit:
            break
    return out[:limit]


def normalise(scene: Scene) -> Scene:
    """Counter-clockwise polygons without a repeated closing vertex."""
    def fix(item: Any, key: str) -> Any:
        ring = _open_ring(getattr(item, key))
        if len(ring) >= 3 and geometry.signed_area(ring) < 0:
            ring = ring[::-1]
        return item if ring == getattr(item, key) else msgspec.structs.replace(item, **{key: ring})
    return msgspec.structs.replace(
        scene,
        buildings=tuple(fix(b, "footprint") for b in scene.buildings),
        lawns=tuple(fix(lawn, "polygon") for lawn in scene.lawns),
        zones=tuple(fix(z, "polygon") for z in scene.zones))


def _open_ring(ring: tuple) -> tuple:
    return ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else tuple(ring)


def _walk_floats(value: Any, path: str) -> Iterator[tuple[str, float]]:
    if isinstance(value, float):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _walk_floats(v, f"{path}.{k}" if path else str(k))
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            yield from _walk_floats(v, f"{path}[{i}]")


def _all_plain(value: Any) -> bool:
    """Every number in ``value`` finite and within MAX_SITE_M (a point band's value beyond
    it is not wrong: the caller then walks the section with paths to tell)."""
    values: list[float] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, float):
            values.append(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    numbers = np.asarray(values, dtype=float)
    return bool(np.isfinite(numbers).all() and (np.abs(numbers) <= MAX_SITE_M).all())


def _numbers(scene: Scene) -> Iterator[Problem]:
    """Every number finite, and site values within MAX_SITE_M (device point bands are in
    the device's own units and only need to be finite)."""
    site = scene.site
    for path, v in _walk_floats(msgspec.to_builtins(site), ""):
        if not math.isfinite(v):
            yield Problem("site", None, path, f"not a finite number: {v}")
        elif abs(v) > (MAX_CRS_M if path.startswith("origin_crs") else MAX_SITE_M):
            yield Problem("site", None, path, f"{v:g} is out of range")
    for path, v, low, high in (("origin_lon", site.origin_lon, -180, 180),
                               ("origin_lat", site.origin_lat, -90, 90)):
        if v is not None and math.isfinite(v) and not low <= v <= high:
            yield Problem("site", None, path, f"{v:g} is not within {low}..{high} degrees")
    (x0, y0), (x1, y1) = site.bounds
    if not (x0 < x1 and y0 < y1):
        yield Problem("site", None, "bounds", "expected [[xmin, ymin], [xmax, ymax]] with "
                                              "min < max")
    for section in msgspec.structs.fields(Scene):
        if section.name == "site":
            continue
        items = msgspec.to_builtins(getattr(scene, section.name))
        if _all_plain(items):  # the common case, without a path for each of ~50k numbers
            continue
        for i, item in enumerate(items):
            for path, v in _walk_floats(item, ""):
                if not math.isfinite(v):
                    yield Problem(section.name, i, path, f"not a finite number: {v}")
                elif abs(v) > MAX_SITE_M and not path.startswith("points."):
                    yield Problem(section.name, i, path, f"{v:g} is out of range (site values "
                                  f"lie within {MAX_SITE_M / 1000:g} km of the origin)")


def _ids(scene: Scene) -> Iterator[Problem]:
    """Ids are joined into paths and MQTT topics: safe characters only (app.scene.ids)."""
    problem = id_problem(scene.site.site_id)
    if problem:
        yield Problem("site", None, "site_id", problem)
    for section in _ID_SECTIONS:
        for i, item in enumerate(getattr(scene, section)):
            problem = id_problem(item.id, graph_node=section == "walk_nodes")
            if problem:
                yield Problem(section, i, "id", problem)


def _duplicates(scene: Scene) -> Iterator[Problem]:
    for section in _ID_SECTIONS:
        seen: dict[str, int] = {}
        for i, item in enumerate(getattr(scene, section)):
            if item.id in seen:
                yield Problem(section, i, "id", f"duplicate id {item.id!r}", seen[item.id])
            else:
                seen[item.id] = i


def _polygon_problem(ring: tuple, what: str) -> str | None:
    ring = _open_ring(ring)
    if len(ring) < 3:
        return f"degenerate {what}: {len(ring)} vertices, needs at least 3"
    for i in range(len(ring)):
        if ring[i] == ring[i - 1] and i > 0:
            return f"degenerate {what}: vertex {i} repeats vertex {i - 1}"
    if abs(geometry.signed_area(ring)) < 1e-6:
        return f"degenerate {what}: zero area"
    crossing = geometry.self_intersection(ring)
    if crossing:
        return f"self-intersecting {what}: edges {crossing[0]} and {crossing[1]} cross"
    return None


def _polygons(scene: Scene) -> Iterator[Problem]:
    for section, key, what in (("buildings", "footprint", "footprint"),
                               ("lawns", "polygon", "polygon"), ("zones", "polygon", "polygon")):
        for i, item in enumerate(getattr(scene, section)):
            message = _polygon_problem(getattr(item, key), what)
            if message:
                yield Problem(section, i, key, message)


def _buildings(scene: Scene) -> Iterator[Problem]:
    for i, b in enumerate(scene.buildings):
        if b.floors < 0 or b.basements < 0:
            yield Problem("buildings", i, "floors", "floors and basements must not be negative")
        elif b.floors + b.basements == 0:
            yield Problem("buildings", i, "floors", "a building needs at least one floor")
        if b.floors > MAX_FLOORS:
            yield Problem("buildings", i, "floors", f"{b.floors} floors: at most {MAX_FLOORS}")
        if b.basements > MAX_BASEMENTS:
            yield Problem("buildings", i, "basements",
                          f"{b.basements} basements: at most {MAX_BASEMENTS}")
        if not b.floor_height_m > 0:
            yield Problem("buildings", i, "floor_height_m", "must be positive")
        elif b.floor_height_m > MAX_FLOOR_HEIGHT_M:
            yield Problem("buildings", i, "floor_height_m",
                          f"{b.floor_height_m:g} m: at most {MAX_FLOOR_HEIGHT_M:g} m a floor")


def _within_site(scene: Scene) -> Iterator[Problem]:
    """What is drawn on the ground lies inside the site bounds (the 3D view's ground and
    first view are the bounds; a footprint 1 km away is a wrong origin or CRS)."""
    (x0, y0), (x1, y1) = scene.site.bounds
    lo, hi = np.array([x0, y0]), np.array([x1, y1])
    shown = f"({x0:g}..{x1:g}, {y0:g}..{y1:g})"

    def outside(section: str, key: str, shapes: list) -> Iterator[Problem]:
        # all vertices of the section at once; shapes are polygons or single points
        lengths = [len(shape) if key.endswith(("footprint", "polygon")) else 1
                   for shape in shapes]
        points = [p[:2] for shape, n in zip(shapes, lengths, strict=True)
                  for p in (shape if key.endswith(("footprint", "polygon")) else [shape])]
        if not points:
            return
        xy = np.asarray(points, dtype=float)
        with np.errstate(invalid="ignore"):
            distance = np.linalg.norm(np.maximum(lo - xy, 0) + np.maximum(xy - hi, 0), axis=1)
        owner = np.repeat(np.arange(len(shapes)), lengths)
        starts = np.cumsum([0, *lengths])
        for i in np.unique(owner[distance > 1e-6]):
            k = int(np.argmax(distance[starts[i]:starts[i + 1]]))
            x, y = xy[starts[i] + k]
            vertex = f"vertex {k} " if lengths[i] > 1 else ""
            yield Problem(section, int(i), key, f"{vertex}({x:g}, {y:g}) is "
                          f"{distance[starts[i] + k]:.0f} m outside the site bounds {shown}")
    yield from outside("buildings", "footprint", [b.footprint for b in scene.buildings])
    yield from outside("lawns", "polygon", [lw.polygon for lw in scene.lawns])
    yield from outside("zones", "polygon", [z.polygon for z in scene.zones])
    yield from outside("devices", "location.xyz", [d.location.xyz for d in scene.devices])
    yield from outside("cameras", "xyz", [c.xyz for c in scene.cameras])
    yield from outside("microphones", "xyz", [m.xyz for m in scene.microphones])


def building_problem(building: Building) -> str | None:
    """The first thing that makes one building unusable (for importers that skip a bad
    object instead of refusing the whole file); None when it is fine."""
    scene = Scene(site=_ANY_SITE, buildings=(building,))
    for check in (_numbers, _polygons, _buildings):
        for problem in check(scene):
            return f"{problem.path}: {problem.message}"
    return None


def _floor_problem(building: Building, floor: int) -> str | None:
    low, high = geometry.floor_range(building)
    if floor == 0 or not low <= floor <= high:
        return f"floor {floor} outside building {building.id!r} (floors {low}..{high}, no 0)"
    return None


def _located(scene: Scene) -> Iterator[Problem]:
    """Building references and floors of devices, walk nodes, gates; cameras' watches."""
    buildings = scene.building_index()
    for section, loc in (("devices", lambda d: d.location), ("walk_nodes", lambda n: n),
                         ("gates", lambda g: g)):
        prefix = "location." if section == "devices" else ""
        for i, item in enumerate(getattr(scene, section)):
            where = loc(item)
            bid = where.building
            if bid is None:
                continue
            if bid not in buildings:
                yield Problem(section, i, f"{prefix}building", f"unknown building {bid!r}")
            elif getattr(where, "floor", None) is not None:
                message = _floor_problem(buildings[bid], where.floor)
                if message:
                    yield Problem(section, i, f"{prefix}floor", message)
    for i, cam in enumerate(scene.cameras):
        if cam.watches is not None and cam.watches not in buildings:
            yield Problem("cameras", i, "watches", f"unknown building {cam.watches!r}")


def _inside_footprints(scene: Scene) -> Iterator[Problem]:
    # only buildings with a usable footprint (bad ones are reported by _polygons)
    buildings = {b.id: b for b in scene.buildings if _polygon_problem(b.footprint, "") is None}
    by_building: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(scene.devices):
        if d.location.building in buildings:
            by_building[d.location.building].append(i)
    for bid, indices in by_building.items():
        ring = _open_ring(buildings[bid].footprint)
        xy = np.array([scene.devices[i].location.xyz[:2] for i in indices])
        outside = ~geometry.points_in_polygon(xy, ring)
        if outside.any():
            far = geometry.distance_to_boundary(xy[outside], ring) > FOOTPRINT_TOLERANCE_M
            for i in np.asarray(indices)[outside][far]:
                x, y = scene.devices[i].location.xyz[:2]
                yield Problem("devices", int(i), "location.xyz",
                              f"({x:g}, {y:g}) is outside the footprint of building {bid!r}")


def _devices(scene: Scene) -> Iterator[Problem]:
    for i, d in enumerate(scene.devices):
        if d.kind not in DEVICE_KINDS:
            yield Problem("devices", i, "kind", f"unknown device kind {d.kind!r}")
        if not d.report_interval_s > 0:
            yield Problem("devices", i, "report_interval_s", "must be positive")
        for name, spec in d.points.items():
            for band in ("normal", "limits"):
                lo_hi = getattr(spec, band)
                if lo_hi is not None and lo_hi[0] > lo_hi[1]:
                    yield Problem("devices", i, f"points.{name}.{band}",
                                  f"low {lo_hi[0]:g} is above high {lo_hi[1]:g}")


def _references(scene: Scene) -> Iterator[Problem]:
    """Parking chargers/sensors and gate devices point at a device of the right kind."""
    devices = scene.device_index()

    def check(section: str, i: int, key: str, device_id: str | None, kinds: tuple[str, ...]):
        if device_id is None:
            return None
        device = devices.get(device_id)
        if device is None:
            return Problem(section, i, key, f"unknown device {device_id!r}")
        if device.kind not in kinds:
            return Problem(section, i, key, f"device {device_id!r} is a {device.kind}, "
                                            f"expected {' or '.join(kinds)}")
        return None
    for i, p in enumerate(scene.parking):
        yield from filter(None, (check("parking", i, "charger_id", p.charger_id, ("ev_charger",)),
                                 check("parking", i, "sensor_id", p.sensor_id,
                                       ("parking_space",))))
    for i, g in enumerate(scene.gates):
        problem = check("gates", i, "device_id", g.device_id, GATE_DEVICE_KINDS)
        if problem:
            yield problem


def _technicians(scene: Scene) -> Iterator[Problem]:
    for i, t in enumerate(scene.technicians):
        for j, skill in enumerate(t.skills):
            if skill not in SKILLS:
                yield Problem("technicians", i, f"skills[{j}]",
                              f"unknown skill {skill!r} (known: {', '.join(SKILLS)})")
        for j, cert in enumerate(t.certified):
            if cert not in t.skills:
                yield Problem("technicians", i, f"certified[{j}]",
                              f"certified for {cert!r}, which is not among its skills")
        if t.shift not in SHIFTS:
            yield Problem("technicians", i, "shift",
                          f"unknown shift {t.shift!r} (known: {', '.join(SHIFTS)})")


def _vocabularies(scene: Scene) -> Iterator[Problem]:
    for i, p in enumerate(scene.pipes):
        if p.network not in PIPE_NETWORKS:
            yield Problem("pipes", i, "network", f"unknown network {p.network!r}")
        if len(p.path) < 2:
            yield Problem("pipes", i, "path", "a pipe needs at least 2 points")
    for i, z in enumerate(scene.zones):
        if z.kind not in ZONE_KINDS:
            yield Problem("zones", i, "kind", f"unknown zone kind {z.kind!r}")
    for i, r in enumerate(scene.roads):
        if len(r.centerline) < 2:
            yield Problem("roads", i, "centerline", "a road needs at least 2 points")


def _walk_graph(scene: Scene) -> Iterator[Problem]:
    index: dict[str, int] = {}
    for i, n in enumerate(scene.walk_nodes):
        index.setdefault(n.id, i)
    parent = list(range(len(scene.walk_nodes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for i, e in enumerate(scene.walk_edges):
        for key in ("a", "b"):
            if getattr(e, key) not in index:
                yield Problem("walk_edges", i, key, f"unknown walk node {getattr(e, key)!r}")
        if e.kind not in WALK_EDGE_KINDS:
            yield Problem("walk_edges", i, "kind", f"unknown edge kind {e.kind!r}")
        if e.a in index and e.b in index:
            parent[root(index[e.a])] = root(index[e.b])
    if index:
        first = root(0)
        for i, node in enumerate(scene.walk_nodes):
            if root(index[node.id]) != first:
                yield Problem("walk_nodes", i, "id", f"node {node.id!r} cannot be reached from "
                                                     f"{scene.walk_nodes[0].id!r}")
                break


_CHECKS = (_numbers, _ids, _duplicates, _polygons, _buildings, _within_site, _devices,
           _located, _inside_footprints, _references, _technicians, _vocabularies, _walk_graph)
