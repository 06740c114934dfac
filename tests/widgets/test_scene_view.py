"""SceneView under a real X display: what is drawn where, recolouring, picking, camera."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from widgets.gl_renderer import GPU_MULTISAMPLES, is_software, renderer_name
from widgets.scene_view import STATUS_RGB, SceneView

pytestmark = pytest.mark.gui

W, H = 900, 640
TOWER = dict(id="T1", footprint=np.array([(-10.0, -6.0), (10.0, -6.0), (10.0, 6.0),
                                          (-10.0, 6.0)]),
             base_z=0.0, floors=20, floor_height=3.0, basements=1, use="residential")
LOW = dict(id="C1", footprint=np.array([(30.0, 20.0), (50.0, 20.0), (50.0, 34.0),
                                        (30.0, 34.0)]),
           base_z=0.0, floors=2, floor_height=4.0, basements=0, use="clubhouse")
# three devices on open ground (pure colours), two inside the tower (seen through glass)
IDS = ["g1", "g2", "g3", "t1", "t2"]
XYZ = np.array([(-40.0, -30.0, 0.6), (-25.0, -30.0, 0.6), (25.0, -25.0, 0.6),
                (-8.0, -5.0, 31.5), (8.0, -5.0, 16.5)])


def _rgba(name: str, n: int = 1) -> np.ndarray:
    return np.tile(np.array([*STATUS_RGB[name], 255], dtype=np.uint8), (n, 1))


@pytest.fixture
def view(x_display, qtbot):  # noqa: F811  (x_display must come before the QApplication)
    v = SceneView(device_diameter_m=1.5)
    qtbot.addWidget(v)
    v.resize(W, H)
    v.show()
    qtbot.waitExposed(v)
    v.set_ground(((-80.0, -60.0), (80.0, 60.0)))
    v.add_polygons("lawns", [np.array([(-60.0, 20.0), (-20.0, 20.0), (-20.0, 45.0),
                                       (-60.0, 45.0)])], 0.03, (0.16, 0.38, 0.22))
    v.add_roads([np.array([(-80.0, -40.0), (80.0, -40.0)])], [7.0])
    v.add_buildings([TOWER, LOW])
    v.set_devices(IDS, XYZ, rgba=_rgba("normal", len(IDS)))
    v.set_legend([(k, c) for k, c in STATUS_RGB.items()], title="设备状态")
    v.reset_view()
    v.render()
    return v


def _near(image: np.ndarray, xy: tuple[float, float], rgb, radius: int = 5) -> float:
    """Smallest colour distance to ``rgb`` in a square around display point ``xy``."""
    h = image.shape[0]
    x, y = int(round(xy[0])), int(round(h - 1 - xy[1]))  # display y is bottom-up
    patch = image[max(y - radius, 0):y + radius + 1, max(x - radius, 0):x + radius + 1]
    return float(np.min(np.linalg.norm(patch.astype(float) - np.asarray(rgb, float), axis=2)))


def test_renders_scene_with_building_colour_at_its_centre(view):
    image = view.grab_image()
    assert image.shape == (H, W, 3)
    assert image.std() > 10  # not blank
    x, y = view.world_to_display((0.0, 0.0, 45.0))  # mid-height of the tower, no device
    r, g, b = image[int(H - 1 - y), int(x)].astype(int)
    corner = image[5, W - 5].astype(int)  # sky background
    assert b > r and g > r, (r, g, b)  # blue-grey glass
    assert r + g + b > corner.sum() + 60, ((r, g, b), corner)


def test_recolouring_one_device_changes_its_pixels(view):
    xy = view.world_to_display(XYZ[1])
    assert _near(view.grab_image(), xy, STATUS_RGB["normal"]) < 45
    view.update_device_colors(np.array([1]), _rgba("alarm"))
    image = view.grab_image()
    assert _near(image, xy, STATUS_RGB["alarm"]) < 45
    assert _near(image, view.world_to_display(XYZ[0]), STATUS_RGB["normal"]) < 45
    # inside the tower the glass tints it, but red must still dominate
    view.update_device_colors(np.array([3]), _rgba("alarm"))
    image = view.grab_image()
    tx, ty = view.world_to_display(XYZ[3])
    px = image[int(H - 1 - ty) - 2:int(H - 1 - ty) + 3, int(tx) - 2:int(tx) + 3].astype(int)
    assert ((px[..., 0] - px[..., 1]) > 40).any()


def test_update_touches_only_the_given_entries(view):
    symbol = view.devices.symbols[0]  # no kinds given: every device is a sensor ball
    colors = symbol.colors
    before = view.devices.rgba.copy()
    mtime = colors.GetMTime()
    writes = view.devices.writes
    view.update_device_colors(np.array([0, 4]), _rgba("offline", 2))
    after = view.devices.rgba
    assert view.devices.writes - writes == 2
    assert colors.GetMTime() > mtime
    assert (after[[1, 2, 3]] == before[[1, 2, 3]]).all()
    assert (after[[0, 4], :3] == STATUS_RGB["offline"]).all()
    # same VTK array object (no rebuild), same number of actors
    assert symbol.data.GetPointData().GetArray("rgba") is colors


def test_pick_device_and_empty_ground(view):
    for i, device_id in enumerate(IDS):
        x, y = view.world_to_display(XYZ[i])
        assert view.pick_at(x, y) == device_id
    x, y = view.world_to_display((60.0, -50.0, 0.0))
    assert view.pick_at(x, y) is None


def test_click_emits_picked_device(view, qtbot):
    x, y = view.world_to_display(XYZ[2])
    target = view._vtk
    pos = QPoint(int(round(x)), int(round(target.height() - 1 - y)))
    with qtbot.waitSignal(view.sig_device_picked, timeout=2000) as blocker:
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == ["g3"]


def test_fly_to_centres_the_target(view, qtbot):
    view.fly_to(XYZ[4], distance=40.0, duration_ms=100)
    with qtbot.waitSignal(view.camera_flight.sig_finished, timeout=3000):
        pass
    cam = view.renderer.GetActiveCamera()
    assert np.allclose(cam.GetFocalPoint(), XYZ[4], atol=1e-6)
    assert abs(cam.GetDistance() - 40.0) < 1e-3
    x, y = view.world_to_display(XYZ[4])
    assert abs(x - W / 2) < 3 and abs(y - H / 2) < 3
    assert view.pick_at(x, y) == "t2"


def test_construction_zone_on_the_ground_and_change_pinned_where_it_stands(view):
    before = view.grab_image()
    zone = np.array([(20.0, -55.0), (60.0, -55.0), (60.0, -45.0), (20.0, -45.0)])
    view.set_construction([(zone, "fire_lane")], [(40.0, -50.0, True)])
    image = view.grab_image()
    assert view.construction.zone_count == 1 and view.construction.change_count == 1
    x, y = view.world_to_display((40.0, -50.0, 3.0))  # half-way up the pin
    assert _near(image, (x, y), (255, 38, 25), radius=3) < 90  # the open change: red
    assert _near(before, (x, y), (255, 38, 25), radius=3) > 150  # nothing red there before
    view.set_construction([(zone, "fire_lane")], [(40.0, -50.0, False)])  # decided: white
    decided = view.grab_image()
    assert _near(decided, (x, y), (255, 38, 25), radius=3) > 120  # no longer red
    assert _near(decided, (x, y), (200, 205, 212), radius=3) < 100  # a light grey pin


def test_multisampling_is_off_on_a_software_renderer_and_on_with_a_gpu(view):
    name = renderer_name()
    assert name, "no OpenGL context could be made"
    # Xvfb draws with Mesa's llvmpipe: 4x multisampling would quadruple every pixel's cost
    expected = 0 if is_software(name) else GPU_MULTISAMPLES
    assert view.render_window.GetMultiSamples() == expected
    assert is_software("llvmpipe (LLVM 15.0.6, 256 bits)")
    assert not is_software("NVIDIA GeForce RTX 3060/PCIe/SSE2")


def test_a_rooftop_zone_is_drawn_on_its_roof(view):
    """A (k, 3) zone lies on the plane of its height: the clubhouse's roof (2 × 4 m), its
    outline seen at the roof's edge in the picture, not at the foot of the walls."""
    roof = np.array([(32.0, 22.0, 8.0), (48.0, 22.0, 8.0), (48.0, 32.0, 8.0),
                     (32.0, 32.0, 8.0)])
    purple = tuple(round(255 * c) for c in (0.70, 0.45, 0.95))
    top = view.world_to_display((40.0, 22.0, 8.17))  # the outline's near edge, on the roof
    foot = view.world_to_display((40.0, 22.0, 0.17))  # where a ground zone would draw it
    view.set_construction([(roof, "rooftop")], [])
    image = view.grab_image()
    assert _near(image, top, purple, radius=2) < 60
    assert _near(image, foot, purple, radius=2) > 100
