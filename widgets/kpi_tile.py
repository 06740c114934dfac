"""KpiTile: a compact chip showing a coloured dot, a count and a caption (presentational).

The status bar uses five of them for devices per level; a wall display stacks the caption
over the value (``vertical=True``) and sizes the text for its furthest seat
(``set_text_pixel_sizes``). Styling comes from the QSS via the object names ``KpiTile``,
``KpiValue`` and ``KpiCaption``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from widgets.status_led import RGB, StatusLed


class KpiTile(QFrame):
    def __init__(self, caption: str, rgb: RGB, *, large: bool = False, vertical: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KpiTile")
        self.setProperty("large", large)
        self._led = StatusLed(rgb, diameter=16 if large else 10)
        self._value = QLabel("–")
        self._value.setObjectName("KpiValue")
        self._caption = QLabel(caption)
        self._caption.setObjectName("KpiCaption")
        if vertical:  # caption (with its lamp) over a large value
            layout = QVBoxLayout(self)
            layout.setContentsMargins(0, 0, 0, 0)
            top = QHBoxLayout()
            top.addWidget(self._led)
            top.addWidget(self._caption, 1)
            layout.addLayout(top)
            layout.addWidget(self._value)
            return
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 1, 8, 1)
        layout.setSpacing(5)
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

    def set_text_pixel_sizes(self, value_px: int, caption_px: int) -> None:
        """Text sizes in pixels (a wall sizes them for its furthest seat); the lamp follows
        the caption."""
        # a style sheet, not setFont: the application's style sheet sets every font size
        for label, px in ((self._value, value_px), (self._caption, caption_px)):
            label.setStyleSheet(f"font-size: {int(px)}px;")
        self._led.set_diameter(caption_px)

    def caption_text(self) -> str:
        return self._caption.text()
