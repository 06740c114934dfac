"""Start the GUI: config, QApplication, language, theme, engine, main window.

``launch(args)`` is what ``control-room`` runs without a subcommand. A bad config or scene
raises ConfigError, which the CLI prints as one line and exits 2. The engine is stopped
(its threads joined) however the event loop ends.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import time

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from app.cli import config_from_args
from app.config import ConfigError
from app.runtime.engine import Engine
from app.scene.errors import SceneError
from ui.i18n import choose_language, install_translators
from ui.main_window import SETTINGS_LANG, MainWindow
from ui.rooms import console_room, desk_room
from ui.screenshot import ScreenshotJob
from ui.theme import apply_theme

log = logging.getLogger(__name__)

APP_NAME = "control-room"
ORG_NAME = "SmartProperty"
DEFAULT_SCREENSHOT_TIMEOUT_S = 60.0
#: cameras start after the first live frame, or this long after the window when no live data
#: comes (a quiet broker): decoding 18 feeds at once used to delay the first frame by seconds
CAMERAS_AT_THE_LATEST_MS = 8000
#: how long a busy engine thread keeps the GIL while the GUI thread waits for it (Python's
#: default is 5 ms). Qt hands the GIL back and forth on every call into Python (an event
#: handler, a table's data()), so with the simulator's first batch in ingest the window's
#: show paid up to 5 ms per call: 0.5 s of waiting before the first frame. The price: two
#: pure-Python threads competing for the GIL take ~10 % more CPU while they compete (a
#: thread alone pays nothing); the window is what the operator waits for.
GUI_SWITCH_INTERVAL_S = 0.0005


def process_age_s() -> float:
    """Seconds since this process started (interpreter start included), Linux; else since
    this module was imported."""
    try:
        with open("/proc/self/stat") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as f:
            uptime = float(f.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _IMPORTED_AT


def rss_mb() -> float:
    """Resident memory now (MB); peak on systems without /proc."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_IMPORTED_AT = time.perf_counter()


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    return app


def launch(args: argparse.Namespace) -> int:
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    # loaded once by the CLI; a ConfigError propagates: the CLI prints it, exits 2
    config = getattr(args, "app_config", None) or config_from_args(args)
    wall_config = getattr(args, "wall_config", None)
    wall_file = None
    if getattr(args, "wall", False) or wall_config:  # a bad file: one line, exit 2, no window
        from app.wall.memory import limit_malloc_arenas
        from ui.wall.launch import wall_file_for

        wall_file = wall_file_for(wall_config)
        limit_malloc_arenas()  # before any engine thread: a wall runs for weeks
    app = make_application()
    settings = QSettings()
    lang = choose_language(getattr(args, "lang", None), config.ui.lang,
                           settings.value(SETTINGS_LANG))
    translators = install_translators(app, lang)  # noqa: F841 (kept alive for the app's life)
    apply_theme(app, config.ui.theme)
    if getattr(args, "wall", False):  # the wall alone (ui/wall/launch.py)
        from ui.wall.launch import launch_wall

        return launch_wall(args, config, wall_file)
    if wall_config:  # the desk's Wall panel controls this wall file, shown beside the desk
        from ui.wall.panel import use_wall_file

        use_wall_file(wall_config)
    screenshot = getattr(args, "screenshot", None)
    quit_after = getattr(args, "quit_after", None)
    engine: Engine | None = None
    session = None  # a training session, when --training
    if getattr(args, "training_progress", False):
        return _progress(app)
    if getattr(args, "training", None):
        session, room = _training(args, config)
        engine = session.engine
    elif getattr(args, "server", None):
        room = console_room(args.server, config)
        if room is None:  # the operator cancelled the sign-in
            return 0
    else:
        try:
            engine = Engine(config)
        except SceneError as exc:  # a user's scene folder: one line, exit 2, like a config
            raise ConfigError(str(exc)) from exc
        engine.start(cameras=False, source=False)  # both started below
        try:
            room = desk_room(engine, config)
        except BaseException:
            engine.stop()
            raise
        if room is None:
            engine.stop()
            return 0
    beside = None  # the wall on the desk's other screens (--wall-config)
    try:
        # a screenshot is for a README or a test: a fixed size, not the user's last layout
        window = MainWindow(room, settings=settings, lang=lang,
                            restore_state=not screenshot and session is None,
                            idle_lock_s=config.security.idle_lock_s,
                            workspace=getattr(args, "workspace", None)
                            or (_staff_workspace(session) if session else None))
        if engine is not None:
            engine.start_source()  # the window is built: the data may come in now
        view = window.compound_view
        panel = getattr(args, "panel", None)
        if panel:
            window.raise_panel(panel)
        signal_first = getattr(view, "sig_first_live_frame", None)
        if signal_first is not None:
            signal_first.connect(lambda: log.info(
                "first live frame %.2f s after start; RSS %.0f MB; %.2f s CPU",
                process_age_s(), rss_mb(), time.process_time()))
            if engine is not None:
                signal_first.connect(engine.cameras.start)  # idempotent
        if engine is not None:
            QTimer.singleShot(CAMERAS_AT_THE_LATEST_MS, engine.cameras.start)
        window.show()
        if wall_config:  # a one-PC control room: the wall on the desk's other screens
            from ui.wall.panel import open_wall_beside

            beside = open_wall_beside(window, room, wall_file)
        if screenshot:
            ScreenshotJob(window, view, screenshot,
                          quit_after if quit_after else DEFAULT_SCREENSHOT_TIMEOUT_S)
        elif quit_after:
            QTimer.singleShot(round(quit_after * 1000), window.close)
        _quit_on_sigint(app)
        return app.exec()
    finally:
        if beside is not None:  # before the room: a quit without closing the desk (Ctrl+C)
            beside.close()
        room.close()
        if session is not None:
            session.stop()  # scored; the result kept for the supervisor
        elif engine is not None:
            engine.stop()


def _training(args: argparse.Namespace, config):  # noqa: ANN001, ANN202
    """A training session in this process: the engine on the scenario, a desk for the
    trainee who may also drive the player."""
    import getpass

    from app.facade.local import LocalControlRoom
    from app.training.session import TrainingSession, desk_session

    trainee = args.trainee or getpass.getuser()
    session = TrainingSession.build(config, args.training, trainee=trainee)
    session.start(thread=True)
    try:
        return session, LocalControlRoom(session.engine, desk_session(trainee))
    except BaseException:
        session.stop(keep_result=False)
        raise


def _staff_workspace(session) -> str:  # noqa: ANN001
    """The workspace of the staff the scenario trains."""
    return {"guard": "security", "engineer": "engineering", "dispatcher": "dispatch"}.get(
        session.scenario.spec.staff, "supervision")


def _progress(app: QApplication) -> int:
    from ui.training.progress_view import ProgressWindow

    window = ProgressWindow()
    window.show()
    return app.exec()


def _quit_on_sigint(app: QApplication) -> QTimer:
    """Ctrl+C in the terminal closes the app cleanly (engine stopped) instead of being
    swallowed while Qt's C++ loop runs: a idle timer lets Python look at signals.

    The quit is queued, not called in the handler: Python runs a handler inside whatever
    Python code runs when the signal lands — often a callback from inside a VTK render —
    and Qt 6's quit() closes every window there and then, finalising the render window
    under the render in flight (the one-PC wall's segfault on Ctrl+C)."""
    signal.signal(signal.SIGINT, lambda *_: QTimer.singleShot(0, app.quit))
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)
    return timer
