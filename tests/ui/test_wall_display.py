"""The wall in this process on the demo compound (virtual time, fake cameras): a frameless
window per monitor with its preset's tiles; the schedule and the console in control switch
presets without leaving a 3D surface behind; groups rotate by their dwell and pinned tiles
never; a stalled feed is marked stale and restarted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication
from vtkmodules.qt.QVTKRenderWindowInteractor import QVTKRenderWindowInteractor

from app.facade.session import Session
from app.security.roles import Grant, Role
from app.wall.control import WallControl
from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from tests.ui.wall_fixtures import demo_room, virtual_clock, wall_file
from ui.wall.alarms_tile import AlarmsTile
from ui.wall.camera_tile import CameraTile
from ui.wall.display import WallDisplay
from ui.wall.kpi_tile import WallKpiTile
from ui.wall.overview_tile import OverviewTile

pytestmark = [pytest.mark.gui, pytest.mark.timeout(180)]

LI = Session("li.na", "李娜", Grant(Role.SUPERVISOR), "desk-1")


def vtk_widgets() -> int:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return sum(isinstance(w, QVTKRenderWindowInteractor) for w in QApplication.allWidgets())


@pytest.fixture
def wall(qtbot):
    clock = virtual_clock()
    room, cameras = demo_room(clock)
    display = WallDisplay(room, wall_file(), clock=clock)
    for window in display.windows:
        qtbot.waitExposed(window)
    yield display, room, cameras, clock
    display.close()
    room.close()


def kinds(window) -> list[type]:  # noqa: ANN001
    return [type(t) for t in window.tiles]


def test_each_monitor_is_a_frameless_window_in_its_place_with_its_preset(wall):
    display, *_ = wall
    left, right = display.windows
    assert left.monitor.id == "left" and right.monitor.id == "right"
    for window in display.windows:
        assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
        assert window.cursor().shape() == Qt.CursorShape.BlankCursor
        assert window.width() / window.height() == pytest.approx(1218 / 685, rel=0.02)
    # one screen for two monitors: side by side, the left one left
    assert left.geometry().right() < right.geometry().left()
    assert left.geometry().top() == right.geometry().top()
    assert display.preset == "day" and display.preset_reason == "schedule"
    assert kinds(left) == [OverviewTile, CameraTile]
    assert kinds(right) == [AlarmsTile, CameraTile, WallKpiTile]
    assert "白天" in left.status.text and right.status is None


def test_the_schedule_then_the_console_in_control_choose_the_preset(wall):
    display, room, _, clock = wall
    assert vtk_widgets() == 1  # the day preset's 3D overview
    clock.advance(7 * 3600)  # 19:00 in Shenzhen
    display.tick()
    assert display.preset == "night" and display.preset_reason == "schedule"
    assert kinds(display.windows[0]) == [CameraTile]
    assert vtk_widgets() == 0, "the 3D view of the day preset was left behind"
    room.wall = WallControl(clock)  # a room whose engine has wall control
    room.wall.take(LI, "main")
    room.wall.set_preset(LI, "main", "day")
    display.tick()
    assert display.preset == "day" and display.preset_reason == "console"
    assert "李娜" in display.status_text() and "desk-1" in display.status_text()
    assert vtk_widgets() == 1
    room.wall.release(LI, "main")
    display.tick()
    assert display.preset == "night" and display.preset_reason == "schedule"
    for _ in range(3):  # back and forth: nothing accumulates
        room.wall.take(LI, "main")
        room.wall.set_preset(LI, "main", "day")
        display.tick()
        room.wall.release(LI, "main")
        display.tick()
    assert vtk_widgets() == 0


def test_groups_rotate_by_their_dwell_and_a_pinned_tile_never(wall):
    display, _, cameras, clock = wall
    rotating = display.windows[0].tiles[1]
    pinned = display.windows[1].tiles[1]
    assert rotating.camera_id == "CAM-01" and pinned.camera_id == "CAM-09"
    changes, t0 = [], clock()
    for _ in range(int(31 / 0.25)):
        clock.advance(0.25)
        before = rotating.camera_id
        display.tick()
        if rotating.camera_id != before:
            changes.append((round(clock() - t0, 2), rotating.camera_id))
        display._on_frame()  # noqa: SLF001 (the frame timer's pull)
        assert pinned.camera_id == "CAM-09"
        # the tile holds the frame of the camera it shows, and only that
        assert rotating.video.frame() is cameras.latest(rotating.camera_id).frame
    assert changes == [(5.0, "CAM-02"), (10.0, "CAM-03"), (15.0, "CAM-01"), (20.0, "CAM-02"),
                       (25.0, "CAM-03"), (30.0, "CAM-01")]


def test_a_stalled_feed_is_marked_stale_restarted_and_live_again(wall):
    display, _, cameras, clock = wall
    tile = display.windows[1].tiles[1]  # CAM-09, pinned
    display._on_frame()  # noqa: SLF001
    assert tile.feed_live(clock())
    clock.advance(5.0)  # nothing new from CAM-09 for 5 s
    display.tick()
    assert not tile.feed_live(clock()) and tile.restarts == 0
    clock.advance(5.0)
    display.tick()
    assert tile.restarts == 1  # the watchdog started the feed afresh
    clock.advance(5.0)
    display.tick()
    assert tile.restarts == 1  # a restarted feed gets its full period first
    cameras.push("CAM-09", cameras.latest("CAM-09").frame.copy())
    display._on_frame()  # noqa: SLF001
    assert tile.feed_live(clock())


def test_a_camera_that_reports_itself_offline_is_never_called_live(wall):
    """The header must not say LIVE over NO SIGNAL, not even in the grace period a freshly
    shown camera gets before its first frame."""
    display, _, cameras, clock = wall
    tile = display.windows[1].tiles[1]  # CAM-09, pinned
    display._on_frame()  # noqa: SLF001
    display._on_slow()  # noqa: SLF001 (the 1 Hz status poll)
    assert tile.feed_live(clock())
    cameras.set_online("CAM-09", False)
    display._on_slow()  # noqa: SLF001
    assert not tile.feed_live(clock())  # frames less than a second old, but the camera is down
    cameras.set_online("CAM-09", True)
    display._on_slow()  # noqa: SLF001
    assert tile.feed_live(clock())
