"""Whole-window screenshots: the 3D view's own frame is composited over its place in the
window grab, and ``ScreenshotJob`` exits 0 after a live frame, 1 on timeout."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from ui import screenshot
from ui.screenshot import ScreenshotJob, grab_window

pytestmark = pytest.mark.gui

MAGENTA = (255, 0, 255)


class FakeView(QLabel):
    """Stands in for CompoundView: a GL view whose pixels QWidget.grab() cannot see."""

    sig_first_live_frame = Signal()

    def grab_image(self) -> np.ndarray:
        frame = np.zeros((self.height(), self.width(), 3), np.uint8)
        frame[:] = MAGENTA
        return frame


@pytest.fixture
def window(qtbot):
    win = QMainWindow()
    view = FakeView("3D")
    win.setCentralWidget(view)
    win.setMenuWidget(QLabel("menu"))
    win.resize(640, 400)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win, view


def test_view_frame_is_composited_at_its_place(window):
    win, view = window
    image = grab_window(win, view)
    assert (image.width(), image.height()) == (win.width(), win.height())
    origin = view.mapTo(win, view.rect().center())
    assert image.pixelColor(origin).getRgb()[:3] == MAGENTA
    assert image.pixelColor(2, 2).getRgb()[:3] != MAGENTA  # the menu is not covered


@pytest.fixture
def exits(monkeypatch):
    codes: list[int] = []
    monkeypatch.setattr(screenshot.QCoreApplication, "exit", staticmethod(codes.append))
    return codes


def test_job_saves_after_the_first_live_frame(window, qtbot, tmp_path, exits):
    win, view = window
    out = tmp_path / "shot.png"
    ScreenshotJob(win, view, str(out), timeout_s=30, settle_ms=10)
    view.sig_first_live_frame.emit()
    qtbot.waitUntil(lambda: exits == [0])
    assert QImage(str(out)).width() == win.width()


def test_job_times_out_with_exit_1_and_saves_anyway(window, qtbot, tmp_path, exits, capsys):
    win, _ = window
    out = tmp_path / "shot.png"
    ScreenshotJob(win, QWidget(), str(out), timeout_s=0.2)
    qtbot.waitUntil(lambda: exits == [1])
    assert out.is_file()
    assert "no live data drawn within 0.2 s" in capsys.readouterr().err
