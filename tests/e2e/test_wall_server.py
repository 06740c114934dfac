"""The wall as a read-only console of a real ``control-room serve`` fed by a real
Mosquitto: a smoke alarm takes over the wall's reserved tiles; a guard at a console in
another process acknowledges it and the wall gives the tiles back within seconds; a
supervisor's console takes control and chooses the night preset, which the wall shows
(``Delta.extra["wall"]``), and releases it; eleven alarms in a minute are a flood: one
summary instead of flipping. The wall's own account may do nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from app.client.remote import RemoteControlRoom
from app.facade import commands as c
from app.facade.errors import CommandRefused
from app.security.roles import Role
from bench.control_server import ControlRoomServer
from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from tests.ui.wall_fixtures import chinese, wall_file
from ui.wall.display import WallDisplay

pytestmark = [pytest.mark.gui, pytest.mark.broker, pytest.mark.timeout(300)]

WALL = ("大屏", "Wall!pass1")
GUARD = ("张伟", "Zhang!wei1")
SUPERVISOR = ("li.na", "Li!passw0rd")

ACKNOWLEDGE = """
import sys
from app.client.remote import RemoteControlRoom
from app.facade.commands import AcknowledgeAlarm
url, user, password, alarm_id = sys.argv[1:5]
room = RemoteControlRoom.sign_in(url, user, password, console="desk-2", first_snapshot_s=30)
try:
    room.execute(AcknowledgeAlarm(alarm_id=alarm_id, note="已到现场"))
finally:
    room.close()
"""


def _shot(display, tmp_path: Path, name: str) -> None:  # noqa: ANN001
    image = display.grab_image()
    assert image.save(str(tmp_path / name))
    folder = os.environ.get("CONTROL_ROOM_WALL_SHOTS")  # regenerate docs/ pictures
    if folder:
        image.save(str(Path(folder) / name))


@pytest.fixture
def server(tmp_path, mqtt_broker):
    srv = ControlRoomServer(tmp_path / "server", broker=mqtt_broker.url)
    srv.env["CONTROL_ROOM__CAMERAS__ENABLED"] = "false"
    srv.add_user(*WALL, "wall")
    srv.add_user(*GUARD, "guard")
    srv.add_user(*SUPERVISOR, "supervisor")
    srv.start()
    yield srv
    srv.stop()


def test_takeover_revert_at_another_console_control_and_flood(qtbot, qapp, server,
                                                               mqtt_broker, tmp_path):
    wall_room = RemoteControlRoom.sign_in(server.url, *WALL, console="wall-pc",
                                          first_snapshot_s=30)
    desk = RemoteControlRoom.sign_in(server.url, *SUPERVISOR, console="desk-1",
                                     first_snapshot_s=30)
    device = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="detectors")
    device.connect("127.0.0.1", mqtt_broker.port)
    device.loop_start()
    display = None
    speaking = chinese(qapp)
    speaking.__enter__()
    try:
        assert wall_room.session.role is Role.WALL
        with pytest.raises(CommandRefused):  # the engine refuses the wall everything
            wall_room.execute(c.TakeWallControl())
        display = WallDisplay(wall_room, wall_file(schedule=False))
        for window in display.windows:
            qtbot.waitExposed(window)
        detectors = [d.id for d in wall_room.scene.devices if d.kind == "smoke_detector"]

        def smoke(device_id: str) -> None:
            body = {"ts": int(time.time() * 1000), "kind": "smoke", "data": {}}
            device.publish(f"cr/demo/dev/{device_id}/event", json.dumps(body),
                           qos=1).wait_for_publish()

        qtbot.wait(1500)
        _shot(display, tmp_path, "wall-server-preset.png")
        smoke(detectors[40])
        qtbot.waitUntil(lambda: bool(display.board.active), timeout=10_000)
        held = display.board.active[1].alarm
        assert held.device_id == detectors[40] and held.acknowledged_at is None
        panel = display.windows[1].tiles[0]._details  # noqa: SLF001
        assert panel.isVisible()
        qtbot.wait(1200)
        _shot(display, tmp_path, "wall-server-takeover.png")

        sent = time.monotonic()
        ack = subprocess.run([sys.executable, "-c", ACKNOWLEDGE, server.url, *GUARD, held.id],
                             capture_output=True, text=True, timeout=120, env=os.environ)
        assert ack.returncode == 0, ack.stderr[-2000:]
        qtbot.waitUntil(lambda: not display.board.active, timeout=5000)
        assert time.monotonic() - sent < 60  # the other process, signed in, acknowledged
        assert display.stage.log[-1] == f"ended {held.id} (acknowledged)"
        assert not panel.isVisible()
        assert wall_room.alarms.get(held.id).acknowledged_by == GUARD[0]
        qtbot.wait(1200)
        _shot(display, tmp_path, "wall-server-revert.png")

        desk.execute(c.TakeWallControl())
        desk.execute(c.SetWallPreset(preset="night"))
        qtbot.waitUntil(lambda: display.preset == "night", timeout=5000)
        assert display.preset_reason == "console" and "li.na" in display.status_text()
        desk.execute(c.ReleaseWall())
        qtbot.waitUntil(lambda: display.preset == "day", timeout=5000)

        for device_id in detectors[41:52]:
            smoke(device_id)
        qtbot.waitUntil(lambda: display.board.flood is not None, timeout=15_000)
        assert not display.board.active
        assert display.board.flood.in_window >= 10
        details = display.windows[1].tiles[0]  # the day preset's tiles were built anew
        qtbot.waitUntil(lambda: details._details is not None  # noqa: SLF001
                        and details._details.isVisible(), timeout=2000)  # noqa: SLF001
        qtbot.wait(1200)
        _shot(display, tmp_path, "wall-server-flood.png")
    finally:
        if display is not None:
            display.close()
        speaking.__exit__(None, None, None)
        device.loop_stop()
        desk.close()
        wall_room.close()
