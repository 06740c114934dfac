"""CityJSON 1.0/1.1/2.0 -> Scene, with a report of what was used, skipped and adjusted.

Two kinds of objects come in. The control room's own export (objects carrying
``cr_section``) is one consistent compound: it is read strictly and any fault refuses the
file, since a device silently left out would break the references to it. Buildings and
building parts of other platforms are read one by one: one that cannot be used is skipped
with its reason and the rest still import. Other City Object types are counted, not used.

The CRS is kept as the file states it (or as the user declares it when the file has
none), never invented. A foreign model's site origin is the middle of its buildings (and
the lowest ground level for z), its bounds are fitted around them, so the 3D view opens on
the data.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path
from typing import Any

import msgspec
import numpy as np

from app.one_line import one_line
from app.scene import georef
from app.scene.cityjson.buildings import BUILDING_TYPES, ForeignBuilding, Unusable, read_building
from app.scene.cityjson.geometry import real_vertices
from app.scene.cityjson.mapping import SECTION_KEY, SITE_ID
from app.scene.cityjson.own_objects import convert_item, read_own_objects
from app.scene.cityjson.upgrade import upgrade
from app.scene.errors import SceneError
from app.scene.ids import is_safe_id, safe_id
from app.scene.loader import check_scene
from app.scene.model import Building, Scene, Site
from app.scene.validate import building_problem

#: margin (m) around a foreign model's buildings for the site bounds
BOUNDS_MARGIN_M = 20.0


class ImportReport(msgspec.Struct, frozen=True):
    """What an import did, for the operator (the CLI prints it) and for tests."""

    source_version: str  # CityJSON version of the file ("1.1" ...)
    crs: str  # "EPSG:7415 (Amersfoort / RD New + NAP height)" or "none"
    buildings: int
    skipped: tuple[tuple[str, str], ...] = ()  # (object id, reason)
    notes: tuple[tuple[str, str], ...] = ()  # (object id, what was adjusted or ignored)
    ignored: dict[str, int] = {}  # City Object type -> objects not used
    renamed: dict[str, str] = {}  # object id -> the building id it got (unsafe characters)


class CityImport(msgspec.Struct, frozen=True):
    scene: Scene
    report: ImportReport


def import_cityjson(doc: Any, origin: str = "CityJSON") -> Scene:
    """A Scene from a CityJSON document; SceneError (one line) when nothing usable."""
    return import_city_model(doc, origin).scene


def import_city_model(doc: Any, origin: str = "CityJSON",
                      crs_epsg: int | None = None) -> CityImport:
    """Import with the report. ``crs_epsg`` declares the CRS of a file that states none."""
    if not isinstance(doc, dict) or doc.get("type") != "CityJSON":
        raise SceneError(f"{origin}: type: not a CityJSON document (expected \"type\": "
                         "\"CityJSON\")")
    doc, version = upgrade(doc, origin)
    objects = doc.get("CityObjects")
    if not isinstance(objects, dict):
        raise SceneError(f"{origin}: CityObjects: missing or not an object")
    vertices = real_vertices(doc, origin)
    epsg, crs_text = _crs(doc, origin, crs_epsg)
    own_site = _own_site(objects, origin)
    foreign, skipped, ignored = _foreign_buildings(objects, vertices)
    if own_site is None and not foreign:
        reasons = "; ".join(f"{one_line(oid)}: {why}" for oid, why in skipped[:3])
        raise SceneError(f"{origin}: nothing to import: no usable buildings among "
                         f"{len(objects)} city objects" + (f" ({reasons})" if reasons else ""))
    site = own_site or _fitted_site(doc, origin, foreign, epsg)
    sections = read_own_objects(objects, vertices, site, origin)
    buildings, notes, renamed = _place(foreign, site, sections["buildings"], skipped)
    if own_site is None and not buildings:
        raise SceneError(f"{origin}: nothing to import: every building was skipped (first: "
                         f"{skipped[0][0]}: {skipped[0][1]})")
    sections["buildings"].extend(buildings)
    if own_site is not None and buildings:  # foreign buildings added to our own site
        xy = np.array([p for b in buildings for p in b.footprint])
        site = msgspec.structs.replace(site, bounds=_fitted_bounds(xy, site.bounds))
    scene = check_scene(Scene(site=site, **{k: tuple(v) for k, v in sections.items()}),
                        origin)
    report = ImportReport(version, crs_text, len(scene.buildings), tuple(skipped),
                          tuple(notes), dict(ignored), renamed)
    return CityImport(scene, report)


def _crs(doc: dict[str, Any], origin: str, declared: int | None) -> tuple[int | None, str]:
    metadata = doc.get("metadata")
    stated = metadata.get("referenceSystem") if isinstance(metadata, dict) else None
    epsg = None
    if stated is not None:
        epsg = georef.parse_epsg(stated, f"{origin}: metadata.referenceSystem")
        if declared is not None and declared != epsg:
            raise SceneError(f"{origin}: metadata.referenceSystem: the file states "
                             f"EPSG:{epsg}, not the declared EPSG:{declared}")
    epsg = epsg if epsg is not None else declared
    if epsg is None:
        return None, "none"
    name = georef.check_projected(epsg, f"{origin}: metadata.referenceSystem"
                                  if stated is not None else f"{origin}: --crs")
    return epsg, f"EPSG:{epsg} ({name})"


def _own_site(objects: dict[str, Any], origin: str) -> Site | None:
    obj = objects.get(SITE_ID)
    attrs = obj.get("attributes") if isinstance(obj, dict) else None
    if not isinstance(attrs, dict) or attrs.get(SECTION_KEY) != "site":
        return None
    data = {k: v for k, v in attrs.items() if k != SECTION_KEY}
    return convert_item(data, "site", f"{origin}: CityObjects[{SITE_ID!r}]")


def _foreign_buildings(objects: dict[str, Any], vertices: np.ndarray
                       ) -> tuple[list[ForeignBuilding], list[tuple[str, str]], Counter]:
    found, skipped, ignored = [], [], Counter()
    for oid, obj in objects.items():
        if not isinstance(obj, dict):
            skipped.append((oid, f"expected an object, got {type(obj).__name__}"))
            continue
        attrs = obj.get("attributes")
        if isinstance(attrs, dict) and SECTION_KEY in attrs:
            continue  # the control room's own
        kind = obj.get("type")
        if kind not in BUILDING_TYPES:
            if not _inside_a_building(obj, objects):
                ignored[str(kind)] += 1
            continue
        if kind == "Building" and not obj.get("geometry") and _has_parts(obj, objects):
            continue  # a building made of parts: the parts come in
        parents = obj.get("parents")
        parent = objects.get(parents[0]) if isinstance(parents, list) and parents and \
            isinstance(parents[0], str) else None
        try:
            found.append(read_building(oid, obj, parent if isinstance(parent, dict) else None,
                                       vertices))
        except Unusable as exc:
            skipped.append((oid, str(exc)))
    return found, skipped, ignored


def _has_parts(obj: dict[str, Any], objects: dict[str, Any]) -> bool:
    children = obj.get("children")
    return isinstance(children, list) and any(
        isinstance(c, str) and isinstance(objects.get(c), dict)
        and objects[c].get("type") == "BuildingPart" and objects[c].get("geometry")
        for c in children)


def _inside_a_building(obj: dict[str, Any], objects: dict[str, Any]) -> bool:
    """Storeys, rooms, installations: part of a building, not something left out."""
    parents = obj.get("parents")
    return isinstance(parents, list) and any(
        isinstance(p, str) and isinstance(objects.get(p), dict)
        and objects[p].get("type") in BUILDING_TYPES for p in parents)


def _fitted_site(doc: dict[str, Any], origin: str, foreign: list[ForeignBuilding],
                 epsg: int | None) -> Site:
    xy = np.array([p for b in foreign for p in b.ring])
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    ox, oy = (float(v) for v in np.round((lo + hi) / 2))
    oz = math.floor(min(b.base_z for b in foreign) * 100) / 100
    metadata = doc.get("metadata") if isinstance(doc.get("metadata"), dict) else {}
    title, identifier = metadata.get("title"), metadata.get("identifier")
    stem = Path(origin).name.split(".")[0] or "imported"
    lon = lat = None
    if epsg is not None:
        lon, lat = georef.lonlat_of(epsg, ox, oy)
        lon, lat = (round(lon, 7), round(lat, 7)) if math.isfinite(lon + lat) else (None, None)
    bounds = _fitted_bounds(xy - (ox, oy))
    return Site(name=title.strip() if isinstance(title, str) and title.strip() else stem,
                origin_lon=lon, origin_lat=lat, crs_epsg=epsg, origin_crs=(ox, oy),
                origin_z=oz, bounds=bounds,
                site_id=identifier if is_safe_id(identifier) else safe_id(stem))


def _fitted_bounds(xy: np.ndarray, start: tuple | None = None) -> tuple:
    """The extent of the points ``xy`` (site metres) plus the margin, in whole metres,
    and grown to hold ``start`` when given."""
    lo, hi = xy.min(axis=0) - BOUNDS_MARGIN_M, xy.max(axis=0) + BOUNDS_MARGIN_M
    if start is not None:
        lo, hi = np.minimum(lo, start[0]), np.maximum(hi, start[1])
    return ((float(math.floor(lo[0])), float(math.floor(lo[1]))),
            (float(math.ceil(hi[0])), float(math.ceil(hi[1]))))


def _place(foreign: list[ForeignBuilding], site: Site, own: list[Building],
           skipped: list[tuple[str, str]]
           ) -> tuple[list[Building], list[tuple[str, str]], dict[str, str]]:
    """Foreign buildings moved to site metres, with safe unique ids; bad ones skipped."""
    ox, oy = site.origin_crs
    taken = {b.id for b in own}
    out, notes, renamed = [], [], {}
    for f in foreign:
        bid = f.source_id if is_safe_id(f.source_id) and f.source_id not in taken \
            else safe_id(f.source_id, taken)
        building = Building(
            id=bid, name=f.name, use=f.use,
            footprint=tuple((round(x - ox, 3), round(y - oy, 3)) for x, y in f.ring),
            floors=f.floors, floor_height_m=f.height_m / f.floors,
            basements=f.basements, base_z=round(f.base_z - site.origin_z, 3))
        problem = building_problem(building)
        if problem:
            skipped.append((f.source_id, problem))
            continue
        if bid != f.source_id:
            renamed[f.source_id] = bid
        taken.add(bid)
        out.append(building)
        notes.extend((f.source_id, note) for note in f.notes)
    return out, notes, renamed
