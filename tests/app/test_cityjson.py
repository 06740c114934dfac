"""CityJSON 2.0 exchange: valid documents out, the same scene back in, clear errors."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import msgspec
import pytest

from app import paths
from app.scene import Scene, SceneError, load_scene
from app.scene.cityjson import export_cityjson, import_cityjson, read_cityjson, write_cityjson
from app.scene.geometry import floor_range, signed_area
from tests.app.test_scene_support import minimal, write_scene

CITY_TYPES = {"Building", "BuildingStorey", "Road", "PlantCover", "LandUse", "CityFurniture",
              "GenericCityObject"}


@pytest.fixture(scope="module")
def demo() -> Scene:
    return load_scene(paths.demo_scene_dir())


@pytest.fixture(scope="module")
def demo_doc(demo: Scene) -> dict[str, Any]:
    # through bytes, as a city platform would receive it
    return msgspec.json.decode(msgspec.json.encode(export_cityjson(demo)))


def test_demo_round_trips_exactly(demo: Scene, demo_doc: dict[str, Any]) -> None:
    # the demo's coordinates are whole centimetres, so 1 mm quantisation loses nothing
    assert import_cityjson(demo_doc) == demo


def test_round_trip_within_a_millimetre(tmp_path: Path) -> None:
    files = minimal()
    files["cameras.json"]["microphones"][0]["xyz"] = [1.23456789, -2.0004, 4.5555]
    files["ground.json"]["roads"][0]["centerline"] = [[-20.00049, -5.0], [40.1239, -5.0]]
    scene = load_scene(write_scene(tmp_path / "s", files))
    back = import_cityjson(export_cityjson(scene))
    assert back.microphones[0].xyz == pytest.approx((1.235, -2.0, 4.556), abs=1e-9)
    for a, b in zip(scene.roads[0].centerline, back.roads[0].centerline, strict=True):
        assert a == pytest.approx(b, abs=0.0005)
    assert back.devices == scene.devices and back.technicians == scene.technicians


def test_document_is_cityjson_2(demo: Scene, demo_doc: dict[str, Any]) -> None:
    assert demo_doc["type"] == "CityJSON" and demo_doc["version"] == "2.0"
    assert demo_doc["metadata"]["referenceSystem"] == (
        "https://www.opengis.net/def/crs/EPSG/0/4547")
    assert demo_doc["transform"]["translate"][:2] == list(demo.site.origin_crs)
    vertices = demo_doc["vertices"]
    assert all(len(v) == 3 and all(type(c) is int for c in v) for v in vertices)
    objects = demo_doc["CityObjects"]
    assert {o["type"] for o in objects.values()} <= CITY_TYPES

    def indices(node: Any) -> list[int]:
        return [i for n in node for i in indices(n)] if isinstance(node, list) else [node]
    for oid, obj in objects.items():
        for geometry in obj.get("geometry", []):
            assert isinstance(geometry["lod"], str)
            assert all(0 <= i < len(vertices) for i in indices(geometry["boundaries"])), oid
        for child in obj.get("children", []):
            assert objects[child]["parents"] == [oid]


def test_buildings_are_lod1_solids_with_storeys(demo: Scene, demo_doc: dict[str, Any]) -> None:
    objects, scale = demo_doc["CityObjects"], demo_doc["transform"]["scale"][2]
    for b in demo.buildings:
        obj = objects[b.id]
        solid = obj["geometry"][0]
        assert solid["type"] == "Solid" and solid["lod"] == "1"
        assert len(solid["boundaries"][0]) == len(b.footprint) + 2
        zs = {demo_doc["vertices"][i][2] * scale for s in solid["boundaries"][0] for r in s
              for i in r}
        if b.floors:
            assert min(zs) == pytest.approx(b.base_z) and max(zs) == pytest.approx(b.height_m)
        else:  # the garage lies below ground
            assert max(zs) == pytest.approx(b.base_z) and min(zs) < b.base_z
        low, high = floor_range(b)
        assert len(obj["children"]) == high - low + 1 - (low < 0 < high)
        assert obj["attributes"]["storeysAboveGround"] == b.floors


def test_devices_are_city_furniture_with_their_attributes(demo_doc: dict[str, Any]) -> None:
    obj = demo_doc["CityObjects"]["device:B03-F12-U02-WM"]
    assert obj["type"] == "CityFurniture" and obj["geometry"][0]["type"] == "MultiPoint"
    assert obj["attributes"]["kind"] == "water_meter"
    assert obj["attributes"]["name"] == "3栋 12层 1202 水表"
    assert obj["attributes"]["location"]["floor"] == 12


def test_foreign_building_imports_from_its_geometry() -> None:
    # a platform's own LoD1 block: no control-room attributes, a clockwise bottom ring
    doc = {"type": "CityJSON", "version": "2.0",
           "transform": {"scale": [0.01, 0.01, 0.01], "translate": [500000, 2500000, 0]},
           "CityObjects": {"bldg-7": {"type": "Building",
                                      "attributes": {"storeysAboveGround": 10},
                                      "geometry": [{"type": "Solid", "lod": "1", "boundaries": [[
                                          [[0, 1, 2, 3]], [[4, 7, 6, 5]]]]}]}},
           "vertices": [[0, 0, 0], [0, 1000, 0], [2000, 1000, 0], [2000, 0, 0],
                        [0, 0, 3000], [0, 1000, 3000], [2000, 1000, 3000], [2000, 0, 3000]]}
    scene = import_cityjson(doc)
    (b,) = scene.buildings
    assert b.id == "bldg-7" and b.floors == 10 and b.floor_height_m == pytest.approx(3.0)
    assert set(b.footprint) == {(0.0, 0.0), (20.0, 0.0), (20.0, 10.0), (0.0, 10.0)}
    assert signed_area(b.footprint) == pytest.approx(200.0)  # made counter-clockwise
    assert scene.site.origin_crs == (500000.0, 2500000.0)


def _broken(doc: dict[str, Any], change: Any) -> str:
    doc = copy.deepcopy(doc)
    change(doc)
    with pytest.raises(SceneError) as info:
        import_cityjson(doc, "x.city.json")
    assert "\n" not in str(info.value)
    return str(info.value)


@pytest.fixture(scope="module")
def small_doc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    scene = load_scene(write_scene(tmp_path_factory.mktemp("s"), minimal()))
    return export_cityjson(scene)


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d.update(type="FeatureCollection"),
     'x.city.json: type: not a CityJSON document (expected "type": "CityJSON")'),
    (lambda d: d.update(version="1.1"),
     "x.city.json: version: '1.1' is not supported, expected 2.0"),
    (lambda d: d.pop("transform"),
     "x.city.json: transform: missing (integer vertices need scale and translate)"),
    (lambda d: d["vertices"].__setitem__(0, [1.5, 2, 3]),
     "x.city.json: vertices[0]: expected 3 integers"),
    (lambda d: d["CityObjects"]["mic:MIC1"]["geometry"][0].update(boundaries=[99999]),
     "x.city.json: CityObjects['mic:MIC1']: geometry[0].boundaries: bad vertex reference "
     "99999"),
    (lambda d: d["CityObjects"]["device:B1-F02-WM"]["attributes"].update(report_interval_s="x"),
     "x.city.json: CityObjects['device:B1-F02-WM']: attributes.report_interval_s: expected "
     "`float`, got `str`"),
    (lambda d: d["CityObjects"]["device:B1-F02-WM"]["attributes"]["location"].update(
        building="B42"),
     "x.city.json: devices[0].location.building: unknown building 'B42'"),
])
def test_bad_documents_name_the_problem(small_doc: dict[str, Any], change: Any,
                                        expected: str) -> None:
    assert _broken(small_doc, change) == expected


def test_file_helpers(tmp_path: Path, small_doc: dict[str, Any]) -> None:
    scene = import_cityjson(small_doc)
    path = tmp_path / "c.city.json"
    write_cityjson(scene, path)
    assert read_cityjson(path) == scene
    path.write_text('{"type": "CityJSON",', encoding="utf-8")
    with pytest.raises(SceneError, match=r"c\.city\.json: not valid JSON: "):
        read_cityjson(path)
    with pytest.raises(SceneError, match="no such file"):
        read_cityjson(tmp_path / "missing.city.json")
