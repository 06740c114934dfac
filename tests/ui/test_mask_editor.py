"""The mask editor: clicks on a frozen frame become image-pixel polygons handed to the
manager; Delete removes the selected one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.vision.cameras import Overlay
from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from tests.ui.test_camera_wall_fakes import FakeCameraManager, camera_room, demo_scene
from ui.mask_editor import MaskEditor

pytestmark = pytest.mark.gui


@pytest.fixture
def editor(qtbot):
    manager = FakeCameraManager(demo_scene(2))
    manager.push("CAM-01", manager.latest("CAM-01").frame,
                 (Overlay("mask", ((10.0, 10.0), (60.0, 10.0), (60.0, 40.0)), "privacy"),))
    dialog = MaskEditor(camera_room(manager, manager.scene), "CAM-01", "1栋北立面")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _click(qtbot, canvas, x: float, y: float, double: bool = False) -> None:
    pos = canvas.image_to_widget(x, y).toPoint()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pos)
    if double:
        qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=pos)


def test_clicked_polygon_is_saved_in_image_pixels(editor, qtbot) -> None:
    canvas = editor.canvas
    assert editor.polygons["mask"] == [[(10.0, 10.0), (60.0, 10.0), (60.0, 40.0)]]
    scale = canvas.widget_scale()
    assert scale > 1.5  # a 320x180 frame drawn large: a click is within a pixel
    clicks = [(100.0, 50.0), (200.0, 50.0), (200.0, 150.0)]
    for x, y in clicks[:-1]:
        _click(qtbot, canvas, x, y)
    _click(qtbot, canvas, *clicks[-1], double=True)  # double-click closes it
    assert editor.draft == []
    new = editor.polygons["mask"][1]
    assert len(new) == 3
    for (gx, gy), (x, y) in zip(new, clicks, strict=True):
        assert abs(gx - x) <= 1 / scale + 0.1 and abs(gy - y) <= 1 / scale + 0.1
    # a shield zone, closed with Enter
    editor.shield_radio.setChecked(True)
    for x, y in ((250.0, 20.0), (300.0, 20.0), (300.0, 60.0), (250.0, 60.0)):
        _click(qtbot, canvas, x, y)
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert editor.isVisible()  # Enter closed the polygon, not the dialog
    assert len(editor.polygons["shield"]) == 1
    editor.save()
    manager = editor.room.cameras
    assert manager.masks["CAM-01"] == [[tuple(pt) for pt in p] for p in editor.polygons["mask"]]
    assert len(manager.masks["CAM-01"]) == 2 and len(manager.shields["CAM-01"][0]) == 4


def test_select_and_delete(editor, qtbot) -> None:
    canvas = editor.canvas
    _click(qtbot, canvas, 50.0, 15.0)  # inside the existing mask: selects it
    assert editor.selected == ("mask", 0) and editor.draft == []
    assert any(kind == "selected" for kind, _, _ in canvas.overlays())
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert editor.polygons["mask"] == []
    editor.save()
    assert editor.room.cameras.masks["CAM-01"] == []
