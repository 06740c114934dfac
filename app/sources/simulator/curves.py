"""Daily patterns of a Chinese residential compound, as piecewise-linear tables by local hour.

Shapes are what property staff expect to see: electricity with a small morning and a large
evening peak and a 3–5 am valley; water with sharper morning and evening peaks; cars leaving
07:00–09:00 and returning 17:30–20:00. Values are relative (≈0..1).
"""

from __future__ import annotations

import bisect

#: China Standard Time, UTC+8, no daylight saving
LOCAL_OFFSET_S = 8 * 3600

Table = tuple[tuple[float, float], ...]

CURVES: dict[str, Table] = {
    "power": ((0, .38), (3, .2), (5, .22), (7, .58), (8.5, .5), (11, .45), (12.5, .55),
              (16, .45), (18, .78), (20, 1.0), (22, .78), (24, .38)),
    "water": ((0, .12), (3, .05), (5.5, .15), (7, 1.0), (8.5, .55), (11, .4), (12.5, .55),
              (15, .3), (18, .65), (20.5, .95), (22.5, .5), (24, .12)),
    # general human activity: lifts, doors, ambient noise
    "activity": ((0, .08), (4, .03), (6, .25), (7.5, .9), (9, .6), (12, .55), (14, .45),
                 (17.5, .8), (19.5, 1.0), (22, .45), (24, .08)),
    "cars_out": ((0, .02), (5, .03), (6.5, .4), (7.5, 1.0), (9, .45), (12, .25), (15, .25),
                 (18, .2), (21, .1), (24, .02)),
    "cars_in": ((0, .05), (6, .03), (9, .15), (12, .3), (15, .25), (17, .55), (18.5, 1.0),
                (20, .6), (22, .3), (24, .05)),
}

_XS = {name: [p[0] for p in table] for name, table in CURVES.items()}


def local_hour(t: float) -> float:
    """Hour of day (0..24) in China Standard Time for epoch seconds ``t``."""
    return ((t + LOCAL_OFFSET_S) % 86400.0) / 3600.0


def local_day(t: float) -> int:
    """Day number in local time, for per-day schedules (parking, charging)."""
    return int((t + LOCAL_OFFSET_S) // 86400.0)


def curve(name: str, hour: float) -> float:
    """The named curve at ``hour`` (0..24), linearly interpolated."""
    table = CURVES[name]
    i = bisect.bisect_right(_XS[name], hour)
    if i <= 0:
        return table[0][1]
    if i >= len(table):
        return table[-1][1]
    (x0, y0), (x1, y1) = table[i - 1], table[i]
    return y0 + (y1 - y0) * (hour - x0) / (x1 - x0)
