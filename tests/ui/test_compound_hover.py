# ruff: noqa: F811  (pytest fixtures imported from test_compound_fixtures)
"""Hover tooltips in the 3D view: real mouse moves over the VTK widget, a pick only once the
pointer rests, the words from the live state; nothing while the camera is dragged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QToolTip

from app.alarms.book import AlarmBook
from app.alarms.model import Severity
from tests.ui.test_compound_fixtures import (  # noqa: F401  (fixtures)
    scene,
    store,
    view,
    x_display,
    xyz_of,
)
from ui.bridge import RoomBridge
from widgets.scene_pointer import REST_MS

pytestmark = pytest.mark.gui


def _widget_pos(view, xyz) -> QPoint:
    sv = view.scene_view
    x, y = sv.world_to_display(xyz)
    return QPoint(int(round(x)), int(round(sv._vtk.height() - 1 - y)))


def _move(target, pos: QPoint, held=Qt.MouseButton.NoButton) -> None:
    """A real mouse-move event to the VTK widget (QTest.mouseMove would carry the button
    of an earlier test's click along under xcb)."""
    local = QPointF(pos)
    QApplication.sendEvent(target, QMouseEvent(
        QEvent.Type.MouseMove, local, QPointF(target.mapToGlobal(local)),
        Qt.MouseButton.NoButton, held, Qt.KeyboardModifier.NoModifier))


def _hover(view, qtbot, xyz, expect: str) -> str:
    """Move the mouse onto ``xyz``, let it rest, return the tooltip shown."""
    target = view.scene_view._vtk
    _move(target, _widget_pos(view, xyz) + QPoint(25, 0))  # from somewhere else
    qtbot.wait(REST_MS // 4)
    _move(target, _widget_pos(view, xyz))
    qtbot.waitUntil(lambda: expect in QToolTip.text(), timeout=3000)
    assert QToolTip.isVisible()
    assert view.tips.text == QToolTip.text()
    return QToolTip.text()


def test_device_tooltip_names_it_and_shows_its_live_value(view, store, qtbot):
    store.apply_values("sd-T1-3", {"temp_c": 42.5}, ts=2.0)
    view.refresh()
    text = _hover(view, qtbot, xyz_of(view.scene, "sd-T1-3"), "1栋 3层 烟感")
    assert "sd-T1-3" in text and "Smoke detector" in text
    assert "1栋" in text and "Floor 3" in text and "Room 301" in text
    assert "42.50 °C" in text and "Status: Normal" in text
    # the value is read when the pointer rests, not when the view was built
    store.apply_values("sd-T1-3", {"temp_c": 71.0}, ts=3.0)
    view.refresh()
    text = _hover(view, qtbot, xyz_of(view.scene, "sd-T1-3"), "71")
    assert "71 °C" in text and "Status: Warning" in text


def test_alarmed_device_tooltip_carries_the_alarm(view, qtbot):
    book = AlarmBook()
    view.attach_alarms(book, RoomBridge.of(book))
    book.raise_alarm("mh-3", "temp_c.high", Severity.CRITICAL, "too hot")
    qtbot.waitUntil(lambda: view.look.severity[view.device_index("mh-3")] > 0, timeout=2000)
    text = _hover(view, qtbot, xyz_of(view.scene, "mh-3"), "井盖3")
    assert "Alarm: Critical" in text and "Temperature too high" in text
    assert "unacknowledged" in text


def test_building_camera_and_technician_tooltips(view, qtbot):
    text = _hover(view, qtbot, (20.0, 10.0, 60.0), "2栋")  # T2's south face, no device
    assert "(T2)" in text and "Residential" in text and "26 floors" in text
    assert "Under the pointer: Floor" in text
    text = _hover(view, qtbot, xyz_of(view.scene, "CAM-1"), "摄像机1")
    assert "Click to open its feed" in text
    view.set_technician_positions({"T07": (50.0, 30.0, 0.5)})
    assert "Technician T07" in _hover(view, qtbot, (50.0, 30.0, 0.5), "T07")


def test_no_pick_while_the_mouse_moves_or_drags(view, qtbot):
    sv = view.scene_view
    target = sv._vtk
    pointer = sv.pointer
    start = _widget_pos(view, xyz_of(view.scene, "mh-1"))
    picks = pointer.hover_picks
    for step in range(6):  # a sweep faster than the rest time: no pick on the way
        _move(target, start + QPoint(3 * (5 - step), 0))  # ends on mh-1
        qtbot.wait(REST_MS // 4)
    assert pointer.hover_picks == picks
    qtbot.waitUntil(lambda: pointer.hover_picks == picks + 1, timeout=2000)  # rested: one
    qtbot.waitUntil(lambda: bool(view.tips.text), timeout=2000)
    # a drag: the press withdraws the tooltip and moves with the button held pick nothing
    qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=start)
    picks = pointer.hover_picks
    pose = view.camera_pose()
    for step in range(1, 6):
        _move(target, start + QPoint(0, 12 * step), held=Qt.MouseButton.LeftButton)
        qtbot.wait(REST_MS // 2)
    qtbot.wait(3 * REST_MS)
    assert view.camera_pose() != pose  # the moves did reach VTK: the camera turned
    assert pointer.hover_picks == picks
    assert view.tips.text == "" and not QToolTip.isVisible()
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=start + QPoint(0, 60))
