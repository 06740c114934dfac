"""``control-room --wall [--wall-config WALL.toml] [--server URL]``: the video wall alone.

- Without ``--server``: the engine in this process on the embedded default (the demo
  compound and its simulator), seen through a read-only wall session. A one-PC compound
  that wants its desk *and* its wall runs the desk with ``--wall-config`` (the wall opens
  on the other screens) or uses the desk's Wall panel.
- With ``--server URL``: a read-only console of that server, signed in with a ``wall``
  account (``CONTROL_ROOM_USER`` / ``CONTROL_ROOM_PASSWORD`` for an unattended wall PC, or
  the sign-in dialog).

The wall file defaults to the demo's 2×2 sample (scenes/demo/wall.toml). A wall file that
does not fit the scene (a camera it names does not exist) is one line, exit 2.
``--screenshot FILE.png`` saves every monitor side by side once the wall has live data
(the README's picture), ``--quit-after S`` closes it.
"""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from app import paths
from app.config import ConfigError
from app.facade.session import Session, console_name
from app.security.roles import Grant, Role
from app.wall.checks import check_scene
from app.wall.model import WallFile, WallFileError, load_wall_file

log = logging.getLogger(__name__)

#: who a wall is in the process of a one-PC control room: it may do nothing
WALL_SESSION = Session(user="wall", display_name="大屏 WALL", grant=Grant(Role.WALL),
                       console=console_name("wall"), demo=True)
SCREENSHOT_SETTLE_MS = 4000


def wall_file_for(path: str | None) -> WallFile:
    try:
        return load_wall_file(path or paths.demo_scene_dir() / "wall.toml")
    except WallFileError as exc:
        raise ConfigError(str(exc)) from None


def check_fits(wall: WallFile, room) -> None:  # noqa: ANN001
    problem = check_scene(wall, [cam.id for cam in room.scene.cameras],
                          [d.id for d in room.scene.devices])
    if problem:
        raise ConfigError(f"wall file: {problem}")


def launch_wall(args: argparse.Namespace, config, wall: WallFile) -> int:  # noqa: ANN001
    """The wall alone; the QApplication, language and theme are set up by ui.launch."""
    from app.runtime.engine import Engine
    from app.scene.errors import SceneError
    from ui.launch import _quit_on_sigint, make_application

    app = make_application()
    engine = None
    if getattr(args, "server", None):
        from ui.rooms import console_room

        room = console_room(args.server, config)
        if room is None:
            return 0
        if room.session.role is not Role.WALL:
            log.warning("the wall is signed in as %s (%s); a wall account (role wall) "
                        "is meant for it", room.session.user, room.session.role.value)
    else:
        from app.facade.local import LocalControlRoom

        try:
            engine = Engine(config)
        except SceneError as exc:
            raise ConfigError(str(exc)) from exc
        engine.start()
        room = LocalControlRoom(engine, WALL_SESSION)
    try:
        check_fits(wall, room)
        from ui.wall.display import WallDisplay

        display = WallDisplay(room, wall)
        screenshot = getattr(args, "screenshot", None)
        quit_after = getattr(args, "quit_after", None)
        if screenshot:
            WallScreenshotJob(display, screenshot, quit_after or 60.0)
        elif quit_after:
            QTimer.singleShot(round(quit_after * 1000), app.quit)
        _quit_on_sigint(app)
        try:
            return app.exec()
        finally:
            display.close()
    finally:
        room.close()
        if engine is not None:
            engine.stop()


class WallScreenshotJob(QObject):
    """Save the whole wall once live data is on it (after a settle), then exit; 1 when no
    live data came within ``timeout_s`` (what was shown is saved anyway)."""

    def __init__(self, display, path: str, timeout_s: float) -> None:  # noqa: ANN001
        super().__init__(display)
        self.display, self.path, self.timeout_s = display, path, timeout_s
        self._done = False
        self._poll = QTimer(self)
        self._poll.setInterval(250)
        self._poll.timeout.connect(self._check)
        self._poll.start()
        QTimer.singleShot(round(timeout_s * 1000), lambda: self._finish(1))

    def _check(self) -> None:
        if self.display.room.link().live and self.display.room.store.version > 0:
            self._poll.stop()
            QTimer.singleShot(SCREENSHOT_SETTLE_MS, lambda: self._finish(0))

    def _finish(self, code: int) -> None:
        if self._done:
            return
        self._done = True
        if code:
            print(f"control-room: no live data on the wall within {self.timeout_s:g} s; saved "
                  f"it as it was to {self.path}", file=sys.stderr)
        if not self.display.grab_image().save(self.path):
            print(f"control-room: cannot write the screenshot {self.path}", file=sys.stderr)
            code = 1
        QCoreApplication.exit(code)
