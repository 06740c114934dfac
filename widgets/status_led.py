"""StatusLed: a small round indicator lamp in a given colour (presentational).

Used wherever a device or link status needs a glanceable colour: the inspector's status
row and the status bar's source state. The caller decides the colour; this widget knows
nothing about levels.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QRadialGradient
from PySide6.QtWidgets import QSizePolicy, QWidget

RGB = tuple[int, int, int]


class StatusLed(QWidget):
    def __init__(self, rgb: RGB = (80, 86, 92), diameter: int = 14,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._color = QColor(*rgb)
        self._diameter = diameter
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_rgb(self, rgb: RGB) -> None:
        color = QColor(*rgb)
        if color != self._color:
            self._color = color
            self.update()

    def set_diameter(self, diameter: int) -> None:
        self._diameter = diameter
        self.updateGeometry()
        self.update()

    def color(self) -> QColor:
        return QColor(self._color)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self._diameter + 4, self._diameter + 4)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        d = min(self.width(), self.height()) - 4
        center = QPointF(self.width() / 2, self.height() / 2)
        # a soft highlight makes the lamp read as "lit" at a distance without a bitmap
        gradient = QRadialGradient(center - QPointF(d * 0.18, d * 0.18), d * 0.7)
        gradient.setColorAt(0.0, self._color.lighter(150))
        gradient.setColorAt(1.0, self._color)
        painter.setBrush(QBrush(gradient))
        painter.setPen(QPen(self._color.darker(170), 1))
        painter.drawEllipse(center, d / 2, d / 2)
        painter.end()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.sizeHint()


