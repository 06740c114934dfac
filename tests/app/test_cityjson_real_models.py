"""Every real city model in tests/data/cityjson imports, and what comes in agrees with the
source's own numbers (measuredHeight, ridge heights, ground level, floor areas), not only
"it imported"."""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
import pytest

from app.scene import SceneError
from app.scene.cityjson import CityImport, export_cityjson, import_city_model, read_city_model
from app.scene.geometry import signed_area
from app.scene.georef import reference_mismatch_m
from app.scene.validate import find_problems
from tests.app.test_cityjson_support import (
    MODELS,
    REAL,
    downgrade_to_1_0,
    real,
    schema_errors,
)

BUILDINGS = ("Building", "BuildingPart")


@pytest.fixture(scope="module")
def imported() -> dict[str, CityImport]:
    return {name: read_city_model(REAL / name) for name in MODELS if name != "minimal.json"}


def _with_geometry(doc: dict[str, Any]) -> set[str]:
    return {oid for oid, o in doc["CityObjects"].items()
            if o["type"] in BUILDINGS and o.get("geometry")}


def _xyz(doc: dict[str, Any]) -> np.ndarray:
    t = doc["transform"]
    return np.asarray(doc["vertices"], dtype=float) * t["scale"] + t["translate"]


def test_the_shared_folder_holds_1_1_and_2_0_models() -> None:
    assert {real(name)["version"] for name in MODELS} == {"1.1", "2.0"}
    assert len(MODELS) == 6


@pytest.mark.parametrize("name", [m for m in MODELS if m != "minimal.json"])
def test_every_building_and_part_with_geometry_comes_in(imported: dict[str, CityImport],
                                                        name: str) -> None:
    doc, result = real(name), imported[name]
    assert {b.id for b in result.scene.buildings} == _with_geometry(doc)
    assert result.report.skipped == ()
    assert result.report.source_version == doc["version"]
    assert find_problems(result.scene) == []  # footprints simple and inside the site bounds


def test_a_model_without_city_objects_is_refused_in_one_line() -> None:
    with pytest.raises(SceneError) as info:
        read_city_model(REAL / "minimal.json")
    assert str(info.value) == (f"{REAL / 'minimal.json'}: nothing to import: no usable "
                               "buildings among 0 city objects")


def test_other_city_objects_are_counted_not_used(imported: dict[str, CityImport]) -> None:
    assert imported["dummy.json"].report.ignored == {"SolitaryVegetationObject": 1}


def test_heights_and_ground_of_building_parts_match_their_ridge_attributes(
        imported: dict[str, CityImport]) -> None:
    # DH_01 (1.1, The Hague): 8 BuildingParts and 1 Building carry their own geometry and
    # state their ridge height above ground and above the datum
    doc, scene = real("DH_01_subs.city.json"), imported["DH_01_subs.city.json"].scene
    for b in scene.buildings:
        attrs = doc["CityObjects"][b.id]["attributes"]
        assert b.height_m == pytest.approx(attrs["RelativeRidgeHeight"], abs=0.01), b.id
        ground = attrs["AbsoluteRidgeHeight"] - attrs["RelativeRidgeHeight"]
        assert b.base_z + scene.site.origin_z == pytest.approx(ground, abs=0.01), b.id


def test_best_lod_gives_the_roof_and_the_ground_level_matches_h_maaiveld(
        imported: dict[str, CityImport]) -> None:
    doc, scene = real("multi_lod.json"), imported["multi_lod.json"].scene
    xyz = _xyz(doc)
    for b in scene.buildings:
        obj = doc["CityObjects"][b.id]
        best = max(obj["geometry"], key=lambda g: float(g["lod"]))
        assert best["lod"] == "2.2"
        roof = max(xyz[i][2] for surface in best["boundaries"][0] for ring in surface
                   for i in ring)
        ground = obj["attributes"]["h_maaiveld"]
        assert b.base_z + scene.site.origin_z == pytest.approx(ground, abs=0.01), b.id
        assert b.height_m == pytest.approx(roof - ground, abs=0.01), b.id


def test_measured_height_wins(imported: dict[str, CityImport]) -> None:
    (b,) = imported["dummy.json"].scene.buildings
    assert b.height_m == pytest.approx(real("dummy.json")["CityObjects"][b.id]["attributes"]
                                       ["measuredHeight"])


def test_triangulated_floors_give_the_whole_footprint(imported: dict[str, CityImport]) -> None:
    # multi_lod's LoD2.2 floors are 2-11 triangles each: the footprint is all of them
    doc, scene = real("multi_lod.json"), imported["multi_lod.json"].scene
    xyz = _xyz(doc)
    for b in scene.buildings:
        best = doc["CityObjects"][b.id]["geometry"][2]
        labels = [s["type"] for s in best["semantics"]["surfaces"]]
        floor = [surface[0] for surface, v in zip(best["boundaries"][0],
                                                   best["semantics"]["values"][0],
                                                   strict=True)
                 if v is not None and labels[v] == "GroundSurface"]
        assert len(floor) >= 2
        area = sum(abs(signed_area(xyz[ring][:, :2])) for ring in floor)
        assert signed_area(b.footprint) == pytest.approx(area, rel=0.002), b.id


def test_real_coordinates_survive_the_move_to_site_metres(
        imported: dict[str, CityImport]) -> None:
    for name in ("rotterdam_subset.json", "DH_01_subs.city.json", "multi_lod.json"):
        doc, scene = real(name), imported[name].scene
        source = {(round(x, 3), round(y, 3)) for x, y, _ in _xyz(doc)}
        ox, oy = scene.site.origin_crs
        for b in scene.buildings:
            assert {(round(x + ox, 3), round(y + oy, 3)) for x, y in b.footprint} <= source


def test_the_crs_is_kept_or_left_unknown_never_invented(
        imported: dict[str, CityImport]) -> None:
    for name, result in imported.items():
        site = result.scene.site
        if "referenceSystem" in real(name).get("metadata", {}):
            assert site.crs_epsg == 7415 and result.report.crs.startswith("EPSG:7415")
            assert reference_mismatch_m(site) < 0.01  # lon/lat computed from the origin
        else:
            assert (site.crs_epsg, site.origin_lon, site.origin_lat) == (None, None, None)
            assert result.report.crs == "none"


def test_site_bounds_are_fitted_to_the_buildings(imported: dict[str, CityImport]) -> None:
    for name, result in imported.items():
        site = result.scene.site
        xy = np.array([p for b in result.scene.buildings for p in b.footprint])
        (x0, y0), (x1, y1) = site.bounds
        assert x0 <= xy[:, 0].min() and xy[:, 0].max() <= x1, name
        assert y0 <= xy[:, 1].min() and xy[:, 1].max() <= y1, name
        # no more than the 20 m margin (and rounding to whole metres) around them
        assert (x1 - x0) - np.ptp(xy[:, 0]) <= 42 and (y1 - y0) - np.ptp(xy[:, 1]) <= 42
        assert min(b.base_z for b in result.scene.buildings) >= 0  # site z 0 = lowest ground


def test_exports_of_imported_models_pass_the_official_schema_and_come_back(
        imported: dict[str, CityImport]) -> None:
    for name, result in imported.items():
        doc = export_cityjson(result.scene)
        assert schema_errors(doc) == [], name
        assert import_city_model(copy.deepcopy(doc)).scene == result.scene, name


def test_cityjson_1_0_reads_like_its_1_1_original(imported: dict[str, CityImport]) -> None:
    old = downgrade_to_1_0(real("DH_01_subs.city.json"), epsg=7415)
    assert "transform" not in old and isinstance(old["vertices"][0][0], float)
    result = import_city_model(old, "dh-1.0.json")
    assert result.report.source_version == "1.0"
    assert result.scene.site.crs_epsg == 7415  # the 1.0 URN form
    assert result.scene.buildings == imported["DH_01_subs.city.json"].scene.buildings


@pytest.fixture
def cjio_cityjson():
    """cjio's module, with the json encoder put back afterwards: importing cjio replaces
    json.encoder's float formatting for the whole process (64.8 is then written 64.800000),
    which changed every JSON file the rest of the suite wrote."""
    import json.encoder

    saved = json.encoder.c_make_encoder
    try:
        yield pytest.importorskip("cjio.cityjson")
    finally:  # cjio shadows the builtin float inside json.encoder and drops the C encoder
        json.encoder.c_make_encoder = saved
        vars(json.encoder).pop("float", None)


def test_our_upgrade_reads_like_cjio_upgrade(cjio_cityjson) -> None:
    cityjson = cjio_cityjson
    old = downgrade_to_1_0(real("DH_01_subs.city.json"), epsg=7415)
    model = cityjson.CityJSON(j=copy.deepcopy(old))
    assert model.upgrade_version("2.0", 3)[0]
    by_cjio = import_city_model(model.j, "cjio")
    ours = import_city_model(old, "ours")
    assert by_cjio.report.source_version == "2.0" and ours.report.source_version == "1.0"
    assert by_cjio.scene.buildings == ours.scene.buildings
    assert by_cjio.scene.site.crs_epsg == ours.scene.site.crs_epsg == 7415
