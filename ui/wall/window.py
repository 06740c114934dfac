"""WallWindow: one monitor of the wall — a frameless window with the monitor's preset laid
out as a grid of tiles, no cursor, nothing to click.

``place(screen, rect, full_screen)`` puts it on its screen the way that works with X11 and
Windows alike: ``setScreen`` first, the geometry set explicitly, then full screen (a
frameless full-screen window otherwise lands on the primary screen). ``set_layout`` builds
the preset's tiles for the window's real pixel size (text is sized from it), shutting the
previous tiles down first so a preset switch leaves no video or 3D surface behind.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QScreen
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from app.wall.model import Layout, Monitor, WallFile
from ui.screenshot import array_to_image
from ui.wall import theme
from ui.wall.factory import build_tile
from ui.wall.theme import WallType
from ui.wall.tile import WallContext, WallTile, elide, wt


class StatusLine(QWidget):
    """Which preset shows and why (the schedule, or the console in control), and the time."""

    def __init__(self, window: WallWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.text = ""
        self.setFixedHeight(window.type.line_px + 2 * window.type.pad)

    def set_text(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        t = self.window_.type
        p.fillRect(self.rect(), theme.BACKGROUND)
        p.setFont(t.base)
        p.setPen(theme.MUTED)
        area = QRectF(self.rect()).adjusted(t.pad, 0, -t.pad, 0)
        clock = self.window_.ctx.local(self.window_.ctx.clock()).strftime("%H:%M")
        width = p.fontMetrics().horizontalAdvance(clock)
        p.drawText(area, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, clock)
        p.drawText(area.adjusted(0, 0, -width - 2 * t.pad, 0), Qt.AlignmentFlag.AlignVCenter,
                   elide(p, self.text, area.width() - width - 2 * t.pad))
        p.end()


class WallWindow(QWidget):
    def __init__(self, monitor: Monitor, wall: WallFile, ctx: WallContext) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.monitor = monitor
        self.wall = wall
        self.ctx = ctx
        self.type = ctx.type
        self.setObjectName(f"WallWindow-{monitor.id}")
        self.setWindowTitle(f"{wall.wall.name or wt('Video wall')} — {monitor.id}")
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), theme.BACKGROUND)
        self.setPalette(palette)
        self.tiles: list[WallTile] = []
        self.layout_name = ""
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._grid_host = QWidget(self)
        self._grid = QGridLayout(self._grid_host)
        pad = self.type.pad
        self._grid.setContentsMargins(pad, pad, pad, pad)
        self._grid.setSpacing(pad)
        self._column.addWidget(self._grid_host, 1)
        self.status: StatusLine | None = None

    # ---- where it shows ------------------------------------------------------------------
    def place(self, screen: QScreen, rect: QRect, full_screen: bool) -> None:
        self.setScreen(screen)
        self.setGeometry(rect)
        if full_screen:
            self.showFullScreen()
            self.setGeometry(rect)  # some window managers move it when it goes full screen
        else:
            self.show()

    def add_status_line(self) -> StatusLine:
        self.status = StatusLine(self)
        self._column.addWidget(self.status)
        return self.status

    # ---- what it shows -------------------------------------------------------------------
    def set_layout(self, name: str, layout: Layout, offsets: dict[int, float]) -> None:
        """Replace the tiles with ``layout``'s; ``offsets`` (tile index → seconds) puts
        the rotating groups out of phase."""
        self.clear()
        self.layout_name = name
        columns, rows = layout.grid
        for c in range(16):
            self._grid.setColumnStretch(c, 1 if c < columns else 0)
            self._grid.setRowStretch(c, 1 if c < rows else 0)
        for index, spec in enumerate(layout.tiles):
            tile = build_tile(spec, self.ctx, offsets.get(index, 0.0))
            (col, row), (cols, nrows) = spec.cell, spec.span
            self._grid.addWidget(tile, row, col, nrows, cols)
            self.tiles.append(tile)

    def clear(self) -> None:
        for tile in self.tiles:
            # hidden first (no paint reaches a released 3D surface), released, then deleted
            # where it is: reparenting would give its GL window a new native window under
            # the render window's feet
            tile.hide()
            tile.shutdown()
            self._grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []

    def reserved(self, slot: int) -> list[tuple[str, WallTile]]:
        return [(t.spec.takeover, t) for t in self.tiles
                if t.spec.takeover is not None and t.spec.slot == slot]

    # ---- pictures ------------------------------------------------------------------------
    def grab_image(self) -> QImage:
        """The window as the room sees it: widgets grabbed, the 3D views composited."""
        image = self.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(1.0)
        painter = QPainter(image)
        for tile in self.tiles:
            view = getattr(tile, "view", None)
            if view is not None and hasattr(view, "grab_image") and view.isVisible():
                frame = view.grab_image()
                origin = view.mapTo(self, QPoint(0, 0))
                painter.drawImage(QRect(origin.x(), origin.y(), view.width(), view.height()),
                                  array_to_image(frame))
        painter.end()
        return image

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.clear()
        super().closeEvent(event)


def window_type(monitor: Monitor, wall: WallFile, rect: QRect) -> WallType:
    return WallType(monitor.far_seat_m, (rect.width(), rect.height()), monitor.size_mm,
                    wall.wall.text_arcmin)
