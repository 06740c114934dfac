"""WallTile: what every tile of the wall shares — a header with its title and whether its
feed is live or stale (in words, not only a colour), a body, a red edge while an alarm
holds it, and the hooks the wall drives: ``tick`` (4 Hz, the wall's clock), ``slow``
(1 Hz), ``set_flash``, ``push_takeover``, ``put_away`` (hidden for a later preset) and ``shutdown`` (release every resource: a tile
that is replaced must leave nothing behind).

``push_takeover(role, takeover)`` shows an alarm on the tile and returns the function that
undoes exactly that; the wall keeps the two together (ui/wall/takeover_stage.py). The base
class handles the "details" role with a ``DetailsPanel`` over the body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.facade.room import ControlRoom
from app.wall.model import TileSpec
from app.wall.rotation import FeedWatch
from ui.wall import theme
from ui.wall.theme import WallType

Revert = Callable[[], None]


@dataclass
class WallContext:
    """What every tile of one window needs from the wall."""

    room: ControlRoom
    type: WallType
    clock: Callable[[], float]
    stale_s: float
    dwell_s: float
    bridge: object  # the process's RoomBridge
    camera_names: dict[str, str] = field(default_factory=dict)
    waiting: Callable[[], int] = lambda: 0  # alarms queued for the wall
    tz: dt.tzinfo | None = None  # the wall's time zone (None: this computer's)
    restarted: Callable[[], None] = lambda: None  # a feed was restarted (counted by the wall)

    def local(self, at: float) -> dt.datetime:
        """``at`` as the wall's local time."""
        return dt.datetime.fromtimestamp(at, self.tz) if self.tz else \
            dt.datetime.fromtimestamp(at)

    def utc_offset_s(self, at: float) -> int | None:
        """The wall's zone's offset east of UTC at ``at`` (None: this computer's zone)."""
        offset = self.local(at).utcoffset() if self.tz else None
        return None if offset is None else int(offset.total_seconds())


def wt(text: str) -> str:
    return QCoreApplication.translate("Wall", text)


def elide(painter: QPainter, text: str, width: float) -> str:
    return painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(width))


class WallTile(QWidget):
    def __init__(self, spec: TileSpec, ctx: WallContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.ctx = ctx
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.watch = FeedWatch(ctx.stale_s, 2.0 * ctx.stale_s, now=ctx.clock())
        self.flash = False
        self.held_by: object | None = None  # the takeover showing here, if any
        self._details = None
        self._layout = QVBoxLayout(self)
        pad = ctx.type.pad
        self._layout.setContentsMargins(pad, self.header_height(), pad, pad)
        self._layout.setSpacing(0)

    # ---- what subclasses give ------------------------------------------------------------
    def title(self) -> str:
        return self.spec.title

    def set_body(self, widget: QWidget) -> None:
        self._layout.addWidget(widget, 1)

    def feed_live(self, now: float) -> bool:
        """Whether what the tile shows is current: the room's link is live (a subclass
        with its own feed also asks its watch)."""
        return self.ctx.room.link().live

    def tick(self, now: float) -> None:  # noqa: B027 (optional hook)
        """4 Hz on the wall's clock: rotation, frames, motion."""

    def slow(self, now: float) -> None:
        """1 Hz: figures, and the live/stale header."""
        self.update(0, 0, self.width(), self.header_height())

    def set_flash(self, on: bool) -> None:
        if on != self.flash:
            self.flash = on
            if self.held_by is not None:
                self.update()
            if self._details is not None:
                self._details.set_flash(on)

    def push_takeover(self, role: str, takeover) -> Revert:  # noqa: ANN001
        """Show ``takeover``'s alarm here in ``role``; returns what undoes it."""
        if role != "details":
            raise ValueError(f"a {type(self).__name__} cannot take the {role} role")
        return self._hold_details(takeover, lambda panel: panel.show_alarm(takeover))

    def push_flood(self, summary) -> Revert:  # noqa: ANN001 (a FloodSummary)
        return self._hold_details(summary, lambda panel: panel.show_flood(summary))

    def _hold_details(self, holder, show) -> Revert:  # noqa: ANN001
        """Cover the tile with its details panel, filled by ``show(panel)`` and held by
        ``holder``; the revert gives back what the panel showed before (or hides it)."""
        from ui.wall.details import DetailsPanel

        panel = self._details or DetailsPanel(self.ctx, self)
        self._details = panel
        previous = panel.showing()
        show(panel)
        self._cover(panel)
        self.held_by = holder
        self.update()

        def revert() -> None:
            self.held_by = None
            if previous is None:
                panel.hide()
            else:
                panel.restore(previous)
            self.update()
        return revert

    def update_takeover(self, takeover) -> None:  # noqa: ANN001
        """The alarm holding this tile changed (a repeat, a new value)."""
        if self._details is not None and self.held_by is not None:
            self._details.refresh(takeover)
            self.held_by = takeover

    def put_away(self) -> None:
        """The tile is kept hidden for a later preset: no alarm stays on it (the wall's
        takeovers are rebuilt on the tiles of the next preset)."""
        self.held_by = None
        if self._details is not None:
            self._details.hide()

    def shutdown(self) -> None:  # noqa: B027 (optional hook)
        """Release everything (timers, video, VTK); the tile is about to be deleted."""

    # ---- painting ------------------------------------------------------------------------
    def header_height(self) -> int:
        return self.ctx.type.line_px + 2 * self.ctx.type.pad

    def _cover(self, panel: QWidget) -> None:
        top = self.header_height()
        panel.setGeometry(0, top, self.width(), self.height() - top)
        panel.show()
        panel.raise_()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self._details is not None and self._details.isVisible():
            self._cover(self._details)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.fillRect(self.rect(), theme.TILE)
        self.paint_header(p)
        self.paint_edge(p)
        p.end()

    def paint_header(self, p: QPainter) -> None:
        t, pad = self.ctx.type, self.ctx.type.pad
        bar = QRectF(0, 0, self.width(), self.header_height())
        now = self.ctx.clock()
        live = self.feed_live(now)
        status = (f"● {wt('LIVE')}" if live else
                  f"○ {wt('STALE')} {self._age_text(now)}").strip()
        p.setFont(t.base)
        status_w = p.fontMetrics().horizontalAdvance(status)
        p.setPen(theme.MUTED if live else theme.ABNORMAL)
        p.drawText(bar.adjusted(pad, 0, -pad, 0),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, status)
        p.setFont(t.bold)
        p.setPen(theme.TEXT)
        title = elide(p, self.title(), bar.width() - status_w - 3 * pad)
        p.drawText(bar.adjusted(pad, 0, -pad, 0),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)

    def _age_text(self, now: float) -> str:
        age = self.watch.age(now)
        if age < 1 or age > 99 * 3600:
            return ""
        if age < 120:
            return wt("%1 s").replace("%1", str(int(age)))
        return wt("%1 min").replace("%1", str(int(age // 60)))

    def paint_edge(self, p: QPainter) -> None:
        held = self.held_by is not None
        if held:
            width = max(4, self.ctx.type.pad)
            colour = theme.ALARM_RED if (self.flash or not self._unacked()) else theme.TILE_EDGE
            p.setPen(QPen(colour, width))
            inset = width / 2
            p.drawRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset))
        else:
            p.setPen(QPen(theme.TILE_EDGE, 1))
            p.drawRect(QRectF(self.rect()).adjusted(0, 0, -1, -1))

    def _unacked(self) -> bool:
        alarm = getattr(self.held_by, "alarm", None)
        return alarm is not None and alarm.acknowledged_at is None
