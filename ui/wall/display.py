"""WallDisplay: the whole video wall of one wall file on one ControlRoom — a window per
monitor, the preset (the schedule, or the console in control), rotation, the watchdog, the
alarm takeover and flood summary, and flashing.

It runs on any room: the engine in this process (a one-PC compound: the desk and the wall
side by side) or a server's console signed in with the read-only ``wall`` role. It never
sends a command. Time is the room's clock (the server's at a console, a virtual clock in
the benchmark); the timers only decide how often it is looked at:

- every ``TICK_MS``: rotation, the watchdog, takeover holds and the flood window, the
  schedule and the control state;
- alarm changes as they come, but a burst (everything queued together) as one pass of
  the takeover board with the newest copy of each alarm: one pass per change made a flood
  of N alarms N² work, and a wall behind its stream holds every queued change in memory;
- every ``FRAME_MS``: camera frames, and the 1 Hz flash phase (real time: it is a rate the
  eye sees, not a duration);
- every second: figures, lists and the live/stale headers.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QRect, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QScreen

from app.facade.room import ControlRoom
from app.wall.control import WallStatus
from app.wall.memory import release_free_memory
from app.wall.model import WallFile
from app.wall.schedule import active_preset, zone
from app.wall.takeover import TakeoverBoard
from ui.bridge import RoomBridge
from ui.wall import theme
from ui.wall.camera_tile import CameraTile
from ui.wall.screens import Placement, Rect, ScreenInfo, place_monitors
from ui.wall.takeover_stage import TakeoverStage
from ui.wall.tile import WallContext, WallTile, wt
from ui.wall.window import WallWindow, window_type

log = logging.getLogger(__name__)

TICK_MS = 250
FRAME_MS = 100
SLOW_MS = 1000
TRIM_S = 300.0  # real seconds between giving freed heap back (app/wall/memory.py)


class WallDisplay(QObject):
    sig_preset_changed = Signal(str)

    def __init__(self, room: ControlRoom, wall: WallFile, *,
                 screens: Sequence[QScreen] | None = None,
                 clock: Callable[[], float] | None = None,
                 placements: Sequence[tuple[QScreen, QRect, bool]] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.room = room
        self.wall = wall
        self.clock = clock or room.clock
        self.tz = zone(wall.wall.timezone)
        self.bridge = RoomBridge.of(room)
        self.names = {c.id: c.name for c in room.scene.cameras}
        now = self.clock()
        self.preset, self.preset_reason = active_preset(wall, self._status(), now, self.tz)
        self.board = TakeoverBoard(wall.slots(self.preset), wall.takeover)
        self.stage = TakeoverStage(self.reserved, self.flood_tile)
        self.windows: list[WallWindow] = []
        self.feed_restarts = 0  # by the watchdog, since the wall started
        self._flash = False
        self._trimmed_at = time.monotonic()
        self._build_windows(screens, placements)
        self._lay_out()
        self.stage.apply(self.board.seed(room.alarms.open_alarms(), now))
        #: alarm copies not yet on the board, the newest of each (see _on_alarm)
        self._arrived: dict[str, object] = {}
        self._arrival = QTimer(self)
        self._arrival.setSingleShot(True)
        self._arrival.setInterval(0)  # after the changes already queued with this one
        self._arrival.timeout.connect(lambda: self._apply_arrived(self.clock()))
        self.bridge.sig_alarm.connect(self._on_alarm)
        self.bridge.sig_other.connect(self._on_other)
        self._timers = []
        for ms, slot in ((TICK_MS, self.tick), (FRAME_MS, self._on_frame),
                         (SLOW_MS, self._on_slow)):
            timer = QTimer(self)
            timer.setInterval(ms)
            timer.timeout.connect(slot)
            timer.start()
            self._timers.append(timer)
        self._refresh_status()

    # ---- windows -------------------------------------------------------------------------
    def _build_windows(self, screens: Sequence[QScreen] | None,
                       placements: Sequence[tuple[QScreen, QRect, bool]] | None) -> None:
        if placements is None:
            screens = list(screens if screens is not None else QGuiApplication.screens())
            infos = [ScreenInfo(s.name(), _rect(s.geometry())) for s in screens]
            chosen: list[Placement] = place_monitors(self.wall.monitors, infos)
            plan = [(p.monitor, screens[p.screen], QRect(p.rect.x, p.rect.y, p.rect.w,
                                                         p.rect.h), p.full_screen)
                    for p in chosen]
        else:
            plan = [(m, s, r, f) for m, (s, r, f) in zip(self.wall.monitors, placements,
                                                          strict=False)]
        first = min(self.wall.monitors, key=lambda m: (m.position[1], m.position[0]))
        for monitor, screen, rect, full in plan:
            ctx = WallContext(self.room, window_type(monitor, self.wall, rect), self.clock,
                              self.wall.wall.stale_s, self.wall.wall.dwell_s, self.bridge,
                              self.names, waiting=lambda: len(self.board.queue),
                              tz=self.tz, restarted=self._count_restart)
            window = WallWindow(monitor, self.wall, ctx)
            if monitor is first:
                window.add_status_line()
            window.place(screen, rect, full)
            self.windows.append(window)
            log.info("wall: monitor %s on screen %s at %d,%d %dx%d%s", monitor.id,
                     screen.name(), rect.x(), rect.y(), rect.width(), rect.height(),
                     " (full screen)" if full else "")

    def _lay_out(self) -> None:
        """Build the current preset's tiles; rotating groups start out of phase."""
        rotating = [(w, i) for w in self.windows
                    for i, t in enumerate(w.monitor.presets[self.preset].tiles)
                    if getattr(t, "cameras", None) and len(t.cameras) > 1 and not t.pinned]
        for window in self.windows:
            offsets = {i: self.wall.wall.dwell_s * n / max(1, len(rotating))
                       for n, (w, i) in enumerate(rotating) if w is window}
            window.set_layout(self.preset, window.monitor.presets[self.preset], offsets)
        if self.room.session.training:  # a training wall says so on every screen, 3D included
            from ui.training.watermark import mark_window

            for window in self.windows:
                mark_window(window)

    def _count_restart(self) -> None:
        self.feed_restarts += 1

    def tiles(self) -> list[WallTile]:
        return [t for w in self.windows for t in w.tiles]

    def reserved(self, slot: int) -> list[tuple[str, WallTile]]:
        return [pair for w in self.windows for pair in w.reserved(slot)]

    def flood_tile(self) -> WallTile | None:
        slots = self.wall.slots(self.preset)
        for slot in slots:
            for role, tile in self.reserved(slot):
                if role == "details":
                    return tile
        return next((t for t in self.tiles() if t.spec.__struct_config__.tag == "alarms"),
                    None)

    # ---- presets -------------------------------------------------------------------------
    def _status(self) -> WallStatus | None:
        reader = getattr(self.room, "wall", None)  # the room's wall control state
        return reader.state().status(self.wall.wall.id) if reader is not None else None

    def set_preset(self, name: str, reason: str = "schedule") -> None:
        if name not in self.wall.preset_names:
            raise ValueError(f"no preset {name!r}")
        self.preset_reason = reason
        if name == self.preset:
            self._refresh_status()
            return
        log.info("wall: preset %s (%s)", name, reason)
        self.preset = name
        now = self.clock()
        self.stage.reverts.clear()  # the tiles they restore are about to go
        self._lay_out()
        # the board moves alarms off slots this preset lacks; the new tiles show what stays
        self.board.set_slots(self.wall.slots(name), now)
        self.stage.rebuilt(list(self.board.active.values()), self.board.flood)
        self._refresh_status()
        self.sig_preset_changed.emit(name)
        # once the old tiles are deleted (deferred), give their memory back to the system
        QTimer.singleShot(2000, release_free_memory)

    def _check_preset(self, now: float) -> None:
        name, reason = active_preset(self.wall, self._status(), now, self.tz)
        if (name, reason) != (self.preset, self.preset_reason):
            self.set_preset(name, reason)

    def _refresh_status(self) -> None:
        for window in self.windows:
            if window.status is not None:
                window.status.set_text(self.status_text())
                window.status.update()

    def status_text(self) -> str:
        title = self.wall.monitors[0].presets[self.preset].title or self.preset
        status = self._status()
        if self.preset_reason == "console" and status is not None and status.controller:
            who = status.controller.display_name or status.controller.user
            return wt("%1 · chosen by %2 (%3)").replace("%1", title).replace(
                "%2", who).replace("%3", status.controller.console)
        return wt("%1 · by schedule").replace("%1", title)

    # ---- the clock -----------------------------------------------------------------------
    def tick(self) -> None:
        now = self.clock()
        self._check_preset(now)
        self._apply_arrived(now)
        self.stage.apply(self.board.tick(now))
        for tile in self.tiles():
            tile.tick(now)

    def _on_frame(self) -> None:
        for tile in self.tiles():
            if isinstance(tile, CameraTile):
                tile.pull()
        flash = theme.flash_on(time.monotonic())
        if flash != self._flash:
            self._flash = flash
            for tile in self.tiles():
                tile.set_flash(flash)

    def _on_slow(self) -> None:
        now = self.clock()
        for tile in self.tiles():
            tile.slow(now)
        self._refresh_status()
        if time.monotonic() - self._trimmed_at >= TRIM_S:
            self._trimmed_at = time.monotonic()
            release_free_memory()

    def _on_alarm(self, change) -> None:  # noqa: ANN001 (an AlarmChanged)
        # applied once the changes queued with it are in: a burst (an outage, a flood) is
        # one pass of the board, not one per change, so the wall keeps up with its stream
        self._arrived[change.alarm.id] = change.alarm  # the newest copy, in first-come order
        if not self._arrival.isActive():
            self._arrival.start()

    def _apply_arrived(self, now: float) -> None:
        if self._arrived:
            alarms, self._arrived = list(self._arrived.values()), {}
            self.stage.apply(self.board.update_many(alarms, now))

    def _on_other(self, event: object) -> None:
        if isinstance(event, dict) and "wall" in event:
            self._check_preset(self.clock())
            self._refresh_status()

    # ---- lifecycle and pictures ----------------------------------------------------------
    def show(self) -> None:
        for window in self.windows:
            window.show()

    def close(self) -> None:
        for timer in self._timers:
            timer.stop()
        self._arrival.stop()
        for window in self.windows:
            window.clear()
            window.close()
            window.deleteLater()
        self.windows = []

    def grab_image(self, gap: int = 8) -> QImage:
        """Every monitor's window, side by side where it stands in the wall (by its
        position in the wall file, whichever screens the windows are on)."""
        shots = {w.monitor.position: w.grab_image() for w in self.windows}
        widths: dict[int, int] = {}
        heights: dict[int, int] = {}
        for (col, row), shot in shots.items():
            widths[col] = max(widths.get(col, 0), shot.width())
            heights[row] = max(heights.get(row, 0), shot.height())
        xs = _offsets(widths, gap)
        ys = _offsets(heights, gap)
        image = QImage(sum(widths.values()) + gap * (len(widths) - 1),
                       sum(heights.values()) + gap * (len(heights) - 1),
                       QImage.Format.Format_RGB32)
        image.fill(theme.VIDEO_BG)
        painter = QPainter(image)
        for (col, row), shot in shots.items():
            painter.drawImage(xs[col], ys[row], shot)
        painter.end()
        return image


def _rect(r: QRect) -> Rect:
    return Rect(r.x(), r.y(), r.width(), r.height())


def _offsets(sizes: dict[int, int], gap: int) -> dict[int, int]:
    out, at = {}, 0
    for key in sorted(sizes):
        out[key] = at
        at += sizes[key] + gap
    return out
