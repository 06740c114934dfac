"""TrendTile: one point's recent history on the existing TrendPlot, with the value now in
large figures above it and, only when it is out of its band, the word that says so.

History comes from the room (stored readings, every ``HISTORY_S``); between loads the live
value from the store is appended once a second, so the line moves without querying the
database each second. The normal band is shaded, in grey.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from app.domain.kinds import Level
from app.wall.model import TrendTile as TrendSpec
from ui.plots import trend_plot
from ui.point_names import point_name
from ui.wall import theme
from ui.wall.tile import WallContext, WallTile, wt

HISTORY_S = 30.0
MAX_POINTS = 4000


class ValueLine(QWidget):
    def __init__(self, tile: TrendTile) -> None:
        super().__init__(tile)
        self.tile = tile
        self.text, self.word, self.abnormal = "–", "", False
        self.setFixedHeight(round(tile.ctx.type.line_px * 1.3))

    def set_value(self, text: str, word: str, colour_word: bool) -> None:
        if (text, word, colour_word) != (self.text, self.word, self.abnormal):
            self.text, self.word, self.abnormal = text, word, colour_word
            self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        t = self.tile.ctx.type
        p.setFont(t.bold)
        p.setPen(theme.TEXT)
        width = p.fontMetrics().horizontalAdvance(self.text)
        p.drawText(QRectF(0, 0, width + 2, self.height()), Qt.AlignmentFlag.AlignVCenter,
                   self.text)
        if self.word:
            p.setPen(theme.ALARM_RED if self.abnormal else theme.ABNORMAL)
            p.drawText(QRectF(width + 2 * t.pad, 0, self.width(), self.height()),
                       Qt.AlignmentFlag.AlignVCenter, self.word)
        p.end()


class TrendTile(WallTile):
    def __init__(self, spec: TrendSpec, ctx: WallContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        device = ctx.room.scene.device_index().get(spec.device) or ctx.room.store.device(
            spec.device)
        self.point_spec = device.points.get(spec.point) if device is not None else None
        self.device_name = device.name if device is not None else spec.device
        self.value = ValueLine(self)
        self.plot = trend_plot(line_rgb=(205, 208, 212), band_rgb=(150, 155, 160),
                              background=theme.TILE.getRgb()[:3],
                              foreground=theme.MUTED.getRgb()[:3],
                              window_s=spec.window_min * 60.0,
                              utc_offset_s=ctx.utc_offset_s(ctx.clock()))
        self.plot.set_text_pixel_size(ctx.type.base.pixelSize(), ctx.type.family)
        self.plot.set_line_style((205, 208, 212), max(2.0, ctx.type.cap_px / 8))
        if self.point_spec is not None and self.point_spec.normal is not None:
            self.plot.set_band(self.point_spec.normal)
        self.plot.set_placeholder(wt("waiting for data"))
        self._layout.addWidget(self.value)
        self.set_body(self.plot)
        self.times = np.empty(0)
        self.values = np.empty(0)
        self._loaded_at = float("-inf")
        self._last_ts: float | None = None
        self.load(ctx.clock())

    def title(self) -> str:
        return self.spec.title or f"{self.device_name} {point_name(self.spec.point)}"

    def load(self, now: float) -> None:
        """The stored history of the window (replacing what was shown)."""
        since = now - self.spec.window_min * 60.0
        try:
            points = self.ctx.room.history(self.spec.device, self.spec.point, since, now)
        except Exception:  # a remote server away: keep what is drawn, try again later  # noqa: BLE001
            points = None
        self._loaded_at = now
        if points is not None:
            self.times = np.array([p.ts for p in points], dtype=float)
            self.values = np.array([p.value for p in points], dtype=float)
        self._draw(now)

    def slow(self, now: float) -> None:
        if now - self._loaded_at >= HISTORY_S:
            self.load(now)
        else:
            self._append_live(now)
        super().slow(now)

    def _append_live(self, now: float) -> None:
        state = self.ctx.room.store.get(self.spec.device)
        if state is None or self.spec.point not in state.values or state.ts is None:
            self._draw(now)
            return
        if self._last_ts is None or state.ts > self._last_ts:
            self._last_ts = state.ts
            self.times = np.append(self.times, state.ts)[-MAX_POINTS:]
            self.values = np.append(self.values, state.values[self.spec.point])[-MAX_POINTS:]
        self._draw(now)

    def _draw(self, now: float) -> None:
        self.plot.set_series(self.times, self.values, now=now)
        state = self.ctx.room.store.get(self.spec.device)
        unit = self.point_spec.unit if self.point_spec is not None else ""
        if state is None or self.spec.point not in state.values:
            self.value.set_value("–", "", False)
            return
        value = state.values[self.spec.point]
        word, alarm = "", False
        if state.level == Level.ALARM:
            word, alarm = f"◆ {wt('beyond its limit')}", True
        elif state.level == Level.WARNING:
            word = f"▲ {wt('outside its normal band')}"
        elif state.level in (Level.STALE, Level.OFFLINE):
            word = f"○ {wt('no fresh data')}"
        self.value.set_value(f"{value:,.1f} {unit}".strip(), word, alarm)
