"""``control-room scene validate|export|import``: exit codes and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import run
from app.scene import load_scene
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
