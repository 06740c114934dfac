"""Which screen each monitor of the wall file goes to, and where on it.

A monitor naming a screen (``screen = "HDMI-1"``) gets that screen. The others go by
position: monitors sorted by row then column, screens by their top-left corner, one
monitor per screen, full screen. With fewer screens than monitors (a desk PC with one spare
screen, a test display), the wall's columns are shared out over the screens and each
screen shows its monitors side by side and stacked, scaled into it with their shape kept:
every monitor stays visible, in its place in the wall. Pure geometry on plain rectangles, so it is tested
without any display.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.wall.model import Monitor


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    w: int
    h: int


@dataclass(frozen=True)
class ScreenInfo:
    name: str
    rect: Rect


@dataclass(frozen=True)
class Placement:
    monitor: Monitor
    screen: int  # index into the screens given
    rect: Rect
    full_screen: bool  # the monitor has the screen to itself


def place_monitors(monitors: Sequence[Monitor], screens: Sequence[ScreenInfo]
                   ) -> list[Placement]:
    if not screens:
        raise ValueError("no screen to show the wall on")
    order = sorted(range(len(screens)), key=lambda i: (screens[i].rect.y, screens[i].rect.x))
    placed: list[Placement] = []
    free = list(order)
    rest: list[Monitor] = []
    names = {s.name: i for i, s in enumerate(screens)}
    for monitor in monitors:  # named screens first
        index = names.get(monitor.screen) if monitor.screen else None
        if index is not None and index in free:
            free.remove(index)
            placed.append(Placement(monitor, index, screens[index].rect, True))
        else:
            rest.append(monitor)
    rest.sort(key=lambda m: (m.position[1], m.position[0]))
    if not rest:
        return placed
    if len(free) >= len(rest):
        placed += [Placement(m, i, screens[i].rect, True) for m, i in zip(rest, free,
                                                                         strict=False)]
        return placed
    if not free:  # every screen named: the rest share the last one
        free = [order[-1]]
    return placed + _shared(rest, [screens[i] for i in free], free)


def _shared(monitors: list[Monitor], screens: list[ScreenInfo], indices: list[int]
            ) -> list[Placement]:
    """The wall's columns split over the screens as evenly as they go; on each screen its
    monitors keep their relative rows and columns in equal cells."""
    columns = sorted({m.position[0] for m in monitors})
    rows = sorted({m.position[1] for m in monitors})
    k = min(len(screens), len(columns))
    chunks = [columns[i * len(columns) // k:(i + 1) * len(columns) // k] for i in range(k)]
    aspect = sum(m.size_mm[0] / m.size_mm[1] for m in monitors) / len(monitors)
    out = []
    for chunk, screen, index in zip(chunks, screens, indices, strict=False):
        r = screen.rect
        # equal cells of the monitors' shape, as large as fit, centred on the screen
        cw = int(min(r.w / len(chunk), r.h * aspect / len(rows)))
        ch = int(cw / aspect)
        x0 = r.x + (r.w - cw * len(chunk)) // 2
        y0 = r.y + (r.h - ch * len(rows)) // 2
        for monitor in monitors:
            col, row = monitor.position
            if col not in chunk:
                continue
            c, rr = chunk.index(col), rows.index(row)
            out.append(Placement(monitor, index, Rect(x0 + c * cw, y0 + rr * ch, cw, ch),
                                 False))
    return out
