"""LoadPlot: curves over hours of a day (or days), stacked or side by side, with shaded
bands behind them (tariff periods) and bars (passes per hour). Presentational: it is handed
plain arrays and colours, nothing about devices or tariffs."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

RGB = tuple[int, int, int]


class LoadPlot(QWidget):
    def __init__(self, *, background: RGB = (24, 28, 33), foreground: RGB = (200, 206, 212),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plot = pg.PlotWidget(background=QColor(*background))
        self._plot.setMenuEnabled(False)
        self._plot.setMouseEnabled(x=False, y=False)
        self._plot.hideButtons()
        self._plot.showGrid(x=True, y=True, alpha=0.15)
        self._fg = QColor(*foreground)
        item = self._plot.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(self._fg.darker(160)))
            axis.setTextPen(pg.mkPen(self._fg))
        self._legend = self._plot.addLegend(offset=(8, 4), labelTextColor=self._fg,
                                            brush=pg.mkBrush(0, 0, 0, 90))
        self._legend.setVisible(False)  # until a named series is drawn
        self._items: list[pg.GraphicsObject] = []
        self._bands: list[pg.LinearRegionItem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._plot)

    def set_title(self, text: str) -> None:
        self._plot.setTitle(text, color=self._fg.name(), size="10pt")

    def set_labels(self, x: str, y: str) -> None:
        self._plot.setLabel("bottom", x, color=self._fg.name())
        self._plot.setLabel("left", y, color=self._fg.name())

    def clear(self) -> None:
        for item in self._items:
            self._plot.removeItem(item)
        self._items.clear()
        self._legend.clear()
        self._legend.setVisible(False)  # an empty legend is a dark box over the plot

    def _show_legend(self) -> None:
        self._legend.setVisible(bool(self._legend.items))

    def set_bands(self, bands: Sequence[tuple[float, float, tuple[int, int, int, int]]]) -> None:
        """Shaded x ranges behind the curves: (x0, x1, rgba)."""
        for band in self._bands:
            self._plot.removeItem(band)
        self._bands = []
        for x0, x1, rgba in bands:
            band = pg.LinearRegionItem((x0, x1), movable=False, brush=pg.mkBrush(*rgba),
                                       pen=pg.mkPen(None))
            band.setZValue(-20)
            self._plot.addItem(band)
            self._bands.append(band)

    def set_stacked(self, x: np.ndarray, series: Sequence[tuple[str, RGB, np.ndarray]]) -> None:
        """Areas stacked bottom-up in the order given (a load profile by group)."""
        self.clear()
        base = np.zeros(len(x))
        below = pg.PlotDataItem(x, base, pen=pg.mkPen(None))
        self._plot.addItem(below)
        self._items.append(below)
        for name, rgb, values in series:
            top = base + np.asarray(values, dtype=float)
            curve = pg.PlotDataItem(x, top, pen=pg.mkPen(QColor(*rgb), width=1), name=name)
            fill = pg.FillBetweenItem(below, curve, brush=pg.mkBrush(*rgb, 170))
            for item in (curve, fill):
                self._plot.addItem(item)
                self._items.append(item)
            below, base = curve, top
        self._show_legend()
        self._plot.setXRange(float(x[0]) if len(x) else 0, float(x[-1]) if len(x) else 24,
                             padding=0)

    def set_lines(self, series: Sequence[tuple[str, RGB, np.ndarray, np.ndarray]], *,
                  dashed: Sequence[bool] = ()) -> None:
        """Lines (name, colour, x, y); a dashed one reads as "the other count"."""
        self.clear()
        for i, (name, rgb, x, y) in enumerate(series):
            style = {"style": pg.QtCore.Qt.PenStyle.DashLine} if i < len(dashed) and \
                dashed[i] else {}
            item = pg.PlotDataItem(x, y, pen=pg.mkPen(QColor(*rgb), width=2, **style),
                                   name=name, connect="finite")
            self._plot.addItem(item)
            self._items.append(item)
        self._show_legend()

    def set_bars(self, x: np.ndarray, heights: np.ndarray, rgb: RGB, name: str = "") -> None:
        self.clear()
        bars = pg.BarGraphItem(x=np.asarray(x, dtype=float), height=np.asarray(heights,
                                                                               dtype=float),
                               width=0.75, brush=pg.mkBrush(*rgb), pen=pg.mkPen(None),
                               name=name or None)
        self._plot.addItem(bars)
        self._items.append(bars)
        self._show_legend()

    def set_x_range(self, x0: float, x1: float) -> None:
        self._plot.setXRange(x0, x1, padding=0)

    def item_count(self) -> int:
        return len(self._items)
