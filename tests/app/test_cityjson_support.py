"""Shared by the CityJSON tests (no tests here): the real city models in tests/data/cityjson
(copied from shared/data/cityjson: cjio's test data, MIT; see the README there), the
official 2.0.2 schema, and small hand-made documents to break one thing at a time."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

REAL = Path(__file__).resolve().parents[1] / "data" / "cityjson"
SCHEMA = REAL / "cityjson-2.0.2.schema.json"
#: every city model in the shared folder (the schema is not one)
MODELS = sorted(p.name for p in REAL.glob("*.json") if p != SCHEMA)


def real(name: str) -> dict[str, Any]:
    return json.loads((REAL / name).read_text(encoding="utf-8"))


@cache
def _validator() -> Any:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def schema_errors(doc: dict[str, Any]) -> list[str]:
    """The official CityJSON 2.0.2 schema's complaints about ``doc`` (JSON round-tripped
    first, as a platform would receive it)."""
    doc = json.loads(json.dumps(doc))
    return [f"{list(e.absolute_path)}: {e.message[:200]}"
            for e in _validator().iter_errors(doc)]


def box_doc(x0: float = 0, y0: float = 0, dx: float = 20, dy: float = 10, z0: float = 0,
            height: float = 30, attributes: Any = None, oid: str = "bldg-1",
            floor: bool = True) -> dict[str, Any]:
    """A CityJSON 2.0 model of one LoD1 block (1 cm vertices, real coordinates near
    500000/2500000), with or without its floor face."""
    pts = [(x0, y0), (x0 + dx, y0), (x0 + dx, y0 + dy), (x0, y0 + dy)]
    vertices = [[round(x * 100), round(y * 100), round(z * 100)]
                for z in (z0, z0 + height) for x, y in pts]
    walls = [[[i, (i + 1) % 4, 4 + (i + 1) % 4, 4 + i]] for i in range(4)]
    shell = ([[[3, 2, 1, 0]]] if floor else []) + [[[4, 5, 6, 7]]] + walls
    obj: dict[str, Any] = {"type": "Building",
                           "geometry": [{"type": "Solid", "lod": "1", "boundaries": [shell]}]}
    if attributes is not None:
        obj["attributes"] = attributes
    return {"type": "CityJSON", "version": "2.0",
            "transform": {"scale": [0.01, 0.01, 0.01], "translate": [500000, 2500000, 0]},
            "CityObjects": {oid: obj}, "vertices": vertices}


def downgrade_to_1_0(doc: dict[str, Any], epsg: int | None = None) -> dict[str, Any]:
    """The same model written as CityJSON 1.0 (what cjio's upgrade undoes): real-coordinate
    vertices without transform, numeric LoDs, the CRS as a URN, 1.0 metadata names."""
    doc = copy.deepcopy(doc)
    scale, translate = doc["transform"]["scale"], doc.pop("transform")["translate"]
    doc["vertices"] = [[round(c * s + t, 3) for c, s, t in zip(v, scale, translate,
                                                              strict=True)]
                       for v in doc["vertices"]]
    for obj in doc["CityObjects"].values():
        for g in obj.get("geometry", []):
            if "lod" in g:
                g["lod"] = float(g["lod"]) if "." in g["lod"] else int(g["lod"])
    metadata = {"datasetTitle": "downgraded"}
    if epsg is not None:
        metadata["referenceSystem"] = f"urn:ogc:def:crs:EPSG::{epsg}"
    doc["metadata"] = metadata
    doc["version"] = "1.0"
    return doc
