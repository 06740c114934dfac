"""WallKpiTile: one figure for the room, on the existing KpiTile (caption over a large
value), with a line of badges below that says what the figure is made of.

Metrics: open alarms (by severity; the lamp red and flashing while any is unacknowledged),
devices online (offline counted), work orders (open, SLA breaches in amber with a word),
parking occupancy and today's electricity against the same weekday last week (from the
room's operations reader through app/wall/figures.py: "no data" until it has figures). A figure is grey while
normal: colour appears only with something abnormal, and always beside a word.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from app.wall import figures
from app.wall.model import KpiTile as KpiSpec
from ui.wall import theme
from ui.wall.paint import badge
from ui.wall.tile import WallContext, WallTile, wt
from widgets.kpi_tile import KpiTile

_GREY = (138, 143, 149)


@dataclass(frozen=True)
class Part:
    """One piece of the line under the figure: a severity badge, or words in a colour."""

    text: str
    severity: int | None = None
    colour: QColor | None = None


class PartsLine(QWidget):
    def __init__(self, tile: WallKpiTile) -> None:
        super().__init__(tile)
        self.tile = tile
        self.parts: list[Part] = []
        self.setMinimumHeight(round(tile.ctx.type.line_px * 1.2))

    def set_parts(self, parts: list[Part]) -> None:
        if parts != self.parts:
            self.parts = parts
            self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        t = self.tile.ctx.type
        p.setFont(t.base)
        x, h = 0.0, float(t.line_px)
        for part in self.parts:  # a part that does not fit whole is left out, not cut
            if part.severity is not None:
                label = f"{theme.severity_look(part.severity).shape} {part.text}"
                if x + p.fontMetrics().horizontalAdvance(label) + h * 0.5 > self.width():
                    break
                x += badge(p, x, 0, h, part.severity, text=part.text,
                           filled=not self.tile.flash_parts or self.tile.flash) + t.pad
                continue
            w = p.fontMetrics().horizontalAdvance(part.text)
            if x + w > self.width():
                break
            p.setPen(part.colour or theme.MUTED)
            p.drawText(QRectF(x, 0, w + 2, h), Qt.AlignmentFlag.AlignVCenter, part.text)
            x += w + t.pad
        p.end()


#: the word after the figure ("7 open", "4,894 online")
UNITS = {
    "open_alarms": QT_TRANSLATE_NOOP("Wall", "open"),
    "devices_online": QT_TRANSLATE_NOOP("Wall", "online"),
    "work_orders": QT_TRANSLATE_NOOP("Wall", "open"),
    "parking": QT_TRANSLATE_NOOP("Wall", "occupied"),
    "energy": QT_TRANSLATE_NOOP("Wall", "used"),
}

CAPTIONS = {
    "open_alarms": QT_TRANSLATE_NOOP("Wall", "Open alarms"),
    "devices_online": QT_TRANSLATE_NOOP("Wall", "Devices online"),
    "work_orders": QT_TRANSLATE_NOOP("Wall", "Work orders"),
    "parking": QT_TRANSLATE_NOOP("Wall", "Parking occupied"),
    "energy": QT_TRANSLATE_NOOP("Wall", "Energy today"),
}


class WallKpiTile(WallTile):
    def __init__(self, spec: KpiSpec, ctx: WallContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        self.figure = spec.metric
        self.kpi = KpiTile(wt(UNITS[spec.metric]), _GREY)
        self.kpi.setStyleSheet("QFrame#KpiTile { background: transparent; border: none; }"
                               f"QLabel#KpiValue {{ color: {theme.TEXT.name()}; }}"
                               f"QLabel#KpiCaption {{ color: {theme.MUTED.name()}; }}")
        self.kpi.set_text_pixel_sizes(ctx.type.figure.pixelSize(), ctx.type.base.pixelSize())
        self.parts = PartsLine(self)
        self.flash_parts = False  # the badges flash while an alarm is unacknowledged
        self.operations = figures.operations_figures(ctx.room)
        self.set_body(self.kpi)
        self._layout.addWidget(self.parts)
        self.refresh()

    def title(self) -> str:
        return self.spec.title or wt(CAPTIONS[self.spec.metric])

    def value_text(self) -> str:
        return self.kpi.value_text()

    def slow(self, now: float) -> None:
        self.refresh()
        super().slow(now)

    def set_flash(self, on: bool) -> None:
        super().set_flash(on)
        if self.flash_parts:
            self.parts.update()
            self.kpi.set_rgb(theme.ALARM_RED.getRgb()[:3] if on else _GREY)

    def refresh(self) -> None:
        room, now = self.ctx.room, self.ctx.clock()
        value, parts, lamp = "–", [], _GREY
        self.flash_parts = False
        if self.figure == "open_alarms":
            open_ = figures.open_alarms(room.alarms.open_alarms(), now)
            value = f"{open_.total:,}"
            parts = [Part(f"{n} {theme.severity_word(s)}", severity=s)
                     for s, n in open_.by_severity.items()]
            if open_.unacknowledged:
                parts.append(Part(wt("%1 unacknowledged").replace(
                    "%1", str(open_.unacknowledged)), colour=theme.TEXT))
                self.flash_parts = True
            elif not parts:
                parts = [Part(wt("none"))]
        elif self.figure == "devices_online":
            online = figures.devices_online(room.store)
            value = f"{online.online:,}"
            parts = [Part(wt("of %1").replace("%1", f"{online.total:,}"))]
            if online.offline:
                parts.append(Part(f"▽ {wt('%1 offline').replace('%1', f'{online.offline:,}')}",
                                  colour=theme.ABNORMAL))
                lamp = theme.ABNORMAL.getRgb()[:3]
        elif self.figure == "work_orders":
            dispatch = room.dispatch
            orders = figures.work_orders(dispatch.snapshot() if dispatch else None)
            if orders is None:
                value, parts = wt("no data"), [Part(wt("dispatch is not running"))]
            else:
                value = f"{orders.open:,}"
                if orders.sla_breached:
                    parts = [Part(f"⚠ {wt('%1 past SLA').replace('%1', str(orders.sla_breached))}",
                                  colour=theme.ABNORMAL)]
                    lamp = theme.ABNORMAL.getRgb()[:3]
                else:
                    parts = [Part(wt("all within SLA"))]
        elif self.figure == "parking":
            parking = self.operations.parking()
            if parking is None:
                value, parts = wt("no data"), [Part(wt("no parking source yet"))]
            else:
                share = parking.occupied / parking.total if parking.total else 0.0
                value = f"{share:.0%}"
                parts = [Part(f"{parking.occupied:,} / {parking.total:,}")]
        elif self.figure == "energy":
            energy = self.operations.energy()
            if energy is None:
                value, parts = wt("no data"), [Part(wt("no energy source yet"))]
            else:
                value = f"{energy.today_kwh:,.0f} kWh"
                if energy.same_weekday_kwh:
                    change = energy.today_kwh / energy.same_weekday_kwh - 1.0
                    parts = [Part(wt("%1 vs same weekday").replace("%1", f"{change:+.0%}"))]
        self.kpi.set_value(value)
        if not self.flash_parts:
            self.kpi.set_rgb(lamp)
        self.parts.set_parts(parts)
