"""Alarm takeover on the wall in this process: a high alarm puts its nearest camera, its
place in 3D and its details on the reserved tiles, flashing while unacknowledged; the
acknowledgement gives back exactly what was there; a flood shows one summary instead of
flipping. Screenshots of each state go to the test's folder (and docs/ on request)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.alarms.model import Severity
from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from tests.ui.wall_fixtures import chinese, demo_room, virtual_clock, wall_file
from ui.wall.display import WallDisplay

pytestmark = [pytest.mark.gui, pytest.mark.timeout(180)]

SMOKE = "B03-F12-U1203-SMK"  # a smoke detector in building 3, 12th floor


def _shot(display, tmp_path: Path, name: str) -> Path:  # noqa: ANN001
    path = tmp_path / name
    assert display.grab_image().save(str(path))
    folder = os.environ.get("CONTROL_ROOM_WALL_SHOTS")  # regenerate docs/ pictures
    if folder:
        display.grab_image().save(str(Path(folder) / name))
    return path


@pytest.fixture
def wall(qtbot, qapp):
    clock = virtual_clock()
    room, cameras = demo_room(clock)
    with chinese(qapp):
        display = WallDisplay(room, wall_file(), clock=clock)
        for window in display.windows:
            qtbot.waitExposed(window)
        qtbot.wait(300)
        yield display, room, clock, qtbot
        display.close()
    room.close()


def _device(room, kind: str, n: int = 0) -> str:  # noqa: ANN001
    return [d.id for d in room.scene.devices if d.kind == kind][n]


def test_a_high_alarm_takes_the_reserved_tiles_and_the_acknowledgement_gives_them_back(
        wall, tmp_path):
    display, room, clock, qtbot = wall
    camera_tile = display.windows[0].tiles[1]
    details_tile = display.windows[1].tiles[0]
    overview = display.windows[0].tiles[0]
    _shot(display, tmp_path, "wall-preset.png")
    # a rotation step first, so the revert has something particular to restore
    clock.advance(5.0)
    display.tick()
    before = camera_tile.camera_id
    assert before == "CAM-02"
    pose = overview.view.camera_pose()
    device = _device(room, "smoke_detector", 40)
    room.alarms.raise_alarm(device, "event.smoke", Severity.CRITICAL, "smoke")
    qtbot.waitUntil(lambda: bool(display.board.active), timeout=2000)
    held = display.board.active[1]
    assert held.alarm.device_id == device
    xyz = room.scene.device_index()[device].location.xyz
    assert camera_tile.camera_id == room.cameras.nearest_camera(xyz)
    assert "烟" in camera_tile.video.banner()  # 烟感 (smoke), in Chinese
    assert overview.view.selected == device
    panel = details_tile._details  # noqa: SLF001
    assert panel.isVisible()
    text = panel.text()
    assert room.scene.device_index()[device].name in text
    # it flashes while unacknowledged: the edge alternates with the 1 Hz phase
    details_tile.set_flash(True)
    assert details_tile.flash
    qtbot.wait(900)  # let the fly-to finish before the picture
    _shot(display, tmp_path, "wall-takeover.png")
    # the rotation is held under the takeover
    clock.advance(30.0)
    display.tick()
    assert camera_tile.camera_id == room.cameras.nearest_camera(xyz)

    room.alarms.acknowledge(held.alarm.id, "张伟")
    qtbot.waitUntil(lambda: not display.board.active, timeout=2000)
    assert camera_tile.camera_id == before and camera_tile.video.banner() is None
    assert not panel.isVisible() and details_tile.held_by is None
    assert overview.view.selected is None
    assert display.stage.log[-1] == f"ended {held.alarm.id} (acknowledged)"
    qtbot.wait(1000)
    after = overview.view.camera_pose()
    assert after["focal"] == pytest.approx(pose["focal"], abs=1.0)
    _shot(display, tmp_path, "wall-revert.png")
    # the rotation goes on from where it was held
    clock.advance(5.0)
    display.tick()
    assert camera_tile.camera_id == "CAM-03"


def test_alarms_beyond_the_slot_queue_and_a_flood_shows_one_summary(wall, tmp_path):
    display, room, clock, qtbot = wall
    details_tile = display.windows[1].tiles[0]
    smokes = [d.id for d in room.scene.devices if d.kind == "smoke_detector"][:12]
    room.alarms.raise_alarm(smokes[0], "event.smoke", Severity.HIGH, "smoke")
    room.alarms.raise_alarm(smokes[1], "event.smoke", Severity.CRITICAL, "smoke")
    qtbot.waitUntil(lambda: len(display.board.queue) == 1, timeout=2000)
    assert display.board.active[1].alarm.device_id == smokes[0]  # it came first
    assert "1" in details_tile._details.text()  # "1 more alarms waiting"  # noqa: SLF001
    for device in smokes[2:10]:
        clock.advance(10)
        room.alarms.raise_alarm(device, "event.smoke", Severity.HIGH, "smoke")
    qtbot.waitUntil(lambda: display.board.flood is not None, timeout=2000)
    assert not display.board.active  # no flipping in a flood
    summary = details_tile._details  # noqa: SLF001
    assert summary.isVisible() and "10" in summary.text()
    qtbot.wait(300)
    _shot(display, tmp_path, "wall-flood.png")
    # the flood subsides as the window moves on; the queue takes the slot again
    clock.advance(600)
    display.tick()
    assert display.board.flood is None
    assert display.board.active[1].alarm.severity == Severity.CRITICAL
