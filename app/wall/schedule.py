"""Which preset the wall shows: the console in control decides while it holds the wall;
otherwise the schedule (day and night layouts), by local time of day.

``scheduled_preset`` is a pure function of the time, so a wall that starts at 03:00 shows
the night preset at once, and a virtual clock in tests and benchmarks moves it through the
day as fast as it likes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.wall.control import WallStatus
from app.wall.model import ScheduleEntry, WallFile, WallFileError


def zone(name: str) -> dt.tzinfo | None:
    """The schedule's time zone; None = this computer's local time."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise WallFileError(f"wall.timezone: unknown time zone {name!r}") from None


def minute_of_day(now: float, tz: dt.tzinfo | None) -> int:
    local = dt.datetime.fromtimestamp(now, tz) if tz else dt.datetime.fromtimestamp(now)
    return local.hour * 60 + local.minute


def scheduled_preset(schedule: Sequence[ScheduleEntry], now: float, tz: dt.tzinfo | None,
                     default: str) -> str:
    """The preset of the last schedule entry at or before now's time of day (wrapping past
    midnight); ``default`` without a schedule."""
    if not schedule:
        return default
    minute = minute_of_day(now, tz)
    ordered = sorted(schedule, key=lambda e: e.minute_of_day)
    current = ordered[-1]  # before the first entry of the day: the last one of yesterday
    for entry in ordered:
        if entry.minute_of_day <= minute:
            current = entry
    return current.preset


def next_change(schedule: Sequence[ScheduleEntry], now: float, tz: dt.tzinfo | None) -> float:
    """Seconds until the next schedule entry (a full day without a schedule)."""
    if not schedule:
        return 86400.0
    local = dt.datetime.fromtimestamp(now, tz) if tz else dt.datetime.fromtimestamp(now)
    second = local.hour * 3600 + local.minute * 60 + local.second + local.microsecond / 1e6
    waits = [(e.minute_of_day * 60 - second) % 86400 or 86400 for e in schedule]
    return min(waits)


def active_preset(wall: WallFile, status: WallStatus | None, now: float,
                  tz: dt.tzinfo | None) -> tuple[str, str]:
    """(preset, why): "console" while a console in control chose a preset the wall file
    has, else "schedule"."""
    names = wall.preset_names
    if status is not None and status.controlled(now) and status.preset in names:
        return status.preset, "console"  # type: ignore[return-value]
    return scheduled_preset(wall.schedule, now, tz, names[0]), "schedule"
