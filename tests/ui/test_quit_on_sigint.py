"""Ctrl+C quits the GUI from its event loop, never inside the Python code the signal
happened to interrupt. Python runs a signal handler at the next line of Python, which in a
running desk or wall is mostly a callback from inside Qt or a VTK render; Qt 6's quit()
closes every window at once, so quitting there finalised a render window under the render
in flight (the one-PC wall crashed on Ctrl+C, tests/e2e/test_wall_screens.py)."""

from __future__ import annotations

import signal

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from ui.launch import _quit_on_sigint

pytestmark = [pytest.mark.gui, pytest.mark.timeout(60)]


def test_ctrl_c_inside_a_callback_closes_the_windows_only_after_it_returns(qapp):
    window = QWidget()
    window.setWindowTitle("desk")
    window.show()
    seen: dict[str, bool] = {}

    def callback() -> None:  # e.g. a render's observer, with the render on the stack
        signal.raise_signal(signal.SIGINT)  # the handler runs here, before the next line
        seen["window open after the handler"] = window.isVisible()

    previous = signal.getsignal(signal.SIGINT)
    idle = _quit_on_sigint(qapp)
    safety = QTimer()  # a handler that never quits would hang the test, not fail it
    safety.setSingleShot(True)
    safety.timeout.connect(qapp.quit)
    try:
        QTimer.singleShot(0, callback)
        safety.start(10_000)
        code = qapp.exec()
    finally:
        signal.signal(signal.SIGINT, previous)
        idle.stop()
        safety_fired = not safety.isActive()
        safety.stop()
    assert seen == {"window open after the handler": True}
    assert code == 0 and not window.isVisible()  # then it quit, closing the window
    assert not safety_fired
