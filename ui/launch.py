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
    # loaded once by the CLI; a ConfigError propagates: the CLI prints it, exits 2
    config = getattr(args, "app_config", None) or config_from_args(args)
    app = make_application()
    settings = QSettings()
    lang = choose_language(getattr(args, "lang", None), config.ui.lang,
                           settings.value(SETTINGS_LANG))
    translators = install_translators(app, lang)  # noqa: F841 (kept alive for the app's life)
    apply_theme(app, config.ui.theme)
    screenshot = getattr(args, "screenshot", None)
    quit_after = getattr(args, "quit_after", None)
    engine: Engine | None = None
    if getattr(args, "server", None):
        room = console_room(args.server, config)
        if room is None:  # the operator cancelled the sign-in
            return 0
    else:
        try:
            engine = Engine(config)
        except SceneError as exc:  # a user's scene folder: one line, exit 2, like a config
            raise ConfigError(str(exc)) from exc
        engine.start(cameras=False)  # started after the first live frame, below
        try:
            room = desk_room(engine, config)
        except BaseException:
            engine.stop()
            raise
        if room is None:
            engine.stop()
            return 0
    try:
        # a screenshot is for a README or a test: a fixed size, not the user's last layout
        window = MainWindow(room, settings=settings, lang=lang,
                            restore_state=not screenshot,
                            idle_lock_s=config.security.idle_lock_s,
                            workspace=getattr(args, "workspace", None))
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
        if screenshot:
            ScreenshotJob(window, view, screenshot,
                          quit_after if quit_after else DEFAULT_SCREENSHOT_TIMEOUT_S)
        elif quit_after:
            QTimer.singleShot(round(quit_after * 1000), window.close)
        _quit_on_sigint(app)
        return app.exec()
    finally:
        room.close()
        if engine is not None:
            engine.stop()


def _quit_on_sigint(app: QApplication) -> None:
    """Ctrl+C in the terminal closes the app cleanly (engine stopped) instead of being
    swallowed while Qt's C++ loop runs: a idle timer lets Python look at signals."""
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)
