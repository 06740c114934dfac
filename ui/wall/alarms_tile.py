"""AlarmsTile: the open alarms as a ticker, most urgent first — a badge (colour, shape and
word; flashing while unacknowledged), what it is and where — in rows as tall as the far
seat needs; what does not fit is counted ("+ 12 more"). Shelved and suppressed alarms are
left out, as on the desk's board. Refreshed when an alarm changes and once a second.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from app.alarms.model import Alarm
from app.wall.model import SEVERITY_LEVELS
from app.wall.model import AlarmsTile as AlarmsSpec
from ui.bridge import RoomBridge
from ui.wall import theme
from ui.wall.paint import alarm_title, badge, place_of
from ui.wall.tile import WallContext, WallTile, elide, wt


def ticker_order(alarms: list[Alarm], now: float, min_severity: int = 1) -> list[Alarm]:
    """Unacknowledged first, then by severity, newest first within each."""
    shown = [a for a in alarms if a.closed_at is None and not a.suppressed
             and not a.is_shelved(now) and int(a.severity) >= min_severity]
    return sorted(shown, key=lambda a: (a.acknowledged_at is not None, -int(a.severity),
                                        -a.raised_at))


class TickerBody(QWidget):
    def __init__(self, tile: AlarmsTile) -> None:
        super().__init__(tile)
        self.tile = tile
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.fillRect(self.rect(), theme.TILE)
        tile = self.tile
        t = tile.ctx.type
        row_h = t.line_px * 2 + t.pad * 1.5
        area = QRectF(self.rect())
        rows = tile.rows
        fits = max(0, int(area.height() // row_h))
        if len(rows) > fits:
            fits = max(0, int((area.height() - t.line_px) // row_h))
        y = area.top()
        p.setFont(t.bold)
        if not rows:
            p.setPen(theme.MUTED)
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, wt("No open alarms"))
        for alarm in rows[:fits]:
            unacked = alarm.acknowledged_at is None
            p.setFont(t.bold)
            w = badge(p, area.left(), y, t.line_px, int(alarm.severity),
                      filled=not unacked or tile.flash)
            p.setPen(theme.TEXT)
            head = elide(p, alarm_title(alarm), area.width() - w - t.pad)
            p.drawText(QRectF(area.left() + w + t.pad, y, area.width(), t.line_px),
                       Qt.AlignmentFlag.AlignVCenter, head)
            p.setFont(t.base)
            p.setPen(theme.TEXT if unacked else theme.MUTED)
            where = elide(p, place_of(tile.ctx.room.scene, alarm.device_id), area.width())
            p.drawText(QRectF(area.left(), y + t.line_px, area.width(), t.line_px),
                       Qt.AlignmentFlag.AlignVCenter, where)
            y += row_h
        hidden = len(rows) - min(len(rows), fits)
        if hidden:
            p.setFont(t.base)
            p.setPen(theme.MUTED)
            p.drawText(QRectF(area.left(), y, area.width(), t.line_px),
                       Qt.AlignmentFlag.AlignVCenter, wt("+ %1 more").replace("%1", str(hidden)))
        p.end()


class AlarmsTile(WallTile):
    def __init__(self, spec: AlarmsSpec, ctx: WallContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        self.rows: list[Alarm] = []
        self._min = SEVERITY_LEVELS[spec.min_severity]
        self.body = TickerBody(self)
        self.set_body(self.body)
        self._due = QTimer(self)  # many changes at once (a flood): one repaint
        self._due.setSingleShot(True)
        self._due.setInterval(200)
        self._due.timeout.connect(self.reload)
        RoomBridge.of(ctx.room).sig_alarm.connect(self._on_alarm)
        self.reload()

    def _on_alarm(self, _change: object) -> None:
        if not self._due.isActive():
            self._due.start()

    def title(self) -> str:
        return self.spec.title or wt("Open alarms")

    def reload(self) -> None:
        now = self.ctx.clock()
        self.rows = ticker_order(self.ctx.room.alarms.open_alarms(), now, self._min)
        self.body.update()

    def slow(self, now: float) -> None:
        self.reload()
        super().slow(now)

    def set_flash(self, on: bool) -> None:
        super().set_flash(on)
        if any(a.acknowledged_at is None for a in self.rows):
            self.body.update()

    def shutdown(self) -> None:
        self._due.stop()
