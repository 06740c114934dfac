"""An instructor at a second console of a training server: a real ``control-room serve
--training`` with two consoles signed in (RemoteControlRoom), the instructor driving the
player, the trainee acting; each sees the other through the streamed training status.
"""

from __future__ import annotations

import time

import pytest

from app import paths
from app.client.remote import RemoteControlRoom
from app.facade import commands as c
from app.facade.errors import CommandRefused
from bench.control_server import CLI, ControlRoomServer
from tests.fixtures.waiting import wait_until

pytestmark = pytest.mark.timeout(300)

SCENARIO = paths.demo_scene_dir() / "training" / "flood-power-cut.toml"
INSTRUCTOR = ("lao.zhang", "Lao!zhang1")
TRAINEE = ("xiao.li", "Xiao!li2026")


class TrainingServer(ControlRoomServer):
    """``serve --training``: no database of its own (training refuses one); accounts are
    the training home's (``<data>/training/training.db``), copied into the session."""

    def command(self) -> list[str]:
        return [*CLI, "serve", "--listen", f"127.0.0.1:{self.port}", "--stats-every", "5",
                "--training", str(SCENARIO)]


@pytest.fixture
def server(tmp_path):
    home = tmp_path / "server" / "data" / "training"
    home.mkdir(parents=True)
    srv = TrainingServer(tmp_path / "server", db_url=f"sqlite:///{home / 'training.db'}")
    srv.env["CONTROL_ROOM__CAMERAS__ENABLED"] = "false"
    srv.add_user(*INSTRUCTOR, "instructor")
    srv.add_user(*TRAINEE, "trainee")
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def _status(room) -> dict:  # noqa: ANN001
    return room.extra.get("training") or {}


def _act(room, command):  # noqa: ANN001, ANN202
    """A console's command once its link is up: a console refuses commands at once while it
    reconnects (after 1.5 s without the server's beat, which a loaded machine can cause
    while the server replays at 10x); a blip is not what this test is about."""
    assert wait_until(lambda: room.connected, timeout=30), "the console's link stayed down"
    return room.execute(command)


def test_the_instructor_drives_the_run_and_sees_the_trainee_act(server):
    instructor = RemoteControlRoom.sign_in(server.url, *INSTRUCTOR, console="instructor",
                                           first_snapshot_s=30)
    trainee = RemoteControlRoom.sign_in(server.url, *TRAINEE, console="trainee",
                                        first_snapshot_s=30)
    try:
        assert trainee.session.training and instructor.session.training
        assert wait_until(lambda: _status(trainee).get("scenario_id") == "flood-power-cut",
                          timeout=15)
        assert not _status(trainee)["playing"]  # a training server starts paused
        with pytest.raises(CommandRefused):  # the trainee does not drive the player
            _act(trainee, c.TrainingPlay())

        _act(instructor, c.TrainingSpeed(speed=10))
        _act(instructor, c.TrainingPlay())
        assert wait_until(lambda: _status(trainee).get("playing")
                          and _status(trainee)["at"] - _status(trainee)["start"] >= 70,
                          timeout=60), "the run plays at 10x on the trainee's console"
        _act(instructor, c.TrainingPause())
        trip = next(a for a in trainee.alarms.open_alarms() if a.type == "event.trip")
        _act(trainee, c.AcknowledgeAlarm(alarm_id=trip.id))
        _act(instructor, c.TrainingAnnotate(text="确认及时"))

        def seen() -> bool:
            status = _status(instructor)
            return (any(a["command"] == "alarm.acknowledge" and a["user"] == TRAINEE[0]
                        for a in status.get("actions", []))
                    and any(n["text"] == "确认及时" for n in status.get("notes", [])))
        assert wait_until(seen, timeout=10), _status(instructor).get("actions")
        paused_at = _status(trainee)["at"]
        time.sleep(1.0)
        assert _status(trainee)["at"] == paused_at and not _status(trainee)["playing"]
    finally:
        trainee.close()
        instructor.close()
