"""The control room's own City Objects (``cr_section`` attributes) back into scene items,
strictly: every fault is a SceneError naming the object, because the export is one
consistent compound whose items refer to each other."""

from __future__ import annotations

from typing import Any

import msgspec
import numpy as np

from app.scene.cityjson.geometry import GeometryError, surfaces
from app.scene.cityjson.mapping import (
    SECTION_KEY,
    SECTION_TYPES,
    STANDARD_BUILDING_ATTRIBUTES,
    TYPES,
)
from app.scene.errors import SceneError, describe_validation
from app.scene.model import Site


def convert_item(data: dict[str, Any], section: str, where: str) -> Any:
    """``data`` as the item type of ``section`` (or the Site); SceneError naming the key."""
    item_type = Site if section == "site" else SECTION_TYPES[section].__args__[0]
    try:
        return msgspec.convert(data, item_type)
    except msgspec.ValidationError as exc:
        raise SceneError(f"{where}: {describe_validation(str(exc), 'attributes')}") from None


def read_own_objects(objects: dict[str, Any], vertices: np.ndarray, site: Site,
                     origin: str) -> dict[str, list]:
    """Every Scene section (but the site) from the objects carrying ``cr_section``."""
    offset = np.array([*site.origin_crs, site.origin_z])
    local = np.round(vertices - offset, 3) if len(vertices) else vertices
    sections: dict[str, list] = {name: [] for name in SECTION_TYPES if name != "site"}
    for oid, obj in objects.items():
        attrs = obj.get("attributes") if isinstance(obj, dict) else None
        if not isinstance(attrs, dict) or attrs.get(SECTION_KEY) in (None, "site"):
            continue
        where = f"{origin}: CityObjects[{oid!r}]"
        section = attrs[SECTION_KEY]
        data = {k: v for k, v in attrs.items() if k != SECTION_KEY}
        if section == "buildings" and obj.get("type") == "Building":
            data = {k: v for k, v in data.items() if k not in STANDARD_BUILDING_ATTRIBUTES}
            data["footprint"] = _bottom_ring(obj, local, where)
        elif isinstance(section, str) and section in TYPES:
            _put_coordinates(data, section, _first_boundaries(obj, where), local, where)
        else:
            raise SceneError(f"{where}: attributes.{SECTION_KEY}: unknown section "
                             f"{section!r}")
        sections[section].append(convert_item(data, section, where))
    return sections


def _first_boundaries(obj: dict[str, Any], where: str) -> Any:
    geometry = obj.get("geometry")
    if not isinstance(geometry, list) or not geometry or not isinstance(geometry[0], dict) \
            or "boundaries" not in geometry[0]:
        raise SceneError(f"{where}: geometry[0]: expected an object with boundaries")
    return geometry[0]["boundaries"]


def _vertex(index: Any, local: np.ndarray, where: str) -> list[float]:
    if type(index) is not int or not 0 <= index < len(local):
        shown = repr(index) if type(index) is int else f"a {type(index).__name__}"
        raise SceneError(f"{where}: geometry[0].boundaries: bad vertex reference {shown}")
    return [float(c) for c in local[index]]


def _put_coordinates(data: dict[str, Any], section: str, boundaries: Any,
                     local: np.ndarray, where: str) -> None:
    _, _, geom, path = TYPES[section]
    if geom == "edge":
        return  # a walk edge's geometry is for display only
    try:
        if geom == "point":
            value: Any = _vertex(boundaries[0], local, where)
        elif geom == "ring":
            value = [_vertex(i, local, where)[:2] for i in boundaries[0][0]]
        elif geom == "line":
            value = [_vertex(i, local, where)[:2] for i in boundaries[0]]
        else:
            value = [_vertex(i, local, where) for i in boundaries[0]]
    except (TypeError, IndexError, KeyError):
        raise SceneError(f"{where}: geometry[0]: not the {geom} geometry a {section} item "
                         "needs") from None
    node = data
    for key in path[:-1]:
        node = node.setdefault(key, {}) if isinstance(node, dict) else {}
    if not isinstance(node, dict):
        raise SceneError(f"{where}: attributes.{'.'.join(path[:-1])}: expected an object")
    node[path[-1]] = value


def _bottom_ring(obj: dict[str, Any], local: np.ndarray, where: str) -> list[list[float]]:
    """The footprint of an exported LoD1 block: its first surface, the bottom (written
    reversed, so reversed back)."""
    geometry = obj.get("geometry")
    try:
        found = surfaces(geometry[0] if isinstance(geometry, list) and geometry else None,
                         local, f"{where}: geometry[0]")
    except GeometryError as exc:
        raise SceneError(str(exc)) from None
    if not found:
        raise SceneError(f"{where}: geometry[0]: no surfaces")
    return [[float(x), float(y)] for x, y, _ in found[0].ring[::-1]]
