"""The facade calibrator: four clicks and the counts make the Facade the manager receives."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.vision.facade import Facade
from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from tests.ui.test_camera_wall_fakes import FakeCameraManager, camera_room, demo_scene
from ui.facade_calibrator import FacadeCalibrator

pytestmark = pytest.mark.gui

CORNERS = [(100.0, 20.0), (220.0, 30.0), (230.0, 170.0), (90.0, 160.0)]


def test_four_clicks_build_the_facade(qtbot) -> None:
    manager = FakeCameraManager(demo_scene(2))
    dialog = FacadeCalibrator(camera_room(manager, manager.scene), "CAM-02", "2栋北立面")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    canvas = dialog.canvas
    assert not dialog.save_button.isEnabled()
    assert "top-left" in dialog.prompt.text()
    for x, y in CORNERS:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton,
                         pos=canvas.image_to_widget(x, y).toPoint())
    dialog.floors.setValue(12)
    dialog.columns.setValue(4)
    dialog.lowest_floor.setValue(2)
    # the preview: 13 storey lines + 5 column lines, the lowest storey labelled "2"
    grid = [o for o in canvas.overlays() if o[0] == "facade"]
    assert len(grid) == 13 + 5 and grid[0][2] == "2"
    assert dialog.save_button.isEnabled()
    dialog.save()
    facade = manager.facades["CAM-02"]
    assert isinstance(facade, Facade)
    assert (facade.floors, facade.columns, facade.lowest_floor) == (12, 4, 2)
    tol = 1 / canvas.widget_scale() + 0.1
    for (fx, fy), (x, y) in zip(facade.corners_px, CORNERS, strict=True):
        assert abs(fx - x) <= tol and abs(fy - y) <= tol
    # the clicked bottom-left corner is floor 2, column 1
    assert facade.cell(92.0, 158.0) == (2, 1)


def test_degenerate_corners_cannot_be_saved(qtbot) -> None:
    manager = FakeCameraManager(demo_scene(1))
    dialog = FacadeCalibrator(camera_room(manager, manager.scene), "CAM-01")
    qtbot.addWidget(dialog)
    dialog.corners = [(10.0, 10.0), (50.0, 10.0), (90.0, 10.0), (130.0, 10.0)]  # a line
    dialog._update()
    assert not dialog.save_button.isEnabled()
    assert "do not make a facade" in dialog.prompt.text()
