"""CityJSON 2.0 export: documents the official schema accepts, the same scene back in (less
the personal data that stays home), clear errors for a damaged export."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import msgspec
import pytest

from app import paths
from app.scene import Scene, SceneError, load_scene
from app.scene.cityjson import export_cityjson, import_cityjson, read_cityjson, write_cityjson
from app.scene.geometry import floor_range
from tests.app.test_cityjson_support import schema_errors
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


def _without_phones(scene: Scene) -> Scene:
    return msgspec.structs.replace(scene, technicians=tuple(
        msgspec.structs.replace(t, phone="") for t in scene.technicians))


def test_demo_round_trips_exactly_but_phones(demo: Scene, demo_doc: dict[str, Any]) -> None:
    # the demo's coordinates are whole centimetres, so 1 mm quantisation loses nothing
    assert import_cityjson(demo_doc) == _without_phones(demo)


def test_technicians_phone_numbers_stay_home(demo: Scene) -> None:
    encoded = msgspec.json.encode(export_cityjson(demo)).decode()
    phones = [t.phone for t in demo.technicians if t.phone]
    assert len(phones) == len(demo.technicians)
    assert not [p for p in phones if p in encoded]
    assert '"phone"' not in encoded


def test_exports_pass_the_official_2_0_2_schema(demo_doc: dict[str, Any],
                                                small_doc: dict[str, Any]) -> None:
    assert schema_errors(small_doc) == []  # every section, whole
    # the demo's 7,650 objects take the validator ~30 s: every building and storey, and the
    # first three objects of each other kind, keep it to a second
    objects = demo_doc["CityObjects"]
    seen: dict[str, int] = {}
    sample = {}
    for oid, obj in objects.items():
        section = obj.get("attributes", {}).get("cr_section", obj["type"])
        seen[section] = seen.get(section, 0) + 1
        if obj["type"] in ("Building",) or seen[section] <= 3:
            sample[oid] = obj
            for child in obj.get("children", []):
                sample[child] = objects[child]
    assert schema_errors({**demo_doc, "CityObjects": sample}) == []


def test_a_scene_without_crs_exports_none(small_doc: dict[str, Any]) -> None:
    assert "referenceSystem" not in small_doc["metadata"]
    assert import_cityjson(small_doc).site.crs_epsg is None


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
    assert demo_doc["transform"]["translate"] == [*demo.site.origin_crs, demo.site.origin_z]
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
    (lambda d: d.pop("transform"),
     "x.city.json: transform: missing (integer vertices need scale and translate)"),
    (lambda d: d["vertices"].__setitem__(0, ["1", 2, 3]),
     "x.city.json: vertices[0]: expected 3 numbers"),
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
