"""The zone editor: clicks on a frozen frame become a named zone of a kind, saved through
the room into the camera's settings; a zone the engine refuses stays open with the reason."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.alarms.book import AlarmBook
from app.domain.model import Camera
from app.facade.parts import PartsRoom
from app.vision.cameras import CameraManager
from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from ui.zone_editor import ZoneEditor

pytestmark = pytest.mark.gui


@pytest.fixture
def manager(tmp_path) -> CameraManager:
    cam = Camera(id="CAM-G", name="花园", xyz=(0, 0, 6), yaw_deg=0, pitch_deg=-30, stream=None)
    return CameraManager([cam], book=AlarmBook(), evidence_dir=tmp_path / "ev",
                         demo_feeds_dir=None, settings_file=tmp_path / "s.json")


def _editor(qtbot, manager) -> ZoneEditor:
    frame = np.full((360, 640, 3), 90, np.uint8)
    dialog = ZoneEditor(PartsRoom(book=manager.book, cameras=manager), "CAM-G", "花园",
                        frame=frame)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _draw(qtbot, dialog, points) -> None:
    canvas = dialog.canvas
    for x, y in points:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton,
                         pos=canvas.image_to_widget(x, y).toPoint())
    qtbot.keyClick(canvas, Qt.Key.Key_Return)


def test_drawn_zone_is_saved_with_its_name_and_kind(qtbot, manager) -> None:
    dialog = _editor(qtbot, manager)
    _draw(qtbot, dialog, [(100, 200), (300, 200), (300, 340), (100, 340)])
    assert dialog.zone_list.count() == 1
    dialog.zone_name.setText("消防通道A")
    dialog.zone_name.textEdited.emit("消防通道A")
    dialog.zone_kind.setCurrentIndex(dialog.zone_kind.findData("fire_lane"))
    dialog.persist.setValue(24.0)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    zones = manager.settings("CAM-G").construction
    (zone,) = zones.zones
    assert (zone.kind, zone.name) == ("fire_lane", "消防通道A")
    assert abs(zone.polygon_px[0][0] - 100) <= 2 and abs(zone.polygon_px[2][1] - 340) <= 2
    assert zones.min_persist_s == 24 * 3600.0
    again = _editor(qtbot, manager)  # reopened: the saved zone is there to edit
    assert again.zone_list.count() == 1 and again.meta[0]["name"] == "消防通道A"


def test_a_zone_the_engine_refuses_keeps_the_dialog_open(qtbot, manager) -> None:
    dialog = _editor(qtbot, manager)
    _draw(qtbot, dialog, [(100, 200), (300, 200), (300, 340)])
    _draw(qtbot, dialog, [(400, 200), (500, 200), (500, 300)])
    for m in dialog.meta:
        m["id"] = "same"  # two zones of one id: the engine names the problem
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "used twice" in dialog.hint.text()
    assert manager.settings("CAM-G").construction is None
