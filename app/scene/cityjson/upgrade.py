"""CityJSON 1.0 and 1.1 read as 2.0: the steps of ``cjio upgrade`` that change what a
document means, applied to a copy (the caller's document is left alone).

1.0 -> 1.1: vertices may be real coordinates without ``transform`` (compressed here to
whole millimetres under a translate at the minimum corner, as cjio does with 3 digits);
``lod`` numbers become strings; empty ``geometry`` lists are dropped; CityObjectGroup
``members`` become ``children``; the CRS URN becomes the OGC URL; metadata keys are renamed
(``datasetTitle`` -> ``title`` ...); ``GenericCityObject`` went to an Extension.
1.1 -> 2.0: ``+GenericCityObject`` of the Generic Extension is ``GenericCityObject`` again
(so a 1.0 GenericCityObject stays what it was).
Older versions (0.x) are refused: their structure differs too much to guess.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from app.scene.errors import SceneError

SUPPORTED = ("1.0", "1.1", "2.0")
DIGITS = 3  # cjio upgrade's default precision when it has to add a transform
_METADATA_1_0 = {"citymodelIdentifier": "identifier", "datasetTitle": "title",
                 "datasetReferenceDate": "referenceDate",
                 "datasetPointOfContact": "pointOfContact",
                 "geographicalExtent": "geographicalExtent",
                 "referenceSystem": "referenceSystem"}


def version_of(doc: dict[str, Any], origin: str) -> str:
    """``"1.0"``, ``"1.1"`` or ``"2.0"`` (patch levels such as 2.0.1 are the same schema)."""
    raw = doc.get("version")
    major_minor = ".".join(str(raw).split(".")[:2]) if isinstance(raw, str) else None
    if major_minor not in SUPPORTED:
        raise SceneError(f"{origin}: version: {raw!r} is not supported (CityJSON 1.0, 1.1 "
                         "and 2.0 are; upgrade older files with `cjio FILE upgrade save OUT`)")
    return major_minor  # type: ignore[return-value]


def upgrade(doc: dict[str, Any], origin: str) -> tuple[dict[str, Any], str]:
    """(the document as CityJSON 2.0, the version it was). Only the top level and the
    City Objects that change are copied."""
    version = version_of(doc, origin)
    out = dict(doc)
    if version == "1.0":
        out = _from_1_0(out, origin)
    if version in ("1.0", "1.1"):
        out = _from_1_1(out)
    out["version"] = "2.0"
    return out, version


def _compress(doc: dict[str, Any], origin: str) -> None:
    """Real-coordinate vertices -> integers under a transform (cjio's ``compress``)."""
    vertices = doc.get("vertices")
    if not isinstance(vertices, list):
        return  # the importer reports a missing vertex list
    try:
        real = np.asarray(vertices)  # no dtype: text like "1" must not pass as a number
    except (ValueError, TypeError):
        real = None
    if real is None or (len(real) and (real.dtype.kind not in "iuf" or real.ndim != 2
                                       or real.shape[1] != 3 or not np.isfinite(real).all())):
        raise SceneError(f"{origin}: vertices: expected a list of [x, y, z] finite numbers")
    real = real.astype(np.float64).reshape(-1, 3)
    translate = real.min(axis=0) if len(real) else np.zeros(3)
    scale = 10.0 ** -DIGITS
    doc["vertices"] = np.rint((real - translate) / scale).astype(np.int64).tolist()
    doc["transform"] = {"scale": [scale] * 3, "translate": translate.tolist()}


def _from_1_0(doc: dict[str, Any], origin: str) -> dict[str, Any]:
    if "transform" not in doc:
        _compress(doc, origin)
    objects = doc.get("CityObjects")
    if isinstance(objects, dict):
        objects = {oid: _object_1_0(obj) for oid, obj in objects.items()}
        for oid, obj in objects.items():  # groups' members -> children, and back-links
            if isinstance(obj, dict) and obj.get("type") == "CityObjectGroup":
                members = obj.pop("members", None)
                if isinstance(members, list):
                    obj["children"] = members
                    for member in members:
                        child = objects.get(member) if isinstance(member, str) else None
                        parents = child.get("parents", []) if isinstance(child, dict) else None
                        if isinstance(parents, list) and oid not in parents:
                            child["parents"] = [*parents, oid]  # type: ignore[index]
        doc["CityObjects"] = objects
    metadata = doc.get("metadata")
    if isinstance(metadata, dict):
        doc["metadata"] = {new: metadata[old] for old, new in _METADATA_1_0.items()
                           if old in metadata}
        crs = doc["metadata"].get("referenceSystem")
        if isinstance(crs, str) and "epsg" in crs.lower() and "::" in crs:
            code = crs[crs.find("::") + 2:]
            if code.isdigit():
                doc["metadata"]["referenceSystem"] = (
                    f"https://www.opengis.net/def/crs/EPSG/0/{int(code)}")
    return doc


def _object_1_0(obj: Any) -> Any:
    if not isinstance(obj, dict):
        return obj  # the importer reports it
    obj = dict(obj)
    geometry = obj.get("geometry")
    if isinstance(geometry, list):
        if not geometry:
            obj.pop("geometry")
        else:
            obj["geometry"] = [_lod_as_text(g) for g in geometry]
    return obj


def _lod_as_text(geometry: Any) -> Any:
    if (isinstance(geometry, dict) and geometry.get("type") != "GeometryInstance"
            and isinstance(geometry.get("lod"), int | float)
            and math.isfinite(geometry["lod"])):
        geometry = dict(geometry)
        lod = geometry["lod"]
        geometry["lod"] = str(int(lod)) if float(lod).is_integer() else str(lod)
    return geometry


def _from_1_1(doc: dict[str, Any]) -> dict[str, Any]:
    objects = doc.get("CityObjects")
    if isinstance(objects, dict) and any(
            isinstance(o, dict) and o.get("type") == "+GenericCityObject"
            for o in objects.values()):
        doc["CityObjects"] = {
            oid: ({**obj, "type": "GenericCityObject"}
                  if isinstance(obj, dict) and obj.get("type") == "+GenericCityObject"
                  else obj)
            for oid, obj in objects.items()}
        extensions = doc.get("extensions")
        if isinstance(extensions, dict) and "Generic" in extensions:
            doc["extensions"] = {k: v for k, v in extensions.items() if k != "Generic"}
    return doc
