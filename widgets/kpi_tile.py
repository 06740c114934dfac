"""KpiTile: a compact chip showing a coloured dot, a count and a caption (presentational).

The status bar uses five of them for devices per level; a wall display can use bigger ones
(``large=True``). Styling comes from the QSS via the object names ``KpiTile``,
``KpiValue`` and ``KpiCaption``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from widgets.status_led import RGB, StatusLed


class KpiTile(QFrame):
    def __init__(self, caption: str, rgb: RGB, *, large: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KpiTile")
        self.setProperty("large", large)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 1, 8, 1)
        layout.setSpacing(5)
        self._led = StatusLed(rgb, diameter=16 if large else 10)
        self._value = QLabel("–")
        self._value.setObjectName("KpiValue")
        self._caption = QLabel(caption)
        self._caption.setObjectName("KpiCaption")
        layout.addWidget(self._led)
        layout.addWidget(self._value)
        layout.addWidget(self._caption)

    def set_value(self, value: int | float | str) -> None:
        text = f"{value:,}" if isinstance(value, int) else str(value)
        if self._value.text() != text:
            self._value.setText(text)

    def value_text(self) -> str:
        return self._value.text()

    def set_caption(self, caption: str) -> None:
        self._caption.setText(caption)

    def set_rgb(self, rgb: RGB) -> None:
        self._led.set_rgb(rgb)
