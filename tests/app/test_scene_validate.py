"""Every scene mistake gives its own one-line SceneError naming file, key path and problem."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import pytest

from app.scene import SceneError, check_scene, load_scene
from app.scene.geometry import signed_area
from tests.app.test_scene_support import minimal, write_scene

Files = dict[str, dict[str, Any]]


def _load(tmp_path: Path, files: Files) -> Any:
    return load_scene(write_scene(tmp_path / "s", files))


def _error(tmp_path: Path, files: Files) -> str:
    with pytest.raises(SceneError) as info:
        _load(tmp_path, files)
    message = str(info.value)
    assert "\n" not in message
    return message.replace(str(tmp_path / "s") + "/", "")


def test_minimal_scene_loads(tmp_path: Path) -> None:
    scene = _load(tmp_path, minimal())
    assert [d.id for d in scene.devices][:2] == ["B1-F02-WM", "EV1"]
    assert scene.site.name == "测试小区"


def dev(f: Files, i: int = 0) -> dict[str, Any]:
    return f["devices.json"]["devices"][i]


def _set(*path: Any, value: Any) -> Callable[[Files], None]:
    def mutate(f: Files) -> None:
        node: Any = f
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return mutate


def _append(file: str, section: str, item: Any) -> Callable[[Files], None]:
    return lambda f: f[file][section].append(item)


CASES: list[tuple[str, Callable[[Files], None], str]] = [
    ("device unknown building",
     _set("devices.json", "devices", 0, "location", "building", value="B99"),
     "devices.json: devices[0].location.building: unknown building 'B99'"),
    ("camera watches unknown building",
     _set("cameras.json", "cameras", 0, "watches", value="B7"),
     "cameras.json: cameras[0].watches: unknown building 'B7'"),
    ("walk node unknown building",
     _set("walkways.json", "walk_nodes", 0, "building", value="B2"),
     "walkways.json: walk_nodes[0].building: unknown building 'B2'"),
    ("gate unknown building", _set("ground.json", "gates", 0, "building", value="GH9"),
     "ground.json: gates[0].building: unknown building 'GH9'"),
    ("floor above the roof", _set("devices.json", "devices", 0, "location", "floor", value=6),
     "devices.json: devices[0].location.floor: floor 6 outside building 'B1' (floors -1..5, "
     "no 0)"),
    ("floor zero", _set("devices.json", "devices", 0, "location", "floor", value=0),
     "devices.json: devices[0].location.floor: floor 0 outside building 'B1' (floors -1..5, "
     "no 0)"),
    ("walk node floor below the basements",
     _set("walkways.json", "walk_nodes", 0, "floor", value=-2),
     "walkways.json: walk_nodes[0].floor: floor -2 outside building 'B1' (floors -1..5, no 0)"),
    ("device outside its building",
     _set("devices.json", "devices", 0, "location", "xyz", value=[15, 5, 1]),
     "devices.json: devices[0].location.xyz: (15, 5) is outside the footprint of building "
     "'B1'"),
    ("self-intersecting footprint",
     _set("buildings.json", "buildings", 1, "footprint", value=[[20, 0], [24, 4], [24, 0],
                                                                  [20, 6]]),
     "buildings.json: buildings[1].footprint: self-intersecting footprint: edges 0 and 2 "
     "cross"),
    ("collinear footprint",
     _set("buildings.json", "buildings", 1, "footprint", value=[[20, 0], [22, 0], [24, 0]]),
     "buildings.json: buildings[1].footprint: degenerate footprint: zero area"),
    ("two-vertex footprint",
     _set("buildings.json", "buildings", 1, "footprint", value=[[20, 0], [24, 0]]),
     "buildings.json: buildings[1].footprint: degenerate footprint: 2 vertices, needs at "
     "least 3"),
    ("repeated vertex",
     _set("buildings.json", "buildings", 1, "footprint", value=[[20, 0], [24, 0], [24, 0],
                                                                  [24, 4]]),
     "buildings.json: buildings[1].footprint: degenerate footprint: vertex 2 repeats vertex 1"),
    ("walk edge to unknown node", _append("walkways.json", "walk_edges", {"a": "N2", "b": "N9"}),
     "walkways.json: walk_edges[1].b: unknown walk node 'N9'"),
    ("walk graph in two pieces",
     _append("walkways.json", "walk_nodes", {"id": "N3", "xyz": [0, 0, 0]}),
     "walkways.json: walk_nodes[2].id: node 'N3' cannot be reached from 'N1'"),
    ("parking charger unknown", _set("ground.json", "parking", 0, "charger_id", value="EV9"),
     "ground.json: parking[0].charger_id: unknown device 'EV9'"),
    ("parking charger of the wrong kind",
     _set("ground.json", "parking", 0, "charger_id", value="PS1"),
     "ground.json: parking[0].charger_id: device 'PS1' is a parking_space, expected "
     "ev_charger"),
    ("parking sensor of the wrong kind",
     _set("ground.json", "parking", 0, "sensor_id", value="EV1"),
     "ground.json: parking[0].sensor_id: device 'EV1' is a ev_charger, expected "
     "parking_space"),
    ("gate device of the wrong kind", _set("ground.json", "gates", 0, "device_id", value="EV1"),
     "ground.json: gates[0].device_id: device 'EV1' is a ev_charger, expected barrier_gate or "
     "door_access"),
    ("technician unknown skill",
     _set("technicians.json", "technicians", 0, "skills", value=["electrical", "cooking"]),
     "technicians.json: technicians[0].skills[1]: unknown skill 'cooking' (known: electrical, "
     "plumbing, elevator, fire, gas, security, general)"),
    ("certified without the skill",
     _set("technicians.json", "technicians", 0, "certified", value=["gas"]),
     "technicians.json: technicians[0].certified[0]: certified for 'gas', which is not among "
     "its skills"),
    ("technician unknown shift", _set("technicians.json", "technicians", 0, "shift", value="x"),
     "technicians.json: technicians[0].shift: unknown shift 'x' (known: day, night, on_call)"),
    ("unknown device kind", _set("devices.json", "devices", 3, "kind", value="toaster"),
     "devices.json: devices[3].kind: unknown device kind 'toaster'"),
    ("normal band upside down",
     _set("devices.json", "devices", 0, "points", "v", "normal", value=[0.5, 0.2]),
     "devices.json: devices[0].points.v.normal: low 0.5 is above high 0.2"),
    ("limits band upside down",
     _set("devices.json", "devices", 1, "points", "v", "limits", value=[9, 1]),
     "devices.json: devices[1].points.v.limits: low 9 is above high 1"),
    ("unknown key", _set("devices.json", "devices", 2, "colour", value="red"),
     "devices.json: devices[2].colour: unknown key"),
    ("missing key", lambda f: dev(f, 1).pop("name"),
     "devices.json: devices[1].name: missing required key"),
    ("wrong type", _set("buildings.json", "buildings", 0, "floors", value="five"),
     "buildings.json: buildings[0].floors: expected `int`, got `str`"),
    ("unknown section", _set("ground.json", "trees", value=[]),
     "ground.json: trees: unknown key"),
    # numbers that once crashed `scene export` (MemoryError, OverflowError)
    ("a billion floors", _set("buildings.json", "buildings", 0, "floors", value=10**9),
     "buildings.json: buildings[0].floors: 1000000000 floors: at most 200"),
    ("floor height past a float's range",
     _set("buildings.json", "buildings", 0, "floor_height_m", value=1e308),
     "buildings.json: buildings[0].floor_height_m: 1e+308 is out of range (site values lie "
     "within 100 km of the origin)"),
    ("a 60 m floor", _set("buildings.json", "buildings", 0, "floor_height_m", value=60),
     "buildings.json: buildings[0].floor_height_m: 60 m: at most 50 m a floor"),
    ("too many basements", _set("buildings.json", "buildings", 0, "basements", value=99),
     "buildings.json: buildings[0].basements: 99 basements: at most 20"),
    # ids go into evidence paths and MQTT topics
    ("camera id climbing out of the evidence folder",
     _set("cameras.json", "cameras", 0, "id", value="../../../tmp/x"),
     "cameras.json: cameras[0].id: '../../../tmp/x' is not a safe id (letters, digits and "
     "_ - . { } only, not starting with . or -, at most 128)"),
    ("device id with an MQTT wildcard", _set("devices.json", "devices", 3, "id", value="BG+"),
     "devices.json: devices[3].id: 'BG+' is not a safe id (letters, digits and _ - . { } "
     "only, not starting with . or -, at most 128)"),
    ("technician id with a space", _set("technicians.json", "technicians", 0, "id",
                                        value="T 1"),
     "technicians.json: technicians[0].id: 'T 1' is not a safe id (letters, digits and "
     "_ - . { } only, not starting with . or -, at most 128)"),
    ("site id a topic wildcard", _set("scene.json", "site", "site_id", value="#"),
     "scene.json: site.site_id: '#' is not a safe id (letters, digits and _ - . { } only, "
     "not starting with . or -, at most 128)"),
    # what the 3D view shows lies inside the site bounds
    ("footprint outside the site bounds",
     _set("buildings.json", "buildings", 1, "footprint",
          value=[[220, 0], [245, 0], [245, 10], [220, 10]]),
     "buildings.json: buildings[1].footprint: vertex 1 (245, 0) is 45 m outside the site "
     "bounds (-200..200, -200..200)"),
    ("camera outside the site bounds",
     _set("cameras.json", "cameras", 0, "xyz", value=[5, -1289, 4]),
     "cameras.json: cameras[0].xyz: (5, -1289) is 1089 m outside the site bounds "
     "(-200..200, -200..200)"),
    ("bounds upside down", _set("scene.json", "site", "bounds", value=[[10, 0], [0, 10]]),
     "scene.json: site.bounds: expected [[xmin, ymin], [xmax, ymax]] with min < max"),
    ("latitude past the pole", _set("scene.json", "site", "origin_lat", value=91.0),
     "scene.json: site.origin_lat: 91 is not within -90..90 degrees"),
]


@pytest.mark.parametrize(("mutate", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_bad_scene_names_the_problem(tmp_path: Path, mutate: Callable[[Files], None],
                                     expected: str) -> None:
    files = minimal()
    mutate(files)
    assert _error(tmp_path, files) == expected


@pytest.mark.parametrize(("file", "section", "item"), [
    ("cameras.json", "cameras", 0), ("cameras.json", "microphones", 0),
    ("technicians.json", "technicians", 0), ("buildings.json", "buildings", 0),
    ("walkways.json", "walk_nodes", 1)])
def test_duplicate_ids_are_named(tmp_path: Path, file: str, section: str, item: int) -> None:
    files = minimal()
    twin = dict(files[file][section][item])
    files[file][section].append(twin)
    n = len(files[file][section]) - 1
    assert _error(tmp_path, files) == (
        f"{file}: {section}[{n}].id: duplicate id {twin['id']!r} (first at {file}: "
        f"{section}[{item}])")


def test_device_ids_are_unique_across_files(tmp_path: Path) -> None:
    files = minimal()
    files["more.json"] = {"devices": [dict(files["devices.json"]["devices"][2])]}
    files["scene.json"]["files"].append("more.json")
    assert _error(tmp_path, files) == (
        "more.json: devices[0].id: duplicate id 'PS1' (first at devices.json: devices[2])")


def test_sections_split_over_files_are_concatenated(tmp_path: Path) -> None:
    files = minimal()
    moved = files["devices.json"]["devices"].pop()
    files["more.json"] = {"devices": [moved]}
    files["scene.json"]["files"].append("more.json")
    scene = _load(tmp_path, files)
    assert scene.devices[-1].id == moved["id"] and len(scene.devices) == 5


def test_clockwise_footprint_is_reversed_and_closing_vertex_dropped(tmp_path: Path) -> None:
    files = minimal()
    files["buildings.json"]["buildings"][0]["footprint"] = [[0, 0], [0, 10], [10, 10], [10, 0],
                                                            [0, 0]]
    footprint = _load(tmp_path, files).buildings[0].footprint
    assert len(footprint) == 4 and signed_area(footprint) == pytest.approx(100.0)


def test_malformed_json_gives_line_and_column(tmp_path: Path) -> None:
    files: dict[str, Any] = minimal()
    files["ground.json"] = '{"roads": [\n  {"id": "R1",, }]}'
    assert _error(tmp_path, files).startswith("ground.json: not valid JSON: ")
    assert "line 2 column" in _error(tmp_path, files)


def test_number_too_large_for_a_float(tmp_path: Path) -> None:
    files: dict[str, Any] = minimal()
    files["ground.json"] = '{"roads": [{"id": "R1", "centerline": [[0, 0], [1e999, 0]]}]}'
    assert _error(tmp_path, files) == (
        "ground.json: roads[0].centerline[1][0]: number out of range")


def test_missing_data_file_is_named(tmp_path: Path) -> None:
    files = minimal()
    files["scene.json"]["files"].append("pipes.json")
    assert _error(tmp_path, files) == "pipes.json: no such file"


def test_missing_folder_and_wrong_format(tmp_path: Path) -> None:
    with pytest.raises(SceneError, match="no such scene folder"):
        load_scene(tmp_path / "nowhere")
    files = minimal()
    files["scene.json"]["format"] = "something-else/9"
    assert "scene.json: format: unsupported 'something-else/9'" in _error(tmp_path, files)


def test_non_finite_numbers_are_rejected(tmp_path: Path) -> None:
    # JSON cannot carry NaN; scenes built in code (or imported) are checked all the same
    scene = _load(tmp_path, minimal())
    mic = msgspec.structs.replace(scene.microphones[0], xyz=(0.0, math.inf, 4.0))
    bad = msgspec.structs.replace(scene, microphones=(mic,))
    with pytest.raises(SceneError, match=r"^imported: microphones\[0\]\.xyz\[1\]: "
                                         r"not a finite number: inf$"):
        check_scene(bad, "imported")
