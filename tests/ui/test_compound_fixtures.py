"""Shared fixtures for the compound view's feature tests: a small compound with a tower of
known floors, an underground garage with a sensed parking space, a camera and a water main.
(No tests here; pytest collects the module harmlessly, as test_main_window_fixtures.)"""

from __future__ import annotations

import numpy as np
import pytest

from app.domain.model import Camera, Device, Location, PointSpec
from app.scene.model import Building, Lawn, ParkingSpace, Pipe, Road, Scene, Site
from app.state.store import StateStore
from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from ui.compound_view import CompoundView

W, H = 900, 640
TEMP = {"temp_c": PointSpec(unit="°C", normal=(0.0, 60.0), limits=(-10.0, 80.0))}
OCC = {"occupied": PointSpec()}
PIPE_MID = (0.0, -62.0, -1.0)


def _box(x, y, w, d):
    return ((x, y), (x + w, y), (x + w, y + d), (x, y + d))


def rich_scene() -> Scene:
    devices = [
        Device("mh-1", "manhole_cover", "井盖1", Location((-20.0, -50.0, 0.6)), TEMP),
        Device("mh-2", "manhole_cover", "井盖2", Location((0.0, -50.0, 0.6)), TEMP),
        Device("mh-3", "manhole_cover", "井盖3", Location((20.0, -50.0, 0.6)), TEMP),
        Device("sd-T1-9", "smoke_detector", "1栋 9层 烟感",
               Location((-20.0, 0.0, 25.5), "T1", 9, "903"), TEMP),
        Device("sd-T1-3", "smoke_detector", "1栋 3层 烟感",
               Location((-20.0, 0.0, 7.5), "T1", 3, "301"), TEMP),
        Device("ps-1", "parking_space", "车位1", Location((5.0, -32.0, -3.0), "G", -1), OCC),
        Device("CAM-1", "camera", "摄像机1", Location((45.0, -20.0, 4.0)), TEMP),
    ]
    return Scene(
        site=Site("test", bounds=((-70.0, -70.0), (70.0, 50.0))),
        buildings=(
            Building("T1", "1栋", "residential", _box(-30, -6, 20, 12), floors=18,
                     basements=1),
            Building("T2", "2栋", "residential", _box(10, 10, 20, 12), floors=26),
            Building("G", "地库", "garage", _box(-40, -40, 80, 20), floors=0, basements=1,
                     floor_height_m=3.6),
        ),
        roads=(Road("R1", ((-70.0, -50.0), (70.0, -50.0)), 7.0),),
        lawns=(Lawn("L1", ((-60.0, 20.0), (-10.0, 20.0), (-10.0, 45.0), (-60.0, 45.0))),),
        parking=(ParkingSpace("P1", (5.0, -30.0, -3.6), sensor_id="ps-1"),),
        pipes=(Pipe("W1", "water", ((-60.0, -62.0, -1.0), (60.0, -62.0, -1.0)), 0.2),),
        cameras=(Camera("CAM-1", "摄像机1", (45.0, -20.0, 4.0), yaw_deg=180.0,
                        pitch_deg=-10.0),),
        devices=tuple(devices),
    )


@pytest.fixture
def scene() -> Scene:
    return rich_scene()


@pytest.fixture
def store(scene) -> StateStore:
    s = StateStore(scene.devices)
    for d in scene.devices:
        s.apply_values(d.id, {"occupied": 0.0} if d.kind == "parking_space"
                       else {"temp_c": 25.0}, ts=1.0)
    return s


@pytest.fixture
def view(x_display, qtbot, scene, store):  # noqa: F811
    v = CompoundView(scene, store, refresh_hz=20)
    qtbot.addWidget(v)
    v.resize(W, H)
    v.show()
    qtbot.waitExposed(v)
    qtbot.wait(50)  # the deferred reset_view
    v.refresh()
    return v


def xyz_of(scene: Scene, device_id: str):
    return scene.device_index()[device_id].location.xyz


def pixel_distance(view: CompoundView, xyz, rgb, radius: int = 4) -> float:
    """Smallest colour distance to ``rgb`` in a square around where ``xyz`` is drawn."""
    sv = view.scene_view
    image = sv.grab_image()
    x, y = sv.world_to_display(xyz)
    cx, cy = int(round(x)), int(round(image.shape[0] - 1 - y))
    patch = image[max(cy - radius, 0):cy + radius + 1,
                  max(cx - radius, 0):cx + radius + 1].astype(float)
    return float(np.min(np.linalg.norm(patch - np.asarray(rgb, float), axis=2)))


def pixel_at(view: CompoundView, xyz) -> np.ndarray:
    sv = view.scene_view
    image = sv.grab_image()
    x, y = sv.world_to_display(xyz)
    return image[int(round(image.shape[0] - 1 - y)), int(round(x))].astype(int)
