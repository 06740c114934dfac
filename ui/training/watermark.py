"""The TRAINING / 培训 watermark that no screenshot of a training session can miss.

``install_watermark(window)`` lays a transparent overlay over a whole window (any top-level
widget: the desk, a wall screen): the word tiled diagonally across every panel, a red frame
round the edges and a badge saying nothing reaches the real compound. It lets clicks
through and stays on top as panels come and go. The 3D view is an OpenGL native window
that no Qt widget can paint over, so its own renderer draws the mark too
(``mark_view``; ``widgets/vtk_watermark.py``) — and so does every 3D frame captured.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

MARK = QColor(230, 60, 50)
_BADGE = QT_TRANSLATE_NOOP("TrainingWatermark",
                           "Training session: nothing reaches the real compound")
TILE = (420, 240)


def watermark_text() -> str:
    """"培训 TRAINING" in Chinese, "TRAINING" alone in English."""
    return QCoreApplication.translate("MainWindow", "TRAINING")


class WatermarkOverlay(QWidget):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("TrainingWatermark")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text = watermark_text()
        self.badge = QCoreApplication.translate("TrainingWatermark", _BADGE)
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.Resize, QEvent.Type.Show):
            self.setGeometry(watched.rect())  # type: ignore[attr-defined]
            self.raise_()
        elif kind in (QEvent.Type.ChildAdded, QEvent.Type.LayoutRequest):
            self.raise_()  # a panel docked after us must not cover the mark
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tiled = QColor(MARK)
        tiled.setAlpha(46)
        font = QFont(self.font())
        font.setPixelSize(34)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(tiled)
        w, h = self.width(), self.height()
        step_x, step_y = TILE
        for row, y in enumerate(range(-step_y, h + step_y, step_y)):
            for x in range(-step_x + (row % 2) * step_x // 2, w + step_x, step_x):
                painter.save()
                painter.translate(x, y)
                painter.rotate(-22)
                painter.drawText(QRect(-200, -30, 400, 60), Qt.AlignmentFlag.AlignCenter,
                                 self.text)
                painter.restore()
        frame = QColor(MARK)
        frame.setAlpha(210)
        painter.setPen(QPen(frame, 6))
        painter.drawRect(self.rect().adjusted(3, 3, -3, -3))
        badge_font = QFont(self.font())
        badge_font.setPixelSize(15)
        badge_font.setBold(True)
        painter.setFont(badge_font)
        label = f"  {self.text} — {self.badge}  "
        width = painter.fontMetrics().horizontalAdvance(label)
        box = QRect(w - width - 12, h - 34, width, 24)
        painter.fillRect(box, frame)
        painter.setPen(QColor(255, 255, 255))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        painter.end()


def install_watermark(window: QWidget) -> WatermarkOverlay:
    """Mark ``window`` (once); also the 3D view it holds, if any."""
    existing = window.findChild(WatermarkOverlay, "TrainingWatermark",
                                Qt.FindChildOption.FindDirectChildrenOnly)
    if existing is not None:
        return existing
    view = getattr(window, "compound_view", None)
    if view is not None:
        mark_view(view)
    return WatermarkOverlay(window)


def mark_window(window: QWidget) -> WatermarkOverlay:
    """Mark a window of any kind and every 3D view inside it (a wall screen and its tiles;
    call again when its tiles are rebuilt)."""
    overlay = install_watermark(window)
    for child in window.findChildren(QWidget):
        if getattr(getattr(child, "scene_view", None), "watermark", None) is not None:
            mark_view(child)
    overlay.raise_()
    return overlay


def mark_floating(dock: QWidget, floating: bool) -> None:
    """A panel pulled out of the desk is a window of its own (on a wall screen, say): it
    carries the mark while it floats."""
    install_watermark(dock).setVisible(floating)


def mark_view(view: QWidget) -> bool:
    """Draw the watermark in a 3D view's own frames (a CompoundView or a SceneView)."""
    scene_view = getattr(view, "scene_view", view)
    watermark = getattr(scene_view, "watermark", None)
    if watermark is None:
        return False
    watermark.set_text(watermark_text())
    render = getattr(scene_view, "render", None)
    if render is not None:
        render()
    return True
