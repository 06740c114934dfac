"""The wall file: the demo's sample loads and names real cameras; every mistake is one line
naming the key; legibility from the file's geometry (cap height at the far seat)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from app import paths
from app.scene.loader import load_scene
from app.wall.checks import check_scene
from app.wall.legibility import cap_height_mm, cap_height_px, subtended_arcmin
from app.wall.model import (
    CamerasTile,
    OverviewTile,
    WallFileError,
    load_wall_file,
    parse_wall_file,
)

SAMPLE = paths.demo_scene_dir() / "wall.toml"

MINIMAL = """
[[monitors]]
id = "m1"
size_mm = [1218, 685]
position = [0, 0]
far_seat_m = 5
[monitors.presets.day]
grid = [2, 1]
[[monitors.presets.day.tiles]]
kind = "alarms"
cell = [0, 0]
takeover = "details"
[[monitors.presets.day.tiles]]
kind = "cameras"
cell = [1, 0]
cameras = ["CAM-01", "CAM-02"]
"""


def test_the_demo_sample_is_a_2x2_wall_of_55_inch_monitors_read_from_5_m():
    wall = load_wall_file(SAMPLE)
    assert sorted(m.position for m in wall.monitors) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    for monitor in wall.monitors:
        diagonal_in = math.hypot(*monitor.size_mm) / 25.4
        assert 54.5 < diagonal_in < 55.5
        assert monitor.far_seat_m == 5.0
    assert wall.preset_names == ["day", "night"]
    assert {e.preset for e in wall.schedule} == {"day", "night"}
    scene = load_scene(paths.demo_scene_dir())
    assert check_scene(wall, [c.id for c in scene.cameras], [d.id for d in scene.devices]) \
        is None
    tiles = [t for m in wall.monitors for t in m.presets["day"].tiles]
    assert any(isinstance(t, OverviewTile) and t.takeover == "place" for t in tiles)
    assert any(isinstance(t, CamerasTile) and t.pinned for t in tiles)
    assert wall.slots("day") == [1]


@pytest.mark.parametrize(("edit", "expected"), [
    (("size_mm = [1218, 685]", "size_mm = [0, 685]"), "monitors[0].size_mm[0]"),
    (("far_seat_m = 5", "far_seat_m = 'far'"), "monitors[0].far_seat_m: expected float"),
    (("far_seat_m = 5", "far_seat_m = 5\ncolour = 'red'"), "monitors[0].colour: unknown key"),
    (('kind = "alarms"', 'kind = "clock"'), "tiles[0].kind"),
    (('cameras = ["CAM-01", "CAM-02"]', 'cameras = ["CAM-01"]\ndwell_s = 2'),
     "tiles[1].dwell_s"),
    (("cell = [1, 0]", "cell = [0, 0]"), "monitors[0].presets.day.tiles[1]: overlaps tiles[0]"),
    (("cell = [1, 0]", "cell = [2, 0]"), "tiles[1]: cell [2, 0] span [1, 1] lies outside"),
    (('takeover = "details"', 'takeover = "camera"'), "the camera role needs a cameras tile"),
    (('takeover = "details"', 'takeover = "details"\npinned = true'),
     "a pinned tile is never taken over"),
    (("grid = [2, 1]", "grid = [2, 1]\n[monitors.presets.night]\ngrid = [1, 1]\n"
                       "[monitors.presets.day]"), "not valid TOML"),
    (('id = "m1"', 'id = "m 1"'), "monitors[0].id"),
])
def test_a_mistake_is_one_line_naming_the_key(edit, expected):
    text = MINIMAL.replace(*edit)
    assert text != MINIMAL
    with pytest.raises(WallFileError) as caught:
        parse_wall_file(text, "wall.toml")
    message = str(caught.value)
    assert "\n" not in message and message.startswith("wall.toml: ")
    assert expected in message, message


def _monitor(monitor_id: str, position: str, preset: str = "day") -> str:
    return (MINIMAL.replace('"m1"', f'"{monitor_id}"')
            .replace("position = [0, 0]", f"position = {position}")
            .replace("presets.day", f"presets.{preset}"))


def test_cross_checks_between_monitors_schedule_and_slots():
    with pytest.raises(WallFileError, match=r"monitors\[1\].position: \[0, 0\] is also"):
        parse_wall_file(_monitor("m1", "[0, 0]") + _monitor("m2", "[0, 0]"))
    with pytest.raises(WallFileError, match=r"monitors\[1\].id: 'm1' is also monitors\[0\]"):
        parse_wall_file(_monitor("m1", "[0, 0]") + _monitor("m1", "[1, 0]"))
    with pytest.raises(WallFileError, match=r"monitors\[1\].presets: no preset 'day'"):
        parse_wall_file(_monitor("m1", "[0, 0]") + _monitor("m2", "[1, 0]", "night"))
    plain = _monitor("m2", "[1, 0]").replace('takeover = "details"', "")
    assert parse_wall_file(_monitor("m1", "[0, 0]") + plain).slots("day") == [1]
    with pytest.raises(WallFileError, match=r"slot 1 already has a details tile"):
        parse_wall_file(_monitor("m1", "[0, 0]") + _monitor("m2", "[1, 0]"))
    with pytest.raises(WallFileError, match=r"schedule\[0\].preset: no preset 'dusk'"):
        parse_wall_file(MINIMAL + '[[schedule]]\nat = "19:00"\npreset = "dusk"\n')
    with pytest.raises(WallFileError, match=r"schedule\[0\].at"):
        parse_wall_file(MINIMAL + '[[schedule]]\nat = "25:00"\npreset = "day"\n')
    no_details = MINIMAL.replace('takeover = "details"', "").replace(
        'cameras = ["CAM-01", "CAM-02"]', 'cameras = ["CAM-01"]\ntakeover = "camera"')
    with pytest.raises(WallFileError, match="slot 1 has no details tile"):
        parse_wall_file(no_details)


def test_scene_check_names_an_unknown_camera():
    wall = parse_wall_file(MINIMAL)
    assert check_scene(wall, ["CAM-01"], []) == \
        "monitors[0].presets.day.tiles[1].cameras[1]: no camera 'CAM-02' in the scene"


def test_an_unreadable_file_is_one_line(tmp_path: Path):
    with pytest.raises(WallFileError, match="cannot read"):
        load_wall_file(tmp_path / "missing.toml")


def test_cap_height_for_16_arcmin_is_about_23_mm_at_5_m():
    assert cap_height_mm(5.0) == pytest.approx(23.27, abs=0.01)
    assert cap_height_mm(10.0) == pytest.approx(2 * cap_height_mm(5.0), rel=1e-6)
    assert subtended_arcmin(cap_height_mm(3.0), 3.0) == pytest.approx(16.0)
    # a 55" 1080p monitor has ~1.58 px per mm: ~37 px of cap height at 5 m
    assert cap_height_px(5.0, (1920, 1080), (1218, 685)) == pytest.approx(36.7, abs=0.1)
    # a 4K panel of the same size needs twice the pixels
    assert cap_height_px(5.0, (3840, 2160), (1218, 685)) == pytest.approx(73.4, abs=0.2)
