"""Which screen each monitor goes to (pure geometry): one monitor per screen by position,
a named screen honoured, and with fewer screens the wall's columns shared out, each monitor
keeping its shape and its place."""

from __future__ import annotations

from app.wall.model import Monitor
from ui.wall.screens import Rect, ScreenInfo, place_monitors


def _monitor(mid: str, col: int, row: int, screen: str = "") -> Monitor:
    return Monitor(id=mid, size_mm=(1218.0, 685.0), position=(col, row), far_seat_m=5.0,
                   presets={}, screen=screen)


WALL = [_monitor("tr", 1, 0), _monitor("bl", 0, 1), _monitor("tl", 0, 0), _monitor("br", 1, 1)]


def _screens(n: int, w: int = 1920, h: int = 1080) -> list[ScreenInfo]:
    # listed out of order on purpose: placement goes by where they are, not the list
    return [ScreenInfo(f"S{i}", Rect((n - 1 - i) * w, 0, w, h)) for i in range(n)]


def test_one_monitor_per_screen_by_position():
    placed = {p.monitor.id: p for p in place_monitors(WALL, _screens(4))}
    assert all(p.full_screen for p in placed.values())
    xs = {mid: p.rect.x for mid, p in placed.items()}
    assert xs["tl"] < xs["tr"] < xs["bl"] < xs["br"]  # row by row, left to right


def test_a_named_screen_is_honoured():
    wall = [_monitor("a", 0, 0), _monitor("b", 1, 0, screen="S0")]
    placed = {p.monitor.id: p for p in place_monitors(wall, _screens(2))}
    assert placed["b"].screen == 0 and placed["a"].screen == 1


def test_fewer_screens_share_the_columns_and_keep_the_shape():
    placed = {p.monitor.id: p for p in place_monitors(WALL, _screens(2))}
    assert not any(p.full_screen for p in placed.values())
    left, right = _screens(2)[1].rect, _screens(2)[0].rect
    for mid in ("tl", "bl"):
        r = placed[mid].rect
        assert left.x <= r.x and r.x + r.w <= left.x + left.w
    for mid in ("tr", "br"):
        r = placed[mid].rect
        assert right.x <= r.x and r.x + r.w <= right.x + right.w
    for p in placed.values():
        assert abs(p.rect.w / p.rect.h - 1218 / 685) < 0.01
    assert placed["tl"].rect.y < placed["bl"].rect.y
    one = {p.monitor.id: p.rect for p in place_monitors(WALL, _screens(1))}
    assert one["tl"].x < one["tr"].x and one["tl"].y < one["bl"].y
    assert one["tl"].w == one["br"].w == 960
