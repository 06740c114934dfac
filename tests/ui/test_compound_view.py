"""CompoundView on a small in-code Scene: live recolouring from the store, first live frame,
picking and selection."""

from __future__ import annotations

import numpy as np
import pytest

from app.domain.model import Device, Location, PointSpec
from app.scene.model import Building, Lawn, ParkingSpace, Road, Scene, Site
from app.state.store import StateStore
from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from ui.compound_view import CompoundView
from widgets.scene_view import STATUS_RGB

pytestmark = pytest.mark.gui

W, H = 900, 640
TEMP = {"temp_c": PointSpec(unit="°C", normal=(0.0, 60.0), limits=(-10.0, 80.0))}


def small_scene() -> Scene:
    """Two towers, a garage, a road and a lawn; devices on open ground (pure colours) and
    inside a tower, one per kind of place."""
    def box(x, y, w, d):
        return ((x, y), (x + w, y), (x + w, y + d), (x, y + d))

    buildings = (
        Building("T1", "1栋", "residential", box(-30, -6, 20, 12), floors=18, basements=1),
        Building("T2", "2栋", "residential", box(10, 10, 20, 12), floors=26, basements=1),
        Building("G", "地库", "garage", box(-40, -40, 80, 20), floors=0, basements=1,
                 floor_height_m=3.6),
    )
    devices = [
        Device("mh-1", "manhole_cover", "井盖1", Location((-20.0, -50.0, 0.6)), TEMP),
        Device("mh-2", "manhole_cover", "井盖2", Location((0.0, -50.0, 0.6)), TEMP),
        Device("mh-3", "manhole_cover", "井盖3", Location((20.0, -50.0, 0.6)), TEMP),
        Device("sd-T1-9", "smoke_detector", "烟感", Location((-20.0, 0.0, 26.5), "T1", 9),
               TEMP),
        Device("ev-1", "ev_charger", "充电桩", Location((0.0, -30.0, -2.0), "G", -1), TEMP),
    ]
    return Scene(
        site=Site("test", bounds=((-70.0, -70.0), (70.0, 50.0))),
        buildings=buildings,
        roads=(Road("R1", ((-70.0, -50.0), (70.0, -50.0)), 7.0),),
        lawns=(Lawn("L1", ((-60.0, 20.0), (-10.0, 20.0), (-10.0, 45.0), (-60.0, 45.0))),),
        parking=(ParkingSpace("P1", (5.0, -30.0, -3.6)),),
        devices=tuple(devices),
    )


@pytest.fixture
def scene() -> Scene:
    return small_scene()


@pytest.fixture
def store(scene) -> StateStore:
    return StateStore(scene.devices)


@pytest.fixture
def view(x_display, qtbot, scene, store):  # noqa: F811
    v = CompoundView(scene, store, refresh_hz=20)
    qtbot.addWidget(v)
    v.resize(W, H)
    v.show()
    qtbot.waitExposed(v)
    qtbot.wait(50)  # the deferred reset_view
    return v


def _near(view: CompoundView, xyz, rgb, radius: int = 4) -> float:
    sv = view.scene_view
    image = sv.grab_image()
    x, y = sv.world_to_display(xyz)
    h = image.shape[0]
    cx, cy = int(round(x)), int(round(h - 1 - y))
    patch = image[cy - radius:cy + radius + 1, cx - radius:cx + radius + 1].astype(float)
    return float(np.min(np.linalg.norm(patch - np.asarray(rgb, float), axis=2)))


def _xyz(scene: Scene, device_id: str):
    return scene.device_index()[device_id].location.xyz


def test_first_live_frame_and_recolour_on_level_change(view, store, scene, qtbot):
    for d in scene.devices:
        assert _near(view, _xyz(scene, d.id), STATUS_RGB["unknown"], 2) < 40 or \
            d.id in {"sd-T1-9", "ev-1"}  # glass/ground tints these
    with qtbot.waitSignal(view.sig_first_live_frame, timeout=2000):
        for d in scene.devices:
            store.apply_values(d.id, {"temp_c": 25.0}, ts=1.0)
    assert _near(view, _xyz(scene, "mh-2"), STATUS_RGB["normal"]) < 45

    store.apply_values("mh-2", {"temp_c": 95.0}, ts=2.0)  # beyond the limits
    store.apply_online("mh-3", False)
    qtbot.wait(120)  # > one timer tick at 20 Hz
    assert _near(view, _xyz(scene, "mh-2"), STATUS_RGB["alarm"]) < 45
    assert _near(view, _xyz(scene, "mh-3"), STATUS_RGB["offline"]) < 45
    assert _near(view, _xyz(scene, "mh-1"), STATUS_RGB["normal"]) < 45


def test_first_live_frame_is_emitted_once(view, store, scene, qtbot):
    fired = []
    view.sig_first_live_frame.connect(lambda: fired.append(1))
    store.apply_values("mh-1", {"temp_c": 1.0}, ts=1.0)
    qtbot.waitUntil(lambda: bool(fired), timeout=2000)
    store.apply_values("mh-2", {"temp_c": 1.0}, ts=1.0)
    view.refresh()
    qtbot.wait(100)
    assert fired == [1]


def test_only_changed_devices_are_written(view, store, scene, qtbot):
    view.refresh()  # the first tick writes everything once
    glyphs = view.scene_view.devices
    writes = glyphs.writes
    store.apply_values("mh-1", {"temp_c": 70.0}, ts=1.0)  # warning
    store.apply_values("ev-1", {"temp_c": 1.0}, ts=1.0)
    view.refresh()
    assert glyphs.writes - writes == 2
    rgba = glyphs.rgba
    assert tuple(rgba[view.device_index("mh-1"), :3]) == STATUS_RGB["warning"]
    assert tuple(rgba[view.device_index("ev-1"), :3]) == STATUS_RGB["normal"]
    assert tuple(rgba[view.device_index("mh-2"), :3]) == STATUS_RGB["unknown"]
    # anything needing attention is drawn larger than quiet devices
    assert glyphs.sizes[view.device_index("mh-1")] > glyphs.sizes[view.device_index("ev-1")]
    view.refresh()  # nothing changed: nothing written
    assert glyphs.writes - writes == 2


def test_pick_select_and_fly(view, scene, qtbot):
    sv = view.scene_view
    for d in scene.devices:
        x, y = sv.world_to_display(d.location.xyz)
        assert sv.pick_at(x, y) == d.id
    x, y = sv.world_to_display((60.0, 40.0, 0.0))
    assert sv.pick_at(x, y) is None

    assert view.select_device("mh-2")
    assert view.selected == "mh-2"
    assert _near(view, (0.0, -50.0, 8.0), (77, 230, 255), 3) < 60  # the cyan pin above it
    assert not view.select_device("nope")

    assert view.fly_to_device("sd-T1-9")
    sv.camera_flight.finish()
    x, y = sv.world_to_display(_xyz(scene, "sd-T1-9"))
    assert abs(x - W / 2) < 3 and abs(y - H / 2) < 3
    picked = []
    sv.sig_device_picked.connect(picked.append)
    sv.sig_device_picked.emit("sd-T1-9")  # as a click would
    assert view.selected == "sd-T1-9"
