"""BeforeAfterSlider: two pictures of the same view, the earlier left of a divider the
operator drags (or moves with the arrow keys), the later right of it — the quickest way to
see what changed. An outline (image pixels) marks where the change is on both sides.
Presentational: it takes numpy BGR arrays and text, nothing of the engine.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from widgets.video_tile import frame_to_qimage

_HANDLE = QColor(255, 255, 255)
_OUTLINE = QColor(231, 76, 60)
KEY_STEP = 0.05


class BeforeAfterSlider(QWidget):
    sig_moved = Signal(float)  # divider position, 0 (all after) .. 1 (all before)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BeforeAfterSlider")
        self.setMinimumSize(320, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.SplitHCursor)
        self._before = self._after = None
        self._arrays: tuple = ()
        self._outline: list[tuple[float, float]] = []
        self._labels = ("", "")
        self.position = 0.5

    def set_images(self, before: np.ndarray | None, after: np.ndarray | None) -> None:
        """Both BGR uint8; ``after`` is shown at ``before``'s size when they differ."""
        arrays = [None if a is None else np.ascontiguousarray(a) for a in (before, after)]
        self._arrays = tuple(arrays)  # the QImages view this memory
        self._before = None if arrays[0] is None else frame_to_qimage(arrays[0])
        self._after = None if arrays[1] is None else frame_to_qimage(arrays[1])
        self.update()

    def set_outline(self, points: Sequence[tuple[float, float]]) -> None:
        self._outline = [tuple(p) for p in points]
        self.update()

    def set_labels(self, before: str, after: str) -> None:
        self._labels = (before, after)
        self.update()

    def set_position(self, position: float) -> None:
        self.position = min(1.0, max(0.0, float(position)))
        self.sig_moved.emit(self.position)
        self.update()

    def has_images(self) -> bool:
        return self._before is not None and self._after is not None

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(640, 360)

    def image_rect(self) -> QRectF:
        ref = self._before or self._after
        if ref is None:
            return QRectF(self.rect())
        scale = min(self.width() / ref.width(), self.height() / ref.height())
        w, h = ref.width() * scale, ref.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    # ---- painting and input ---------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(14, 18, 24))
        area = self.image_rect()
        if not self.has_images():
            p.end()
            return
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        split = area.x() + area.width() * self.position
        p.drawImage(area, self._after)
        p.save()
        p.setClipRect(QRectF(area.x(), area.y(), split - area.x(), area.height()))
        p.drawImage(area, self._before)
        p.restore()
        if len(self._outline) >= 3:
            sx = area.width() / self._before.width()
            sy = area.height() / self._before.height()
            poly = QPolygonF([QPointF(area.x() + x * sx, area.y() + y * sy)
                              for x, y in self._outline])
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(QPen(_OUTLINE, 2, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolygon(poly)
        p.setPen(QPen(_HANDLE, 2))
        p.drawLine(QPointF(split, area.top()), QPointF(split, area.bottom()))
        p.setBrush(_HANDLE)
        p.drawEllipse(QPointF(split, area.center().y()), 7, 7)
        self._paint_label(p, area, self._labels[0], left=True)
        self._paint_label(p, area, self._labels[1], left=False)
        p.end()

    def _paint_label(self, p: QPainter, area: QRectF, text: str, left: bool) -> None:
        if not text:
            return
        font = QFont(self.font())
        font.setBold(True)
        p.setFont(font)
        box = QRectF(area.x() + 6, area.y() + 6, area.width() - 12, 22)
        align = Qt.AlignmentFlag.AlignLeft if left else Qt.AlignmentFlag.AlignRight
        p.setPen(QColor(0, 0, 0, 220))
        p.drawText(box.translated(1, 1), align | Qt.AlignmentFlag.AlignTop, text)
        p.setPen(QColor(255, 255, 255))
        p.drawText(box, align | Qt.AlignmentFlag.AlignTop, text)

    def _move_to(self, x: float) -> None:
        area = self.image_rect()
        if area.width() > 0:
            self.set_position((x - area.x()) / area.width())

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.setFocus()
        if event.button() == Qt.MouseButton.LeftButton:
            self._move_to(event.position().x())
        event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._move_to(event.position().x())
        event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        step = {Qt.Key.Key_Left: -KEY_STEP, Qt.Key.Key_Right: KEY_STEP}.get(event.key())
        if step is None:
            super().keyPressEvent(event)
            return
        self.set_position(self.position + step)
        event.accept()
