"""``control-room scene validate|export|import``: exit codes and one-line errors."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from app.cli import run
from app.scene import load_scene
from tests.app.test_cityjson_support import REAL, box_doc
from tests.app.test_scene_support import minimal, write_scene


def test_validate_export_import_round_trip(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_scene(tmp_path / "s", minimal())
    assert run(["scene", "validate", str(folder)]) == 0
    assert "测试小区" in capsys.readouterr().out
    city = tmp_path / "s.city.json"
    assert run(["scene", "export", str(folder), "--out", str(city)]) == 0
    assert json.loads(city.read_text(encoding="utf-8"))["type"] == "CityJSON"
    assert run(["scene", "import", str(city), "--out", str(tmp_path / "back")]) == 0
    assert load_scene(tmp_path / "back") == load_scene(folder)


def test_bad_scene_exits_2_with_one_line(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    files = minimal()
    files["devices.json"]["devices"][0]["location"]["building"] = "B99"
    folder = write_scene(tmp_path / "s", files)
    assert run(["scene", "validate", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err == (f"control-room: error: {folder}/devices.json: devices[0].location.building: "
                   "unknown building 'B99'\n")
    assert run(["scene", "export", str(folder), "--out", str(tmp_path / "x.city.json")]) == 2
    assert not (tmp_path / "x.city.json").exists()


def test_bad_cityjson_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.city.json"
    bad.write_text('{"type": "FeatureCollection"}', encoding="utf-8")
    assert run(["scene", "import", str(bad), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == (
        f'control-room: error: {bad}: type: not a CityJSON document (expected "type": '
        '"CityJSON")\n')
    assert not (tmp_path / "out").exists()


def test_import_of_a_real_city_model_reports_and_validates(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = REAL / "dummy.json"
    out = tmp_path / "dummy"
    assert run(["scene", "import", str(source), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == (f"{out}: 1 buildings from {source} (CityJSON 2.0), 0 skipped, "
                            "0 devices; CRS EPSG:7415 (Amersfoort / RD New + NAP height)\n")
    assert "control-room: not used: 1 SolitaryVegetationObject\n" in captured.err
    assert run(["scene", "validate", str(out)]) == 0
    assert load_scene(out).site.crs_epsg == 7415


def test_import_says_which_objects_it_skipped_and_why(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = box_doc(oid="good")
    doc["CityObjects"]["flat"] = {"type": "Building", "geometry": [
        {"type": "MultiSurface", "lod": "0", "boundaries": [[[0, 1]]]}]}
    source = tmp_path / "two.city.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    assert run(["scene", "import", str(source), "--out", str(tmp_path / "o")]) == 0
    captured = capsys.readouterr()
    assert "1 buildings" in captured.out and "1 skipped" in captured.out
    assert captured.err == ("control-room: skipped flat: geometry[0]: no surface with an "
                            "area\n")


def test_import_refuses_to_overwrite_a_scene_without_force(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = write_scene(tmp_path / "mine", minimal())
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    source = REAL / "cube.json"
    assert run(["scene", "import", str(source), "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"control-room: error: {out}: already holds files; choose another folder or give "
        "--force to overwrite the scene in it\n")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert run(["scene", "import", str(source), "--out", str(out), "--force"]) == 0
    assert load_scene(out).site.name == "cube"


def test_import_with_a_declared_crs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r"
    assert run(["scene", "import", str(REAL / "rotterdam_subset.json"), "--out", str(out),
                "--crs", "EPSG:7415"]) == 0
    site = load_scene(out).site
    assert site.crs_epsg == 7415  # Rotterdam: about 4.47 E, 51.91 N
    assert site.origin_lon == pytest.approx(4.47, abs=0.02)
    assert site.origin_lat == pytest.approx(51.91, abs=0.02)
    capsys.readouterr()
    assert run(["scene", "import", str(REAL / "dummy.json"), "--out", str(tmp_path / "d"),
                "--crs", "EPSG:4547"]) == 2
    assert capsys.readouterr().err == (
        f"control-room: error: {REAL / 'dummy.json'}: metadata.referenceSystem: the file "
        "states EPSG:7415, not the declared EPSG:4547\n")
    assert run(["scene", "import", str(REAL / "cube.json"), "--out", str(tmp_path / "c"),
                "--crs", "Shenzhen"]) == 2
    assert capsys.readouterr().err == (
        "control-room: error: --crs: 'Shenzhen' is not an EPSG reference system (expected "
        "https://www.opengis.net/def/crs/EPSG/0/N or EPSG:N)\n")
    assert not (tmp_path / "d").exists() and not (tmp_path / "c").exists()


def test_absurd_numbers_exit_2_before_export(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    for key, value, expected in (
            ("floors", 10**9, "buildings[0].floors: 1000000000 floors: at most 200"),
            ("floor_height_m", 1e308, "buildings[0].floor_height_m: 1e+308 is out of range")):
        files = minimal()
        files["buildings.json"]["buildings"][0][key] = value
        folder = write_scene(tmp_path / key, files)
        assert run(["scene", "export", str(folder), "--out", str(tmp_path / "x.json")]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"control-room: error: {folder}/buildings.json: {expected}")
        assert err.count("\n") == 1
    assert not (tmp_path / "x.json").exists()


def test_a_reference_point_that_disagrees_with_itself_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = minimal()
    # the demo's hand-typed origin before it was derived with PROJ: 167 m north
    files["scene.json"]["site"] |= {"origin_lon": 113.9436, "origin_lat": 22.5405,
                                    "crs_epsg": 4547, "origin_crs": [494190.0, 2493820.0]}
    folder = write_scene(tmp_path / "s", files)
    assert run(["scene", "validate", str(folder)]) == 2
    assert capsys.readouterr().err == (
        f"control-room: error: {folder}/scene.json: site.origin_crs: (494190.00, 2493820.00) "
        "in EPSG:4547 lies 167 m from origin_lon/origin_lat (113.9436, 22.5405); they must "
        "name the same point\n")
    assert run(["scene", "export", str(folder), "--out", str(tmp_path / "x.json")]) == 2
    assert not (tmp_path / "x.json").exists()


def test_the_same_note_for_many_objects_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = box_doc(oid="a", floor=False)
    for oid in ("b", "c", "d"):
        doc["CityObjects"][oid] = copy.deepcopy(doc["CityObjects"]["a"])
    source = tmp_path / "floorless.city.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    assert run(["scene", "import", str(source), "--out", str(tmp_path / "o")]) == 0
    assert capsys.readouterr().err == (
        "control-room: note (4 objects: a, b, c, ...): no bottom surface: footprint "
        "projected from the whole geometry\n")
