"""Ctrl+C quits the GUI from its event loop, never inside the Python code the signal
happened to interrupt. Python runs a signal handler at the next line of Python, which in a
running desk or wall is mostly a callback from inside Qt or a VTK render; Qt 6's quit()
closes every window at once, so quitting there finalised a render window under the render
in flight (the one-PC wall crashed on Ctrl+C, tests/e2e/test_wall_screens.py).

In a process of its own: an application that has quit stays quitting, which would break
every GUI test after this one in the same process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from tests.fixtures.display import x_display  # noqa: F401  (fixture)

pytestmark = [pytest.mark.gui, pytest.mark.timeout(120)]

PROBE = textwrap.dedent("""
    import json, signal, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget
    from ui.launch import _quit_on_sigint

    app = QApplication([])
    window = QWidget()
    window.show()
    seen = {}

    def callback():  # e.g. a render's observer, with the render on the stack
        signal.raise_signal(signal.SIGINT)  # the handler runs here, before the next line
        seen["window open after the handler"] = window.isVisible()

    _quit_on_sigint(app)
    QTimer.singleShot(0, callback)
    QTimer.singleShot(10_000, lambda: (seen.update(timeout=True), app.quit()))
    code = app.exec()
    seen["exit"] = code
    seen["window open after the quit"] = window.isVisible()
    print(json.dumps(seen))
""")


def test_ctrl_c_inside_a_callback_closes_the_windows_only_after_it_returns(x_display):  # noqa: F811
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": x_display}
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         timeout=90, env=env, cwd=os.getcwd())
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen == {"window open after the handler": True, "exit": 0,
                    "window open after the quit": False}
