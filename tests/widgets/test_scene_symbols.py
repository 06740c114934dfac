"""Device symbols: the shape tells the family (one actor each), the colour the status.

Screenshots under a real X display, looking straight down with a parallel camera so every
symbol is drawn as its flat silhouette, big enough (~65 px) to sample inside and outside.
"""

from __future__ import annotations

import numpy as np
import pytest

from app.domain.kinds import DEVICE_KINDS
from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from widgets.scene_symbols import FAMILIES, KIND_FAMILY, family_of
from widgets.scene_view import STATUS_RGB, SceneView
from widgets.vtk_legend import SYMBOL_RGB

# a VTK window on a display: with the GUI tests (their own process per file), not in the
# end-to-end process, which died silently when this file opened its first 3D view there
pytestmark = pytest.mark.gui

W, H = 800, 500
KIND = {"sensor": "pipe_pressure", "meter": "water_meter", "safety": "smoke_detector",
        "plant": "water_pump", "security": "door_access"}
# one device per family in a row on open ground, plus a second meter
IDS = ["sensor", "meter", "safety", "plant", "security", "meter2"]
KINDS = [KIND[f] for f in FAMILIES] + ["power_meter"]
XYZ = np.array([(-40.0 + 18.0 * i, 0.0, 0.5) for i in range(5)] + [(-40.0, -20.0, 0.5)])
DIAMETER_M = 12.0


def test_every_contract_kind_has_a_family():
    assert set(KIND_FAMILY) == set(DEVICE_KINDS)
    assert set(KIND_FAMILY.values()) == set(FAMILIES)
    assert 4 <= len(FAMILIES) <= 6
    assert family_of("some_future_kind") == "sensor"


def _rgba(name: str, n: int = 1) -> np.ndarray:
    return np.tile(np.array([*STATUS_RGB[name], 255], dtype=np.uint8), (n, 1))


@pytest.fixture
def view(x_display, qtbot):  # noqa: F811
    v = SceneView(device_diameter_m=DIAMETER_M)
    qtbot.addWidget(v)
    v.resize(W, H)
    v.show()
    qtbot.waitExposed(v)
    v.set_ground(((-60.0, -40.0), (60.0, 30.0)))
    v.set_devices(IDS, XYZ, rgba=_rgba("normal", len(IDS)), kinds=KINDS)
    v.legend.set_visible(False)
    cam = v.renderer.GetActiveCamera()
    cam.ParallelProjectionOn()
    cam.SetFocalPoint(-4.0, -8.0, 0.0)
    cam.SetPosition(-4.0, -8.0, 200.0)
    cam.SetViewUp(0.0, 1.0, 0.0)
    cam.SetParallelScale(45.0)  # 500 px / 90 m: a 12 m symbol is ~67 px across
    v.renderer.ResetCameraClippingRange()
    v.render()
    return v


def _radius_px(view) -> float:
    return DIAMETER_M / 2 * H / (2 * 45.0)


def _pixel(image, view, i, dx=0.0, dy=0.0) -> np.ndarray:
    """Pixel at device i's projected centre offset by (dx, dy) radii (dy up)."""
    x, y = view.world_to_display(XYZ[i])
    r = _radius_px(view)
    return image[int(round(H - 1 - (y + dy * r))), int(round(x + dx * r))].astype(int)


def _lit(px, rgb=STATUS_RGB["normal"]) -> bool:
    """A pixel of the symbol's fill: near its status colour (lighting varies ±35 %)."""
    px, rgb = np.asarray(px, float), np.asarray(rgb, float)
    return bool(np.linalg.norm(px - rgb * (px.sum() / rgb.sum())) < 40 and px.sum() > 120)


def _footprint(image, view, i, rgb=STATUS_RGB["normal"]) -> int:
    """Symbol-coloured pixels in the box around device i."""
    x, y = view.world_to_display(XYZ[i])
    r = int(_radius_px(view) * 1.3)
    cx, cy = int(round(x)), int(round(H - 1 - y))
    patch = image[cy - r:cy + r + 1, cx - r:cx + r + 1].reshape(-1, 3)
    return sum(_lit(p, rgb) for p in patch)


def test_families_draw_different_shapes(view):
    image = view.grab_image()
    s, m, t, p, g = (FAMILIES.index(f) for f in ("sensor", "meter", "safety", "plant",
                                                   "security"))
    for i in range(5):
        if i != FAMILIES.index("security"):
            assert _lit(_pixel(image, view, i, 0.1, 0.1)), FAMILIES[i]
    # the square fills its corners, the ball does not
    for dx, dy in ((0.72, 0.72), (-0.72, -0.72), (0.72, -0.72)):
        assert _lit(_pixel(image, view, m, dx, dy))
        assert not _lit(_pixel(image, view, s, dx, dy))
    # the triangle: apex up, so its upper corners are empty but its base spans the width
    assert not _lit(_pixel(image, view, t, -0.7, 0.7))
    assert _lit(_pixel(image, view, t, -0.6, -0.6)) and _lit(_pixel(image, view, t, 0.6, -0.6))
    # the bow tie: pinched at the waist (above the centre empty), full at its sides
    assert not _lit(_pixel(image, view, p, 0.0, 0.7))
    assert _lit(_pixel(image, view, p, 0.8, 0.6)) and _lit(_pixel(image, view, p, -0.8, -0.6))
    # the ring: a dark lens in the middle, coloured around it
    assert _pixel(image, view, g).sum() < 150
    assert _lit(_pixel(image, view, g, 0.72, 0.0)) and _lit(_pixel(image, view, g, 0.0, -0.72))
    # same size, different silhouettes: the triangle and the ring's band cover clearly less
    # than the ball and the square (which are of equal area by design)
    counts = [_footprint(image, view, i) for i in range(5)]
    assert max(counts[t], counts[g]) < 0.85 * min(counts[s], counts[m]), counts
    assert abs(counts[s] - counts[m]) < 0.1 * counts[s], counts


def test_symbols_still_change_colour_with_status(view):
    view.update_device_colors(np.array([1, 2, 4]), _rgba("alarm", 3))
    image = view.grab_image()
    alarm = STATUS_RGB["alarm"]
    assert _lit(_pixel(image, view, 1, 0.72, 0.72), alarm)  # the square's corner, now red
    assert _lit(_pixel(image, view, 2, 0.0, -0.3), alarm)
    assert _lit(_pixel(image, view, 4, 0.72, 0.0), alarm)
    assert _lit(_pixel(image, view, 0, 0.0, 0.0))  # the untouched ball stays green
    assert _footprint(image, view, 1, alarm) > 0.8 * _footprint(image, view, 5)


def test_a_status_change_writes_only_its_rows_of_its_family(view):
    devices = view.devices
    meter = devices.symbols[FAMILIES.index("meter")]
    others = [s for s in devices.symbols if s is not meter]
    mtimes = [s.colors.GetMTime() for s in others]
    arrays = [s.colors for s in devices.symbols]
    writes = devices.writes
    view.update_device_colors(np.array([5]), _rgba("offline"))
    assert devices.writes - writes == 1
    assert [s.colors.GetMTime() for s in others] == mtimes  # other families untouched
    assert tuple(meter.rgba[devices.row[5], :3]) == STATUS_RGB["offline"]
    assert tuple(meter.rgba[devices.row[1], :3]) == STATUS_RGB["normal"]
    assert tuple(devices.rgba[5, :3]) == STATUS_RGB["offline"]
    # one actor per family, never rebuilt
    assert [s.colors for s in devices.symbols] == arrays
    assert len({id(s.actor) for s in devices.symbols}) == len(FAMILIES)


def test_pick_returns_the_id_in_every_family(view):
    for i, device_id in enumerate(IDS):
        x, y = view.world_to_display(XYZ[i])
        assert view.pick_at(x, y) == device_id
        assert view.pick_at(x + 0.5 * _radius_px(view), y) == device_id
    x, y = view.world_to_display((30.0, -30.0, 0.0))
    assert view.pick_at(x, y) is None


def test_pick_in_perspective_after_reset(view):
    view.renderer.GetActiveCamera().ParallelProjectionOff()
    view.reset_view()
    for i, device_id in enumerate(IDS):
        assert view.pick_at(*view.world_to_display(XYZ[i])) == device_id


def test_legend_shows_each_family_shape(view):
    view.set_legend([("Normal", STATUS_RGB["normal"])], title="Status")
    view.set_symbol_legend([(f.title(), f) for f in FAMILIES], title="Type")
    view.legend.set_visible(True)
    image = view.grab_image()
    r = view.legend._font_px * 0.55

    def at(family, dx, dy):
        cx, cy = view.legend.symbol_xy[family]
        return image[int(round(H - 1 - (cy + dy * r))), int(round(cx + dx * r))].astype(int)

    def grey(px):
        return np.linalg.norm(px - np.asarray(SYMBOL_RGB)) < 40

    for family in ("sensor", "meter", "safety", "plant"):
        assert grey(at(family, 0.0, -0.3)), family
    assert grey(at("meter", 0.6, 0.6)) and not grey(at("sensor", 0.75, 0.75))
    assert not grey(at("safety", -0.75, 0.6))
    assert not grey(at("security", 0.0, 0.0)) and grey(at("security", 0.75, 0.0))


def test_shapes_stay_upright_anywhere_in_a_perspective_view(view):
    """VTK turns each splat's quad with its projected covariance (so with the position on
    screen); the symbols must not turn with it."""
    ids = [f"{k}{i}" for k in ("t", "m") for i in range(3)]
    xyz = np.array([(-45.0, 8.0, 0.5), (-4.0, 8.0, 0.5), (40.0, 8.0, 0.5),  # far row
                    (-30.0, -20.0, 0.5), (-4.0, -20.0, 0.5), (22.0, -20.0, 0.5)])
    view.set_devices(ids, xyz, rgba=_rgba("normal", 6),
                     kinds=["smoke_detector"] * 3 + ["water_meter"] * 3)
    cam = view.renderer.GetActiveCamera()
    cam.ParallelProjectionOff()
    cam.SetFocalPoint(-4.0, -8.0, 0.0)
    cam.SetPosition(-44.0, -98.0, 60.0)
    cam.SetViewUp(0.0, 0.0, 1.0)
    view.renderer.ResetCameraClippingRange()
    image = view.grab_image()
    half = np.radians(cam.GetViewAngle()) / 2

    def at(i, dx, dy):
        x, y = view.world_to_display(xyz[i])
        dist = np.linalg.norm(xyz[i] - np.asarray(cam.GetPosition()))
        r = DIAMETER_M / 2 * H / (2 * np.tan(half) * dist) * view.devices.zoom_scale
        return image[int(round(H - 1 - (y + dy * r))), int(round(x + dx * r))].astype(int)

    for i in range(3):  # triangles: apex up, flat base, wherever they are on screen
        assert _lit(at(i, 0.0, 0.6)) and not _lit(at(i, -0.75, 0.7)), i
        assert _lit(at(i, -0.7, -0.6)) and _lit(at(i, 0.7, -0.6)), i
        assert not _lit(at(i, -0.75, -1.15)), i  # nothing below the base
    for i in range(3, 6):  # squares: all four corners filled
        for dx, dy in ((0.7, 0.7), (-0.7, 0.7), (0.7, -0.7), (-0.7, -0.7)):
            assert _lit(at(i, dx, dy)), (i, dx, dy)


def test_a_symbol_on_the_ground_is_not_cut_by_it(view):
    """A quad is drawn at its centre's depth: without the pull towards the eye the lower
    half of a symbol standing on the ground lay under the translucent ground (dimmed)."""
    xyz = np.array([(-4.0, -8.0, 0.5)])
    view.set_devices(["m"], xyz, rgba=_rgba("normal"), kinds=["water_meter"])
    cam = view.renderer.GetActiveCamera()
    cam.ParallelProjectionOff()
    cam.SetPosition(-44.0, -98.0, 60.0)
    cam.SetViewUp(0.0, 0.0, 1.0)
    view.renderer.ResetCameraClippingRange()
    image = view.grab_image()
    x, y = view.world_to_display(xyz[0])
    upper = image[int(round(H - 1 - (y + 15))), int(round(x))].astype(int)
    lower = image[int(round(H - 1 - (y - 15))), int(round(x))].astype(int)
    assert _lit(upper) and _lit(lower)
    assert lower.sum() > 0.85 * upper.sum(), (upper, lower)
