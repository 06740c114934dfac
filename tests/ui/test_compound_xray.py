# ruff: noqa: F811  (pytest fixtures imported from test_compound_fixtures)
"""X-ray and picking: the floor picker opens one floor (other floors' devices no longer
drawn), the camera frames it, and clicks name the building and the floor under them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

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
from ui.floor_picker import FloorPicker
from widgets.scene_view import STATUS_RGB

pytestmark = pytest.mark.gui


def _click(qtbot, view, x, y):
    target = view.scene_view._vtk
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton,
                     pos=QPoint(int(round(x)), int(round(target.height() - 1 - y))))


def test_floor_picker_opens_one_floor_and_hides_the_others(view, scene, qtbot):
    picker = FloorPicker(view)
    qtbot.addWidget(picker)
    picker.show_building("T1")
    assert picker.floors() == list(range(18, 0, -1)) + [-1]
    sv = view.scene_view
    nine, three = xyz_of(scene, "sd-T1-9"), xyz_of(scene, "sd-T1-3")

    picker.choose("T1", 3)
    sv.camera_flight.finish()
    x, y = sv.world_to_display(three)
    assert 0 < x < W and 0 < y < H  # the camera frames the open floor
    assert sv.pick_at(x, y) == "sd-T1-3"
    assert pixel_distance(view, three, STATUS_RGB["normal"]) < 50  # not glass-tinted now

    picker.choose("T1", 9)
    sv.camera_flight.finish()
    assert picker.floor_list.currentItem().text() == picker.floor_label(9)
    assert pixel_distance(view, nine, STATUS_RGB["normal"]) < 50
    x, y = sv.world_to_display(three)
    assert 0 < x < W and 0 < y < H  # (floor 3 is below floor 9, still in the frame)
    # another floor's device is not drawn where it sits, nor picked there
    assert pixel_distance(view, three, STATUS_RGB["normal"], 2) > 80
    assert sv.pick_at(x, y) != "sd-T1-3"
    assert view.look.shown.sum() == 1

    picker.exit_button.click()
    assert view.look.shown.all()
    view.reset_view()
    x, y = sv.world_to_display(three)
    assert sv.pick_at(x, y) == "sd-T1-3"


def test_pick_building_and_floor_under_the_cursor(view, qtbot):
    sv = view.scene_view
    # the middle of T2's south face, 30 m up: floor 11 (30 m / 3 m per floor)
    x, y = sv.world_to_display((20.0, 10.0, 31.5))
    assert sv.pick_building(x, y) == ("T2", 11)
    gx, gy = sv.world_to_display((60.0, 40.0, 0.0))
    assert sv.pick_building(gx, gy) is None
    with qtbot.waitSignal(view.sig_building_picked, timeout=2000) as blocker:
        _click(qtbot, view, x, y)
    assert blocker.args == ["T2"]

    view.set_xray("T2", 2, frame=False)  # in x-ray, a click on a storey opens that storey
    with qtbot.waitSignal(view.sig_floor_picked, timeout=2000) as blocker:
        _click(qtbot, view, x, y)
    assert blocker.args == ["T2", 11]
    assert (sv.xray.building, sv.xray.floor) == ("T2", 11)
