"""VideoTile under a real X display: the frame lands where it should, NO SIGNAL, overlays,
drag-and-drop of a camera id, clicks."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from widgets.video_tile import TITLE_H, VideoTile, camera_from_mime, camera_mime

pytestmark = pytest.mark.gui


def _quadrants(h: int = 90, w: int = 160) -> np.ndarray:
    """Four solid quadrants (BGR): blue, green / red, white."""
    frame = np.zeros((h, w, 3), np.uint8)
    frame[: h // 2, : w // 2] = (255, 0, 0)
    frame[: h // 2, w // 2:] = (0, 255, 0)
    frame[h // 2:, : w // 2] = (0, 0, 255)
    frame[h // 2:, w // 2:] = (255, 255, 255)
    return frame


@pytest.fixture
def tile(qtbot):
    widget = VideoTile()
    qtbot.addWidget(widget)
    widget.resize(320, 180 + TITLE_H)
    widget.set_camera("CAM-01", "1栋北立面")
    widget.set_status("online", 15.0)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _rgb(image, x: float, y: float) -> tuple[int, int, int]:
    c = image.pixelColor(int(x), int(y))
    return c.red(), c.green(), c.blue()


def test_frame_is_drawn_scaled_with_bgr_colours(tile) -> None:
    tile.set_frame(_quadrants())
    image = tile.grab().toImage()
    r = tile.image_rect()
    assert r.top() >= TITLE_H
    q = lambda fx, fy: _rgb(image, r.x() + r.width() * fx, r.y() + r.height() * fy)  # noqa: E731
    assert q(0.25, 0.25) == (0, 0, 255)  # BGR blue shows blue
    assert q(0.75, 0.25) == (0, 255, 0)
    assert q(0.25, 0.75) == (255, 0, 0)
    assert q(0.75, 0.75) == (255, 255, 255)
    # image <-> widget mapping is the inverse pair the editors rely on
    x, y = tile.widget_to_image(tile.image_to_widget(40.0, 30.0))
    assert (round(x, 3), round(y, 3)) == (40.0, 30.0)
    assert tile.widget_to_image(QPointF(1, 1)) is None  # in the title bar


def test_non_contiguous_frame_and_no_signal(tile) -> None:
    tile.set_frame(_quadrants()[:, ::2])  # a strided view is copied once, not dangled
    assert tile.frame().flags["C_CONTIGUOUS"]
    tile.set_status("offline")
    image = tile.grab().toImage()
    r = tile.image_rect()
    # the last picture stays, dimmed, under NO SIGNAL
    assert sum(_rgb(image, r.x() + r.width() * 0.25, r.y() + 5)) < 255
    tile.set_frame(None)
    assert tile.widget_to_image(QPointF(100, 100)) is None


def test_overlays_paint_over_the_frame(tile) -> None:
    tile.set_frame(np.zeros((90, 160, 3), np.uint8))
    tile.set_overlays([("track", [(10, 10), (80, 45), (150, 80)], "")])
    image = tile.grab().toImage()
    p = tile.image_to_widget(80, 45)
    r, g, b = _rgb(image, p.x(), p.y())
    assert r > 200 and g > 150 and b < 80  # the bright track colour


def drop_camera(widget, camera_id: str, pos: QPoint | None = None) -> bool:
    """Deliver a real drag-enter then drop carrying ``camera_id`` (Qt ignores a drop on a
    widget that did not accept the drag's enter first, as in a real drag)."""
    pos = pos or QPoint(widget.width() // 2, widget.height() // 2)
    mime = camera_mime(camera_id)
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():  # PySide marks the QPoint constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def test_dropping_a_camera_id_emits_it(tile, qtbot) -> None:
    assert camera_from_mime(camera_mime("CAM-07")) == "CAM-07"
    with qtbot.waitSignal(tile.sig_camera_dropped) as blocker:
        assert drop_camera(tile, "CAM-07")
    assert blocker.args == ["CAM-07"]


def test_click_and_double_click(tile, qtbot) -> None:
    with qtbot.waitSignal(tile.sig_clicked):
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    with qtbot.waitSignal(tile.sig_maximise):
        qtbot.mouseDClick(tile, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
