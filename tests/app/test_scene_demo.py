"""The shipped demo compound 绿景花园: loads fast, has what the issue promises, and is exactly
what tools/gen_demo_scene.py generates."""

from __future__ import annotations

import importlib.util
import math
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from app import paths
from app.domain.kinds import DEVICE_KINDS, SKILLS
from app.scene import Scene, load_scene
from app.scene.geometry import facade_facing, floor_range, points_in_polygon

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo() -> Scene:
    return load_scene(paths.demo_scene_dir())


def test_every_device_kind_and_enough_devices(demo: Scene) -> None:
    kinds = Counter(d.kind for d in demo.devices)
    assert set(kinds) == set(DEVICE_KINDS)
    assert len(demo.devices) >= 3000
    assert len({d.id for d in demo.devices}) == len(demo.devices)
    assert kinds["transformer"] >= 2


def test_towers_garage_and_plant(demo: Scene) -> None:
    towers = [b for b in demo.buildings if b.use == "residential"]
    assert len(towers) >= 10
    assert all(18 <= b.floors <= 33 and 2.8 <= b.floor_height_m <= 3.2 for b in towers)
    garage = next(b for b in demo.buildings if b.use == "garage")
    assert garage.basements >= 1 and garage.floors == 0
    assert {"substation", "pump_room", "clubhouse", "gatehouse"} <= {b.use for b in
                                                                    demo.buildings}
    (x0, y0), (x1, y1) = demo.site.bounds
    assert 250 <= x1 - x0 <= 350 and 200 <= y1 - y0 <= 300


def test_each_flat_has_its_meters_and_each_floor_lobby_a_smoke_detector(demo: Scene) -> None:
    by_id = demo.device_index()
    tower = next(b for b in demo.buildings if b.use == "residential")
    for floor in (1, tower.floors):
        assert by_id[f"{tower.id}-F{floor:02d}-U01-WM"].location.floor == floor
        assert by_id[f"{tower.id}-F{floor:02d}-U01-GD"].kind == "gas_detector"
        assert by_id[f"{tower.id}-F{floor:02d}-C1-SD"].kind == "smoke_detector"
    assert "水表" in by_id[f"{tower.id}-F12-U02-WM"].name


def test_points_have_units_and_sane_bands(demo: Scene) -> None:
    for d in demo.devices:
        assert d.points and d.report_interval_s > 0, d.id
        for spec in d.points.values():
            if spec.normal and spec.limits:
                assert spec.limits[0] <= spec.normal[0] <= spec.normal[1] <= spec.limits[1]
    transformer = next(d for d in demo.devices if d.kind == "transformer")
    assert transformer.points["temp_c"].normal == (20, 85)
    assert transformer.points["temp_c"].limits == (0, 105)


def test_facade_cameras_look_up_at_their_tower(demo: Scene) -> None:
    buildings = demo.building_index()
    facade_cams = [c for c in demo.cameras if c.watches]
    assert len(demo.cameras) >= 12 and len(facade_cams) >= 6
    for cam in facade_cams:
        facade = facade_facing(buildings[cam.watches], cam.xyz)
        assert facade is not None
        cx, cy, _ = facade.center
        dist = (cam.xyz[0] - facade.a[0]) * facade.normal[0] + (
            cam.xyz[1] - facade.a[1]) * facade.normal[1]
        assert 30 <= dist <= 50, cam.id
        assert 20 <= cam.pitch_deg <= 40
        yaw_error = (cam.yaw_deg - facade.yaw_deg + 180) % 360 - 180
        assert abs(yaw_error) < 1, cam.id


def test_camera_and_microphone_devices_share_ids(demo: Scene) -> None:
    by_id = demo.device_index()
    assert all(by_id[c.id].kind == "camera" for c in demo.cameras)
    assert all(by_id[m.id].kind == "microphone" for m in demo.microphones)


def test_microphones_are_spread_in_3d(demo: Scene) -> None:
    xyz = np.array([m.xyz for m in demo.microphones])
    assert len(xyz) >= 6
    assert np.all((xyz[:, 2] >= 3) & (xyz[:, 2] <= 6))
    # not coplanar: the centred positions span all three dimensions
    assert np.linalg.matrix_rank(xyz - xyz.mean(axis=0), tol=0.5) == 3
    for b in demo.buildings:
        if b.floors:
            assert not points_in_polygon(xyz[:, :2], b.footprint).any(), b.id


def test_technicians(demo: Scene) -> None:
    techs = demo.technicians
    assert len(techs) >= 20
    assert {t.shift for t in techs} == {"day", "night", "on_call"}
    assert all(set(t.skills) <= set(SKILLS) and set(t.certified) <= set(t.skills)
               for t in techs)
    assert {"elevator", "gas", "electrical"} <= {c for t in techs for c in t.certified}
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in t.name) for t in techs)


def test_walk_graph_is_connected_and_reaches_every_floor(demo: Scene) -> None:
    ids = {n.id: i for i, n in enumerate(demo.walk_nodes)}
    a = [ids[e.a] for e in demo.walk_edges]
    b = [ids[e.b] for e in demo.walk_edges]
    graph = coo_matrix((np.ones(len(a)), (a, b)), shape=(len(ids), len(ids)))
    count, _ = connected_components(graph, directed=False)
    assert count == 1
    reached = {(n.building, n.floor) for n in demo.walk_nodes if n.building}
    for b in demo.buildings:
        low, high = floor_range(b)
        assert {(b.id, f) for f in range(low, high + 1) if f} <= reached, b.id
    assert {e.kind for e in demo.walk_edges} == {"walk", "stairs", "elevator", "road"}


def test_parking_pipes_gates_and_zones(demo: Scene) -> None:
    assert len(demo.parking) >= 100
    assert sum(p.charger_id is not None for p in demo.parking) >= 20
    assert {p.network for p in demo.pipes} == {"water", "gas", "heating", "drainage", "power"}
    assert {g.kind for g in demo.gates} == {"vehicle", "pedestrian"}
    assert {z.kind for z in demo.zones} >= {"green_space", "fire_lane", "no_build"}
    loop = demo.roads[0].centerline
    assert loop[0] == loop[-1] and len(loop) >= 4
    assert not any(math.isnan(c) for p in demo.pipes for xyz in p.path for c in xyz)


def test_generator_reproduces_the_committed_demo(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("gen_demo", ROOT / "tools" /
                                                  "gen_demo_scene.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write(tmp_path)
    committed = paths.demo_scene_dir()
    names = sorted(p.name for p in tmp_path.iterdir())
    # cameras/ holds the facade calibrations made by tools/gen_demo_feeds.py, not this script
    assert names == sorted(p.name for p in committed.iterdir() if p.is_file())
    for name in names:
        made, kept = (tmp_path / name).read_bytes(), (committed / name).read_bytes()
        if made != kept:  # name the first difference, not 600 bytes of context
            at = next((i for i, (a, b) in enumerate(zip(made, kept, strict=False)) if a != b),
                      min(len(made), len(kept)))
            raise AssertionError(f"{name} differs at byte {at}: generated "
                                 f"{made[max(0, at - 80):at + 80]!r}, committed "
                                 f"{kept[max(0, at - 80):at + 80]!r}")
    assert sum((committed / n).stat().st_size for n in names) < 3_000_000
