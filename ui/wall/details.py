"""DetailsPanel: an alarm's details, or the flood summary, over a tile's body.

An alarm: its severity (colour, shape and word), "UNACKNOWLEDGED" flashing until someone
acknowledges, what it is, where (building, floor, device), since when, the camera the wall
put up for it, and how many more alarms wait for the wall. A flood: how many alarms in the
window, the unacknowledged ones by severity, the newest few, and that the wall no longer
flips on each alarm. Everything at the size the far seat needs (ui/wall/theme.WallType).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from app.wall.takeover import FloodSummary, Takeover
from ui.alarm_labels import describe
from ui.wall import theme
from ui.wall.paint import alarm_title, badge, place_of, since_text, text_line
from ui.wall.tile import WallContext, wt


class DetailsPanel(QWidget):
    def __init__(self, ctx: WallContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._alarm: Takeover | None = None
        self._flood: FloodSummary | None = None
        self._flash = False
        self.hide()

    # ---- content -------------------------------------------------------------------------
    def showing(self) -> tuple[str, object] | None:
        if not self.isVisible():
            return None
        if self._flood is not None:
            return ("flood", self._flood)
        return ("alarm", self._alarm) if self._alarm is not None else None

    def restore(self, shown: tuple[str, object]) -> None:
        kind, what = shown
        (self.show_flood if kind == "flood" else self.show_alarm)(what)  # type: ignore[arg-type]

    def show_alarm(self, takeover: Takeover) -> None:
        self._alarm, self._flood = takeover, None
        self.update()

    def show_flood(self, summary: FloodSummary) -> None:
        self._flood, self._alarm = summary, None
        self.update()

    def refresh(self, what: Takeover | FloodSummary) -> None:
        if isinstance(what, FloodSummary):
            self._flood = what
        else:
            self._alarm = what
        self.update()

    def set_flash(self, on: bool) -> None:
        if on != self._flash:
            self._flash = on
            self.update()

    def text(self) -> str:
        """What the panel says, as plain lines (tests, and the wall's accessibility name)."""
        return "\n".join(line for _, line in self._lines())

    # ---- painting ------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.fillRect(self.rect(), theme.TILE)
        t = self.ctx.type
        pad = t.pad
        area = QRectF(self.rect()).adjusted(pad, pad, -pad, -pad)
        y = area.top()
        if self._flood is not None:
            y = self._paint_flood_head(p, area, y)
        elif self._alarm is not None:
            y = self._paint_alarm_head(p, area, y)
        for style, line in self._lines()[1:]:
            if not line:
                continue
            font = t.bold if style == "bold" else t.base
            colour = theme.MUTED if style == "muted" else theme.TEXT
            y = text_line(p, font, colour, area, y + pad * 0.5, line, wrap=style == "wrap")
            if y > area.bottom():
                break
        p.end()

    def _paint_alarm_head(self, p: QPainter, area: QRectF, y: float) -> float:
        t = self.ctx.type
        alarm = self._alarm.alarm  # type: ignore[union-attr]
        p.setFont(t.bold)
        h = t.line_px * 1.25
        x = area.left() + badge(p, area.left(), y, h, int(alarm.severity)) + t.pad
        state = wt("UNACKNOWLEDGED") if alarm.acknowledged_at is None else wt("ACKNOWLEDGED")
        if alarm.acknowledged_at is None:  # flashes until acknowledged
            box = QRectF(x, y, p.fontMetrics().horizontalAdvance(state) + 2 * t.pad, h)
            if self._flash:
                p.fillRect(box, theme.ALARM_RED)
                p.setPen(theme.TEXT)
            else:
                p.setPen(theme.ALARM_RED)
                p.drawRect(box.adjusted(1, 1, -1, -1))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, state)
        else:
            p.setPen(theme.MUTED)
            p.drawText(QRectF(x, y, area.right() - x, h), Qt.AlignmentFlag.AlignVCenter, state)
        return y + h

    def _paint_flood_head(self, p: QPainter, area: QRectF, y: float) -> float:
        t = self.ctx.type
        p.setFont(t.bold)
        h = t.line_px * 1.25
        head = f"⚠ {wt('ALARM FLOOD')}"
        box = QRectF(area.left(), y, p.fontMetrics().horizontalAdvance(head) + 2 * t.pad, h)
        p.fillRect(box, theme.ALARM_RED)
        p.setPen(theme.TEXT)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, head)
        y += h + t.pad * 0.5
        x = area.left()
        for severity, count in self._flood.unacknowledged.items():  # type: ignore[union-attr]
            width = badge(p, x, y, h, severity,
                          text=f"{count} {theme.severity_word(severity)}")
            x += width + t.pad
            if x > area.right():
                break
        return y + h

    def _lines(self) -> list[tuple[str, str]]:
        """(style, text) lines; the first is the head, painted on its own."""
        room = self.ctx.room
        now = self.ctx.clock()
        if self._flood is not None:
            f = self._flood
            minutes = max(1, round(f.window_s / 60))
            lines = [("head", wt("ALARM FLOOD")),
                     ("bold", wt("%1 alarms in %2 minutes").replace("%1", str(f.in_window))
                      .replace("%2", str(minutes)))]
            for alarm in f.newest:
                look = theme.severity_look(int(alarm.severity))
                lines.append(("plain", f"{look.shape} {alarm_title(alarm)} · "
                                       f"{place_of(room.scene, alarm.device_id)}"))
            lines.append(("muted", wt("The wall holds still: work the list at a console.")))
            return lines
        if self._alarm is None:
            return []
        alarm = self._alarm.alarm
        lines = [("head", theme.severity_word(int(alarm.severity))),
                 ("bold", alarm_title(alarm)),
                 ("wrap", describe(alarm)),
                 ("plain", place_of(room.scene, alarm.device_id)),
                 ("plain", since_text(alarm.raised_at, now, self.ctx.local))]
        camera = self._camera(alarm.device_id)
        if camera:
            lines.append(("plain", wt("Camera: %1").replace("%1", camera)))
        waiting = self.ctx.waiting()
        if waiting:
            lines.append(("muted", wt("%1 more alarms waiting").replace("%1", str(waiting))))
        return lines

    def _camera(self, device_id: str) -> str | None:
        cameras = self.ctx.room.cameras
        device = self.ctx.room.scene.device_index().get(device_id)
        if cameras is None or device is None:
            return None
        camera_id = cameras.nearest_camera(device.location.xyz)
        return self.ctx.camera_names.get(camera_id, camera_id) if camera_id else None
