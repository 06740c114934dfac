"""Other platforms' city models: the best LoD, the real ground, building parts, and damaged
objects skipped with their reason while the rest of the file still comes in."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from app.scene import SceneError
from app.scene.cityjson import CityImport, import_city_model, read_city_model
from app.scene.geometry import signed_area
from tests.app.test_cityjson_support import box_doc


def _site_z(result: CityImport, bid: str) -> float:
    b = result.scene.building_index()[bid]
    return b.base_z + result.scene.site.origin_z


def _multi_lod(measured: float | None, storeys: Any = 2) -> dict[str, Any]:
    """A building whose first geometry is a flat LoD0 footprint at ground 11.9 m and
    whose LoD2 solid has a gabled roof (eaves 8 m, ridge 13.4 m above the ground)."""
    g, eaves, ridge = 11.9, 11.9 + 8.0, 11.9 + 13.4
    pts = [(0, 0, g), (10, 0, g), (10, 8, g), (0, 8, g),  # 0-3 ground
           (0, 0, eaves), (10, 0, eaves), (10, 8, eaves), (0, 8, eaves),  # 4-7 eaves
           (0, 4, ridge), (10, 4, ridge)]  # 8-9 ridge
    solid = [[[3, 2, 1, 0]], [[0, 1, 5, 4]], [[1, 2, 6, 9, 5]], [[2, 3, 7, 6]],
             [[3, 0, 4, 8, 7]], [[4, 5, 9, 8]], [[6, 7, 8, 9]]]
    attrs: dict[str, Any] = {"storeysAboveGround": storeys}
    if measured is not None:
        attrs["measuredHeight"] = measured
    return {"type": "CityJSON", "version": "2.0",
            "transform": {"scale": [0.001] * 3, "translate": [85000.0, 446000.0, 0.0]},
            "metadata": {"referenceSystem": "https://www.opengis.net/def/crs/EPSG/0/7415"},
            "CityObjects": {"house": {"type": "Building", "attributes": attrs, "geometry": [
                {"type": "MultiSurface", "lod": "0", "boundaries": [[[0, 1, 2, 3]]]},
                {"type": "Solid", "lod": "2.2", "boundaries": [solid]}]}},
            "vertices": [[round(c * 1000) for c in p] for p in pts]}


def test_best_lod_measured_height_and_real_ground_level() -> None:
    result = import_city_model(_multi_lod(measured=13.4))
    (b,) = result.scene.buildings
    assert b.height_m == pytest.approx(13.4) and b.floors == 2
    assert _site_z(result, "house") == pytest.approx(11.9)
    assert signed_area(b.footprint) == pytest.approx(80.0)


def test_without_measured_height_the_best_lod_gives_it() -> None:
    result = import_city_model(_multi_lod(measured=None, storeys=None))
    (b,) = result.scene.buildings
    assert b.height_m == pytest.approx(13.4) and b.floors == 4  # about 3 m a floor


def test_translate_z_is_the_ground_not_dropped() -> None:
    doc = box_doc(height=30)
    doc["transform"]["translate"][2] = 7.5
    assert _site_z(import_city_model(doc), "bldg-1") == pytest.approx(7.5)


def test_a_solid_without_floor_face_takes_its_projection_and_the_file_goes_on() -> None:
    doc = box_doc(floor=False)
    doc["CityObjects"]["other"] = box_doc(x0=40)["CityObjects"]["bldg-1"]
    result = import_city_model(doc)
    assert signed_area(result.scene.building_index()["bldg-1"].footprint) == (
        pytest.approx(200.0))
    assert len(result.scene.buildings) == 2
    assert ("bldg-1", "no bottom surface: footprint projected from the whole geometry") in (
        result.report.notes)


def test_building_parts_are_buildings_of_their_own() -> None:
    doc = box_doc(height=30, attributes={"name": "主楼"})
    part = box_doc(x0=20, height=6)["CityObjects"]["bldg-1"]
    doc["vertices"] += [[x, y, z] for x, y, z in box_doc(x0=20, height=6)["vertices"]]
    for surface in part["geometry"][0]["boundaries"][0]:
        surface[0] = [i + 8 for i in surface[0]]
    doc["CityObjects"]["bldg-1-annex"] = {**part, "type": "BuildingPart",
                                          "parents": ["bldg-1"]}
    doc["CityObjects"]["bldg-1"]["children"] = ["bldg-1-annex"]
    result = import_city_model(doc)
    by_id = result.scene.building_index()
    assert by_id["bldg-1"].height_m == pytest.approx(30)
    assert by_id["bldg-1-annex"].height_m == pytest.approx(6)
    assert by_id["bldg-1-annex"].name == "主楼"  # the parent's name


def test_repeated_vertices_and_closed_rings_are_tolerated() -> None:
    doc = box_doc()
    shell = doc["CityObjects"]["bldg-1"]["geometry"][0]["boundaries"][0]
    shell[0] = [[3, 3, 2, 1, 1, 0, 3]]  # a repeat and an explicit closing vertex
    (b,) = import_city_model(doc).scene.buildings
    assert len(b.footprint) == 4 and signed_area(b.footprint) == pytest.approx(200.0)


def _two_buildings(break_it: Any) -> CityImport:
    """A good block and a damaged one: the good one must always come in."""
    doc = box_doc(oid="good")
    bad = box_doc(x0=40)
    offset = len(doc["vertices"])
    doc["vertices"] += bad["vertices"]
    obj = bad["CityObjects"]["bldg-1"]
    for surface in obj["geometry"][0]["boundaries"][0]:
        surface[0] = [i + offset for i in surface[0]]
    break_it(obj)
    doc["CityObjects"]["bad"] = obj
    result = import_city_model(doc)
    assert "good" in result.scene.building_index()
    return result


def _reason(result: CityImport, oid: str = "bad") -> str:
    found = [why for i, why in (*result.report.skipped, *result.report.notes) if i == oid]
    assert found, result.report
    assert all("\n" not in why for why in found)
    return found[0]


def _deep(obj: dict[str, Any], depth: int) -> None:
    node: Any = 0
    for _ in range(depth):
        node = [node]
    obj["geometry"][0]["boundaries"] = node


@pytest.mark.parametrize(("break_it", "kept", "expected"), [
    (lambda o: o.update(attributes="tall"), True,
     "attributes: expected an object, got str; ignored"),
    (lambda o: o["geometry"][0]["boundaries"][0].__setitem__(1, [[]]), True,
     "no bottom surface"),  # the roof's ring is empty: the floor still gives the footprint
    (lambda o: o["geometry"][0]["boundaries"][0][0].__setitem__(0, []), True,
     "no bottom surface: footprint projected from the whole geometry"),
    (lambda o: o["geometry"][0].update(boundaries=[[8, 9, 10, 11]]), False,
     "geometry[0].boundaries[0][0]: expected a list of rings, got int"),
    (lambda o: o.update(attributes={"storeysAboveGround": "abc"}), True,
     "storeysAboveGround 'abc' ignored: not a whole number 0..200"),
    (lambda o: _deep(o, 400), False,
     "geometry[0].boundaries[0][0][0][0]: expected a vertex index, got a list (nested too "
     "deep)"),
    (lambda o: o["geometry"][0].update(boundaries=[[[[8, 9, 99999]]]]), False,
     "geometry[0].boundaries[0][0][0][2]: vertex index 99999 out of range (16 vertices)"),
    (lambda o: o.update(geometry="solid"), False, "no geometry"),
    (lambda o: o["geometry"][0].update(type="Sphere"), False,
     "geometry[0]: type 'Sphere' has no surfaces"),
    (lambda o: o.update(attributes={"measuredHeight": 1e308}), True,
     "measuredHeight 1e+308 ignored: not a height in metres"),
])
def test_a_damaged_object_is_skipped_or_adjusted_with_its_reason(break_it: Any, kept: bool,
                                                                 expected: str) -> None:
    result = _two_buildings(break_it)
    assert ("bad" in result.scene.building_index()) is kept
    if expected == "no bottom surface":  # nothing to say: the file's floor still works
        assert "bad" not in {i for i, _ in result.report.notes}
    else:
        assert _reason(result) == expected


def test_json_too_deep_to_decode_is_one_line(tmp_path: Path) -> None:
    doc = box_doc()
    text = json.dumps(doc).replace('"boundaries": [', '"boundaries": ' + "[" * 5000, 1)
    text = text.replace("]}]", "]" * 5000 + "]}]", 1)
    path = tmp_path / "deep.city.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SceneError) as info:
        read_city_model(path)
    assert str(info.value) == (f"{path}: JSON nested too deep to read (no CityJSON "
                               "structure is deeper than a few levels)")


def test_unsafe_object_ids_become_safe_building_ids() -> None:
    doc = box_doc(oid="../../tmp/x y")
    result = import_city_model(doc)
    (b,) = result.scene.buildings
    assert b.id == "_.._.._tmp_x_y"
    assert result.report.renamed == {"../../tmp/x y": "_.._.._tmp_x_y"}


@pytest.mark.parametrize(("change", "crs", "expected"), [
    (lambda d: d.update(metadata={"referenceSystem": "urn:ogc:def:crs:OGC:1.3:CRS84"}), None,
     "x: metadata.referenceSystem: 'urn:ogc:def:crs:OGC:1.3:CRS84' is not an EPSG reference "
     "system (expected https://www.opengis.net/def/crs/EPSG/0/N or EPSG:N)"),
    (lambda d: d.update(metadata={"referenceSystem": "https://www.opengis.net/def/crs/EPSG/0/"
                                                     "4979"}), None,
     "x: metadata.referenceSystem: EPSG:4979 (WGS 84) is not projected: site coordinates are "
     "metres; reproject the model first (cjio reproject)"),
    (lambda d: d.update(metadata={"referenceSystem": "EPSG:99999999"}), None,
     "x: metadata.referenceSystem: EPSG:99999999 is not a CRS known to PROJ"),
    (lambda d: d.update(metadata={"referenceSystem": "EPSG:7415"}), 4547,
     "x: metadata.referenceSystem: the file states EPSG:7415, not the declared EPSG:4547"),
    (lambda d: d.update(version="0.9"), None,
     "x: version: '0.9' is not supported (CityJSON 1.0, 1.1 and 2.0 are; upgrade older files "
     "with `cjio FILE upgrade save OUT`)"),
    (lambda d: d.update(version=2), None,
     "x: version: 2 is not supported (CityJSON 1.0, 1.1 and 2.0 are; upgrade older files "
     "with `cjio FILE upgrade save OUT`)"),
])
def test_a_crs_or_version_that_cannot_be_kept_is_refused(change: Any, crs: int | None,
                                                          expected: str) -> None:
    doc = box_doc()
    change(doc)
    with pytest.raises(SceneError) as info:
        import_city_model(doc, "x", crs)
    assert str(info.value) == expected


def test_a_declared_crs_is_used_when_the_file_states_none() -> None:
    site = import_city_model(box_doc(), "x", 4547).scene.site
    assert site.crs_epsg == 4547
    assert site.origin_crs == (500010.0, 2500005.0)  # the middle of the block
    assert 113 < site.origin_lon < 115 and 22 < site.origin_lat < 23  # type: ignore[operator]
    without = import_city_model(copy.deepcopy(box_doc())).scene.site
    assert (without.crs_epsg, without.origin_lon) == (None, None)


def test_a_model_whose_every_building_is_unusable_is_refused() -> None:
    doc = box_doc()
    doc["CityObjects"]["bldg-1"]["geometry"][0]["boundaries"] = [[[[0, 1]]]]
    with pytest.raises(SceneError) as info:
        import_city_model(doc, "x")
    assert str(info.value) == ("x: nothing to import: no usable buildings among 1 city "
                               "objects (bldg-1: geometry[0]: no surface with an area)")
