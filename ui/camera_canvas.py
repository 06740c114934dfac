"""FrameCanvas: a frozen camera frame that reports clicks in image pixels, the drawing
surface of the mask editor and the facade calibrator.

It is a VideoTile without the title bar, drops or tile clicks: presses, drags and
double-clicks arrive as image coordinates, so the tools never deal with widget scaling.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtWidgets import QWidget

from widgets.video_tile import VideoTile


class FrameCanvas(VideoTile):
    sig_pressed = Signal(float, float)  # image pixels
    sig_dragged = Signal(float, float)
    sig_double_clicked = Signal(float, float)
    sig_key = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FrameCanvas")
        self.setAcceptDrops(False)
        self.set_title_visible(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setMinimumSize(480, 270)

    def _image_point(self, pos: QPointF) -> tuple[float, float] | None:
        return self.widget_to_image(pos)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.setFocus()
        point = self._image_point(event.position())
        if event.button() == Qt.MouseButton.LeftButton and point is not None:
            self.sig_pressed.emit(*point)
        event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        point = self._image_point(event.position())
        if event.buttons() & Qt.MouseButton.LeftButton and point is not None:
            self.sig_dragged.emit(*point)
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 (Qt override)
        point = self._image_point(event.position())
        if event.button() == Qt.MouseButton.LeftButton and point is not None:
            self.sig_double_clicked.emit(*point)
        event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        # Enter/Delete/Escape belong to the drawing, not to the dialog's default button
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Delete,
                           Qt.Key.Key_Backspace, Qt.Key.Key_Escape):
            self.sig_key.emit(event.key())
            event.accept()
            return
        super().keyPressEvent(event)

    def widget_scale(self) -> float:
        """Widget pixels per image pixel (for pick tolerances given in screen pixels)."""
        size = self.frame_size()
        return 1.0 if size is None else self.image_rect().width() / size.width()
