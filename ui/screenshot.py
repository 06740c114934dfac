"""Whole-window screenshots, including the OpenGL 3D view.

``QWidget.grab()`` renders widgets through Qt's painter, which leaves the VTK (OpenGL)
viewport blank; so the 3D view's own frame (``grab_image()``, an HxWx3 array read back from
its render window) is painted over the view's rectangle in the window grab.
"""

from __future__ import annotations

import sys

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget


def array_to_image(rgb: np.ndarray) -> QImage:
    """An HxWx3 uint8 array as a QImage that owns its pixels."""
    rgb = np.ascontiguousarray(rgb[:, :, :3], dtype=np.uint8)
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def grab_window(window: QWidget, view: QWidget | None = None) -> QImage:
    """The window as the operator sees it: Qt widgets grabbed, the 3D view composited.

    The result has the window's logical size (device-pixel ratio folded in), so it matches
    ``window.size()`` on any screen.
    """
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(1.0)
    scale_x = image.width() / max(1, window.width())
    scale_y = image.height() / max(1, window.height())
    grab = getattr(view, "grab_image", None)
    if view is not None and grab is not None and view.isVisible():
        frame = grab()
        if frame is not None and frame.size:
            origin = view.mapTo(window, QPoint(0, 0))
            target = QRect(round(origin.x() * scale_x), round(origin.y() * scale_y),
                           round(view.width() * scale_x), round(view.height() * scale_y))
            painter = QPainter(image)
            # the render window may be in device pixels: scale it into the view's rectangle
            painter.drawImage(target, array_to_image(frame))
            painter.end()
    if image.width() != window.width() or image.height() != window.height():
        image = image.scaled(window.width(), window.height())
    return image


def save_window(window: QWidget, path: str, view: QWidget | None = None) -> bool:
    return grab_window(window, view).save(path)


class ScreenshotJob(QObject):
    """``--screenshot``: save the window once the 3D view has drawn live data, then exit.

    Exit code 0 after a live frame; 1 (with one line on stderr) when none came within
    ``timeout_s`` — what was on screen is saved anyway, so a broken run can be looked at.
    """

    def __init__(self, window: QWidget, view: QWidget, path: str, timeout_s: float,
                 settle_ms: int = 1500) -> None:
        super().__init__(window)
        self._window, self._view, self._path = window, view, path
        self._timeout_s = timeout_s
        self._settle_ms = settle_ms
        self._done = False
        signal = getattr(view, "sig_first_live_frame", None)
        if signal is not None:
            signal.connect(self._on_first_live_frame)
        QTimer.singleShot(round(timeout_s * 1000), self._on_timeout)

    def _on_first_live_frame(self) -> None:
        # a moment for the docks, status bar and a second 3D frame to settle
        QTimer.singleShot(self._settle_ms, lambda: self._finish(0))

    def _on_timeout(self) -> None:
        if not self._done:
            print(f"control-room: no live data drawn within {self._timeout_s:g} s; saved the "
                  f"window as it was to {self._path}", file=sys.stderr)
            self._finish(1)

    def _finish(self, code: int) -> None:
        if self._done:
            return
        self._done = True
        # a label that changed in this very tick (the status bar's counts) has asked for a
        # new layout that has not run yet: run it, and the layouts of its parents it asks
        # for in turn, or the shot shows its old, narrower width ("4,9 正")
        for _ in range(4):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QCoreApplication.processEvents()
        if not save_window(self._window, self._path, self._view):
            print(f"control-room: cannot write the screenshot {self._path}", file=sys.stderr)
            code = 1
        QCoreApplication.exit(code)
