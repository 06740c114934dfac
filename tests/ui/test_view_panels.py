# ruff: noqa: F811  (pytest fixtures imported from test_compound_fixtures)
"""The 3D view's panels: search flies the camera to the device, saved viewpoints come
back after a restart, the layer panel's boxes switch what is drawn, heat mode colours a
floor by its open alarms."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from app.alarms.book import AlarmBook
from app.alarms.model import Severity
from tests.ui.test_compound_fixtures import (  # noqa: F401  (fixtures)
    H,
    W,
    pixel_distance,
    scene,
    store,
    view,
    x_display,
    xyz_of,
)
from ui.bridge import RoomBridge
from ui.layer_panel import LayerPanel
from ui.view_search import ViewSearch
from ui.viewpoints import ViewpointsPanel
from widgets.scene_heat import ramp
from widgets.scene_view import STATUS_RGB

pytestmark = pytest.mark.gui


def test_search_by_room_flies_the_device_into_view(view, scene, qtbot):
    sv = view.scene_view
    sv.fly_to((60.0, 40.0, 0.0), distance=15.0, duration_ms=0)  # looking at a far corner
    x, y = sv.world_to_display(xyz_of(scene, "sd-T1-3"))
    assert not (0 < x < W and 0 < y < H)
    search = ViewSearch(scene.devices, view=view)
    qtbot.addWidget(search)
    assert search.matches("301") == ["sd-T1-3"]  # room number
    search.setText("301")
    with qtbot.waitSignal(sv.camera_flight.sig_finished, timeout=3000):
        search.returnPressed.emit()
    x, y = sv.world_to_display(xyz_of(scene, "sd-T1-3"))
    assert abs(x - W / 2) < 3 and abs(y - H / 2) < 3
    assert view.selected == "sd-T1-3"


def test_viewpoints_saved_and_restored_across_instances(view, tmp_path, qtbot):
    path = str(tmp_path / "vp.ini")
    panel = ViewpointsPanel(view, QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(panel)
    sv = view.scene_view
    sv.fly_to((-20.0, 0.0, 20.0), distance=50.0, duration_ms=0)
    saved = view.camera_pose()
    panel.save_current("1栋 北侧")
    view.reset_view()
    again = ViewpointsPanel(view, QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert again.combo.findText("1栋 北侧") >= 0
    assert again.restore("1栋 北侧", duration_ms=0)
    pose = view.camera_pose()
    assert all(abs(a - b) < 1e-6 for k in saved for a, b in zip(saved[k], pose[k],
                                                               strict=True))
    again.delete("1栋 北侧")
    assert not again.restore("1栋 北侧")


def test_layer_panel_boxes_switch_layers_and_kinds(view, scene, qtbot):
    panel = LayerPanel(view)
    qtbot.addWidget(panel)
    assert not panel.boxes["pipes_water"].isChecked()  # mirrors the view's default
    panel.boxes["pipes_water"].setChecked(True)
    assert view.layer_visible("pipes_water")
    mh1 = xyz_of(scene, "mh-1")
    panel.boxes["kind:manhole_cover"].setChecked(False)
    assert pixel_distance(view, mh1, STATUS_RGB["normal"]) > 80
    panel.boxes["kind:manhole_cover"].setChecked(True)
    assert pixel_distance(view, mh1, STATUS_RGB["normal"]) < 45


def test_heat_mode_colours_the_floor_with_an_alarm(view, qtbot):
    book = AlarmBook()
    view.attach_alarms(book, RoomBridge.of(book))
    panel = LayerPanel(view)
    qtbot.addWidget(panel)
    panel.heat_combo.setCurrentIndex(panel.heat_combo.findData("alarms"))
    heat = view.scene_view.heat
    neutral = tuple(int(c) for c in ramp([0.0])[0])
    assert heat.color_of(("T1", 9)) == neutral
    book.raise_alarm("sd-T1-9", "event.smoke", Severity.CRITICAL, "smoke")
    qtbot.waitUntil(lambda: heat.color_of(("T1", 9)) != neutral, timeout=3000)
    assert heat.color_of(("T1", 3)) == neutral
    r, g, b = heat.color_of(("T1", 9))
    assert r > g > b  # amber-to-red end of the ramp
    # what the operator sees: T1's 9th storey drawn warm where the glass was blue-grey
    x, y = view.scene_view.world_to_display((-26.0, -6.0, 24.5))  # south face, below its label
    image = view.scene_view.grab_image()
    pr, pg, pb = image[int(H - 1 - y), int(x)].astype(int)
    assert pr > pb + 60, (pr, pg, pb)
    x, y = view.scene_view.world_to_display((-26.0, -6.0, 6.5))  # floor 3: no alarm
    pr, pg, pb = image[int(H - 1 - y), int(x)].astype(int)
    assert pb >= pr, (pr, pg, pb)
