"""MapTile: the compound from above — roads and building outlines in greys — with the
technicians where their handsets last put them (a white disc and their name; hollow when
the position is stale, off shift dimmed) and the devices with unacknowledged alarms (their
severity's shape and colour, flashing). Painted with QPainter: a flat map needs no 3D
surface, and the wall's software OpenGL is kept for the overview.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from app.wall.model import MapTile as MapSpec
from ui.wall import theme
from ui.wall.tile import WallContext, WallTile, wt


class MapBody(QWidget):
    def __init__(self, tile: MapTile) -> None:
        super().__init__(tile)
        self.tile = tile
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def transform(self) -> tuple[float, float, float]:
        """(scale, x offset, y offset) from site metres to widget pixels, north up."""
        (x0, y0), (x1, y1) = self.tile.ctx.room.scene.site.bounds
        margin = self.tile.ctx.type.pad
        w, h = self.width() - 2 * margin, self.height() - 2 * margin
        scale = min(w / max(x1 - x0, 1e-6), h / max(y1 - y0, 1e-6))
        ox = margin + (w - (x1 - x0) * scale) / 2 - x0 * scale
        oy = margin + (h - (y1 - y0) * scale) / 2 + y1 * scale
        return scale, ox, oy

    def to_px(self, x: float, y: float) -> QPointF:
        scale, ox, oy = self.transform()
        return QPointF(ox + x * scale, oy - y * scale)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.fillRect(self.rect(), theme.VIDEO_BG)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        scene = self.tile.ctx.room.scene
        scale = self.transform()[0]
        for road in scene.roads:
            path = QPainterPath()
            for i, (x, y) in enumerate(road.centerline):
                (path.moveTo if i == 0 else path.lineTo)(self.to_px(x, y))
            p.setPen(QPen(theme.TILE_EDGE, max(1.0, road.width_m * scale)))
            p.drawPath(path)
        p.setPen(QPen(theme.MUTED, 1.5))
        p.setBrush(theme.TILE)
        for building in scene.buildings:
            p.drawPolygon(QPolygonF([self.to_px(x, y) for x, y in building.footprint]))
        self._paint_alarms(p)
        if self.tile.spec.technicians:
            self._paint_technicians(p)
        p.end()

    def _paint_alarms(self, p: QPainter) -> None:
        t = self.tile.ctx.type
        p.setFont(t.bold)
        index = self.tile.ctx.room.scene.device_index()
        for alarm in self.tile.unacked:
            device = index.get(alarm.device_id)
            if device is None:
                continue
            look = theme.severity_look(int(alarm.severity))
            at = self.to_px(*device.location.xyz[:2])
            p.setPen(look.colour if self.tile.flash else theme.TEXT)
            box = QRectF(at.x() - t.line_px / 2, at.y() - t.line_px / 2, t.line_px, t.line_px)
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, look.shape)

    def _paint_technicians(self, p: QPainter) -> None:
        """A disc per place with one line: the name, or "张伟 +3" where several wait at one
        gate (their names printed over each other would read as nothing)."""
        t = self.tile.ctx.type
        radius = max(6.0, t.cap_px * 0.45)
        p.setFont(t.base)
        clusters: list[tuple[QPointF, list]] = []
        for tech in sorted(self.tile.technicians, key=lambda s: (not s.on_shift, s.id)):
            at = self.to_px(*tech.xyz[:2])
            for anchor, members in clusters:
                if abs(anchor.x() - at.x()) < t.line_px * 4 and \
                        abs(anchor.y() - at.y()) < t.line_px * 1.2:
                    members.append(tech)
                    break
            else:
                clusters.append((at, [tech]))
        for at, members in clusters:
            first = members[0]
            colour = theme.TEXT if first.on_shift else theme.MUTED
            p.setPen(QPen(colour, max(2.0, radius / 3)))
            p.setBrush(Qt.BrushStyle.NoBrush if first.stale else colour)
            p.drawEllipse(at, radius, radius)
            label = first.tech.name + (f" ({wt('stale')})" if first.stale else "")
            if len(members) > 1:
                label += f" +{len(members) - 1}"
            p.setPen(colour)
            width = p.fontMetrics().horizontalAdvance(label)
            # the label on the side with room for it
            x = at.x() + radius * 1.6 if at.x() + radius * 1.6 + width < self.width() \
                else at.x() - radius * 1.6 - width
            p.drawText(QPointF(x, at.y() + t.cap_px / 2), label)


class MapTile(WallTile):
    def __init__(self, spec: MapSpec, ctx: WallContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        self.technicians: list = []
        self.unacked: list = []
        self.body = MapBody(self)
        self.set_body(self.body)
        self.slow(ctx.clock())

    def title(self) -> str:
        return self.spec.title or wt("Technicians")

    def slow(self, now: float) -> None:
        dispatch = self.ctx.room.dispatch
        self.technicians = list(dispatch.snapshot().technicians) if dispatch else []
        self.unacked = [a for a in self.ctx.room.alarms.open_alarms()
                        if a.acknowledged_at is None and not a.suppressed
                        and not a.is_shelved(now)]
        self.body.update()
        super().slow(now)

    def set_flash(self, on: bool) -> None:
        super().set_flash(on)
        if self.unacked:
            self.body.update()
