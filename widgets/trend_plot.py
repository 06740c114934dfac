"""TrendPlot: a pyqtgraph time series with an optional shaded normal band (presentational).

The caller hands in plain arrays (epoch seconds, values); nothing here knows about devices.
The x axis shows wall-clock times so an operator can relate a spike to "14:32".
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

RGB = tuple[int, int, int]


class TrendPlot(QWidget):
    def __init__(self, *, line_rgb: RGB = (74, 163, 223), band_rgb: RGB = (46, 204, 113),
                 background: RGB = (24, 28, 33), foreground: RGB = (200, 206, 212),
                 learned_rgb: RGB = (93, 173, 226), window_s: float = 300.0,
                 utc_offset_s: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._window_s = window_s
        # the time axis in this computer's zone, or at ``utc_offset_s`` east of UTC (a wall
        # shows its compound's time wherever its PC is set); pyqtgraph counts west as positive
        axis = pg.DateAxisItem(orientation="bottom",
                               utcOffset=None if utc_offset_s is None else -utc_offset_s)
        self._plot = pg.PlotWidget(axisItems={"bottom": axis}, background=QColor(*background))
        self._plot.setMenuEnabled(False)
        self._plot.setMouseEnabled(x=False, y=False)
        self._plot.hideButtons()
        self._plot.showGrid(x=True, y=True, alpha=0.15)
        item = self._plot.getPlotItem()
        fg = QColor(*foreground)
        for name in ("left", "bottom"):
            ax = item.getAxis(name)
            ax.setPen(pg.mkPen(fg.darker(160)))
            ax.setTextPen(pg.mkPen(fg))
        self._foreground = fg
        band = QColor(*band_rgb)
        band.setAlpha(45)
        self._band = pg.LinearRegionItem(orientation="horizontal", movable=False,
                                         brush=pg.mkBrush(band), pen=pg.mkPen(None))
        self._band.setZValue(-10)
        self._band.hide()
        self._plot.addItem(self._band)
        # the band learned from history for this hour of the week: dashed, not shaded, so it
        # reads as "what is usual now" beside the fixed normal band
        learned_pen = pg.mkPen(QColor(*learned_rgb), width=1.5, style=Qt.PenStyle.DashLine)
        self._learned = [pg.InfiniteLine(angle=0, movable=False, pen=learned_pen)
                         for _ in range(2)]
        for line in self._learned:
            line.hide()
            self._plot.addItem(line)
        self._curve = self._plot.plot(pen=pg.mkPen(QColor(*line_rgb), width=2),
                                      symbol="o", symbolSize=4,
                                      symbolBrush=QColor(*line_rgb), symbolPen=None)
        self._empty = pg.TextItem("", color=fg, anchor=(0.5, 0.5))
        self._plot.addItem(self._empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._plot)

        self._title_size = "10pt"

    def set_title(self, text: str) -> None:
        self._plot.setTitle(text, color=self._foreground.name(), size=self._title_size)

    def set_text_pixel_size(self, px: int, family: str = "") -> None:
        """Axis numbers and the title at ``px`` pixels (a video wall reads them from metres
        away); the axes grow to fit them."""
        font = QFont(family) if family else QFont()
        font.setPixelSize(px)
        item = self._plot.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setStyle(tickFont=font, tickTextOffset=max(4, px // 4))
        item.getAxis("left").setWidth(int(px * 3.2))
        item.getAxis("bottom").setHeight(int(px * 1.8))
        self._title_size = f"{px}px"
        self._empty.setFont(font)

    def set_line_style(self, rgb: RGB, width: float) -> None:
        """The series' colour and width (a wall draws it thick enough to see from afar)."""
        colour = QColor(*rgb)
        self._curve.setPen(pg.mkPen(colour, width=width))
        self._curve.setSymbolBrush(colour)
        self._curve.setSymbolSize(max(4, int(width * 2)))

    def set_band(self, band: tuple[float, float] | None) -> None:
        """Shade the normal band [lo, hi]; None hides it."""
        if band is None:
            self._band.hide()
            return
        self._band.setRegion(band)
        self._band.show()

    def set_learned_band(self, band: tuple[float, float] | None) -> None:
        """Dashed lines at the learned [lo, hi]; None hides them (still warming up)."""
        for line, value in zip(self._learned, band or (None, None), strict=True):
            if value is None:
                line.hide()
            else:
                line.setValue(value)
                line.show()

    def learned_band(self) -> tuple[float, float] | None:
        lo, hi = self._learned
        return (lo.value(), hi.value()) if lo.isVisible() else None

    def set_placeholder(self, text: str) -> None:
        """Text shown in the middle of an empty plot (e.g. "waiting for data")."""
        self._empty.setText(text)

    def set_series(self, t: np.ndarray, y: np.ndarray, *, now: float | None = None) -> None:
        t = np.asarray(t, dtype=float)
        y = np.asarray(y, dtype=float)
        self._curve.setData(t, y)
        self._empty.setVisible(len(t) == 0)
        end = float(now) if now is not None else (float(t[-1]) if len(t) else 0.0)
        # a trailing window that grows with the history (at least a minute, at most
        # window_s) keeps a young trend readable and the time axis still while it streams
        span = self._window_s if len(t) == 0 else min(self._window_s,
                                                      max(60.0, end - float(t[0])))
        if end:
            self._plot.setXRange(end - span, end, padding=0.02)
        if len(t) == 0:
            self._empty.setPos(end - span / 2, 0.5)
            return
        lo, hi = float(np.nanmin(y)), float(np.nanmax(y))
        if self._band.isVisible():
            b_lo, b_hi = self._band.getRegion()
            lo, hi = min(lo, b_lo), max(hi, b_hi)
        pad = (hi - lo) * 0.1 or max(abs(hi) * 0.05, 1.0)
        self._plot.setYRange(lo - pad, hi + pad, padding=0)

    def series(self) -> tuple[np.ndarray, np.ndarray]:
        x, y = self._curve.getData()
        empty = np.empty(0)
        return (empty if x is None else x), (empty if y is None else y)

    def clear(self) -> None:
        self._curve.setData([], [])
        self._band.hide()
        self._plot.setTitle(None)


