"""The camera wall with a (fake) manager under Xvfb: frames in tiles, layouts, drag-and-drop,
a falling-object event popping its camera with the clip replaying, evidence export."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from tests.ui.test_camera_wall_fakes import (
    COLOURS,
    CameraEvent,
    FakeCameraManager,
    camera_room,
    demo_scene,
    drop_camera,
    write_clip,
)
from ui.camera_wall import CameraWall

pytestmark = pytest.mark.gui


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "wall.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def wall(qtbot, settings):
    scene = demo_scene()
    widget = CameraWall(camera_room(FakeCameraManager(scene), scene), settings=settings)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.stop()


def _centre_rgb(tile) -> tuple[int, int, int]:
    image = tile.grab().toImage()
    r = tile.image_rect()
    c = image.pixelColor(int(r.center().x()), int(r.center().y()))
    return c.red(), c.green(), c.blue()


def _bgr_to_rgb(bgr) -> tuple[int, int, int]:
    return bgr[2], bgr[1], bgr[0]


def test_tiles_show_their_cameras_frames(wall, qtbot) -> None:
    wall.set_layout("4")
    assert wall.assignment() == ["CAM-01", "CAM-02", "CAM-03", "CAM-04"]
    for index in range(4):
        qtbot.waitUntil(lambda i=index: wall.tiles[i].frame() is not None)
        assert _centre_rgb(wall.tiles[index]) == _bgr_to_rgb(COLOURS[index])
    assert wall.tiles[1]._title == "2栋北立面高空抛物"  # the scene's Chinese name
    assert wall.tiles[1].status() == "online"


def test_unchanged_frames_are_not_repainted_and_hidden_tiles_not_pulled(wall, qtbot) -> None:
    wall.set_layout("4")
    shown = []
    tile = wall.tiles[0]
    original = tile.set_frame
    tile.set_frame = lambda f: (shown.append(f), original(f))
    qtbot.wait(300)  # ~4 ticks with the same snapshot
    assert shown == []
    wall.manager.push("CAM-01", np.zeros((180, 320, 3), np.uint8))
    qtbot.waitUntil(lambda: len(shown) == 1)
    calls = wall.manager.latest_calls
    wall._refresh()
    assert wall.manager.latest_calls - calls == 4  # the 4 visible tiles, not 16


def test_layouts_switch_and_persist(wall, qtbot, settings) -> None:
    for name, count in (("1", 1), ("4", 4), ("9", 9), ("16", 16), ("1+5", 6)):
        wall.toolbar.layout_actions[name].trigger()
        qtbot.waitUntil(lambda c=count: sum(t.isVisible() for t in wall.tiles) == c)
    main, small = wall.tiles[0], wall.tiles[1]
    assert main.width() > 1.8 * small.width() and main.height() > 1.8 * small.height()
    wall.set_layout("9")
    again = CameraWall(wall.room, settings=settings)
    qtbot.addWidget(again)
    assert again.layout_name == "9" and again.assignment() == wall.assignment()
    again.stop()


def test_dropping_a_camera_on_a_tile_assigns_it(wall, qtbot, settings) -> None:
    wall.set_layout("4")
    assert drop_camera(wall.tiles[2], "CAM-08")
    assert wall.assignment() == ["CAM-01", "CAM-02", "CAM-08", "CAM-04"]
    qtbot.waitUntil(lambda: _centre_rgb(wall.tiles[2]) == _bgr_to_rgb(COLOURS[7]))
    # dropping a camera already on the wall swaps the two tiles
    drop_camera(wall.tiles[0], "CAM-08")
    assert wall.assignment() == ["CAM-08", "CAM-02", "CAM-01", "CAM-04"]
    assert '"CAM-08"' in settings.value("camera_wall/tiles")


def test_falling_object_pops_camera_with_banner_and_replays_clip(wall, qtbot, tmp_path) -> None:
    wall.set_layout("16")
    clip = write_clip(tmp_path / "clip.mp4")
    event = CameraEvent(id="ev1", camera_id="CAM-06", kind="falling_object", t=1.7e9,
                        data={"floor": 12, "column": 3, "track": [[0.0, 40.0, 30.0], [0.2, 42.0, 90.0]]},
                        clip_path=str(clip),
                        snapshot_path=None)
    frames = []
    wall.player.sig_frame.connect(lambda f: frames.append(f.copy()))
    wall.manager.emit_from_thread(event)  # delivered from a worker thread
    qtbot.waitUntil(lambda: wall.tiles[0].camera_id == "CAM-06")
    assert wall.layout_name == "1+5"  # a large main tile for the event
    assert wall.tiles[0].banner() == "Object thrown from height — floor 12, column 3"
    assert wall.event_bar.isVisible() and wall.event_bar.replay_button.isEnabled()
    qtbot.waitUntil(lambda: len(frames) >= 4, timeout=3000)
    assert wall.replaying and wall.tiles[0].frame() is not None
    assert ("track", [(40.0, 30.0), (42.0, 90.0)], "") in wall.tiles[0].overlays()
    assert not np.array_equal(frames[0], frames[3])  # the clip plays: frames change
    assert wall.events_list.events()[0] is event
    qtbot.waitUntil(lambda: not wall.replaying, timeout=3000)  # back to live after one pass
    qtbot.waitUntil(lambda: _centre_rgb(wall.tiles[0]) == _bgr_to_rgb(COLOURS[5]))
    wall.replay_clip()
    assert wall.replaying and wall.player.frames_shown >= 1


def test_export_evidence_calls_the_manager(wall, tmp_path) -> None:
    event = CameraEvent(id="ev9", camera_id="CAM-02", kind="falling_object", t=1.7e9,
                        data={"floor": 5}, clip_path=None, snapshot_path=None)
    wall.show_event(event)
    assert not wall.event_bar.replay_button.isEnabled()  # no clip yet
    path = wall.export_evidence(out_dir=tmp_path)
    assert wall.manager.exports == [("ev9", tmp_path)]
    assert path.exists() and str(path) in wall.message.text()


def test_show_camera_and_maximise(wall, qtbot) -> None:
    wall.set_layout("9")
    wall.show_camera("CAM-05")
    assert wall.assignment()[0] == "CAM-05" and wall.assignment()[4] == "CAM-01"
    assert wall.selected_camera() == "CAM-05"
    wall.toggle_maximise(2)
    assert wall.layout_name == "1" and wall.assignment() == ["CAM-03"]
    wall.toggle_maximise(0)
    assert wall.layout_name == "9" and wall.assignment()[0] == "CAM-05"


def test_offline_camera_shows_no_signal(wall, qtbot) -> None:
    wall.manager.set_online("CAM-01", False)
    qtbot.waitUntil(lambda: wall.tiles[0].status() == "offline")


def test_a_wall_saved_without_these_cameras_starts_with_the_cameras_in_order(
        qtbot, settings) -> None:
    # what a run with no cameras (cameras disabled, a server without them) left behind
    settings.setValue("camera_wall/tiles", json.dumps([None] * 16))
    settings.setValue("camera_wall/layout", "4")
    scene = demo_scene()
    wall = CameraWall(camera_room(FakeCameraManager(scene), scene), settings=settings)
    qtbot.addWidget(wall)
    try:
        assert wall.assignment() == ["CAM-01", "CAM-02", "CAM-03", "CAM-04"]
        wall.assign(0, "CAM-07")  # the operator's own wall
    finally:
        wall.stop()
    # a run with no cameras at all leaves the operator's wall as it was
    empty = CameraWall(camera_room(FakeCameraManager(demo_scene(0)), demo_scene(0)),
                       settings=settings)
    qtbot.addWidget(empty)
    empty.set_layout("1")
    empty.stop()
    again = CameraWall(camera_room(FakeCameraManager(scene), scene), settings=settings)
    qtbot.addWidget(again)
    try:
        assert again.assignment() == ["CAM-07", "CAM-02", "CAM-03", "CAM-04"]
    finally:
        again.stop()
