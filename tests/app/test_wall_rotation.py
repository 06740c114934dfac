"""Rotation keeps each camera up for its dwell, never below 3 s, holds during a takeover and
resumes with what was left; groups start out of phase; a feed watch calls a feed stale, then
stalled, and gives a restarted feed a full period before the next restart."""

from __future__ import annotations

import datetime as dt

import pytest

from app.wall.control import WallController, WallStatus
from app.wall.model import ScheduleEntry, parse_wall_file
from app.wall.rotation import FeedWatch, Rotation
from app.wall.schedule import active_preset, next_change, scheduled_preset

T0 = 1_750_000_000.0


def _shown_for(rotation: Rotation, until: float, step: float = 0.25) -> list[tuple[str, float]]:
    """(item, seconds shown) for each item shown between T0 and ``until``, by ticking."""
    spans, current, since, t = [], rotation.current, T0, T0
    while t <= until:
        if rotation.tick(t):
            spans.append((current, t - since))
            current, since = rotation.current, t
        t += step
    return spans


def test_each_camera_stays_up_for_its_dwell_in_order():
    rotation = Rotation(["a", "b", "c"], 15.0, now=T0)
    spans = _shown_for(rotation, T0 + 95)
    assert [item for item, _ in spans] == ["a", "b", "c", "a", "b", "c"]
    assert all(seconds == pytest.approx(15.0) for _, seconds in spans)


def test_dwell_below_3_s_is_refused_and_a_single_camera_never_rotates():
    with pytest.raises(ValueError, match="at least 3 s"):
        Rotation(["a", "b"], 2.9, now=T0)
    single = Rotation(["a"], 3.0, now=T0)
    assert not single.rotates and not any(single.tick(T0 + s) for s in range(100))


def test_a_hold_stops_the_clock_and_resume_keeps_what_was_left():
    rotation = Rotation(["a", "b"], 15.0, now=T0)
    assert not rotation.tick(T0 + 10)
    rotation.hold(T0 + 10)  # 5 s left when the alarm took the tile
    assert not any(rotation.tick(T0 + 10 + s) for s in range(1, 600))
    rotation.resume(T0 + 610)
    assert not rotation.tick(T0 + 614.9)
    assert rotation.tick(T0 + 615.0) and rotation.current == "b"


def test_a_frozen_wall_moves_one_step_not_a_burst():
    rotation = Rotation(["a", "b", "c"], 15.0, now=T0)
    assert rotation.tick(T0 + 1000) and rotation.current == "b"
    assert not rotation.tick(T0 + 1000.5)
    assert rotation.due_at() == pytest.approx(T0 + 1015)


def test_groups_with_offsets_never_flip_together():
    groups = [Rotation(["a", "b"], 15.0, now=T0, offset_s=15.0 * i / 3) for i in range(3)]
    flips: dict[float, int] = {}
    t = T0
    while t < T0 + 300:
        for g in groups:
            if g.tick(t):
                flips[t] = flips.get(t, 0) + 1
        t = round(t + 0.25, 2)
    assert flips and max(flips.values()) == 1


def test_feed_watch_stale_stalled_and_restart_spacing():
    watch = FeedWatch(5.0, 10.0, now=T0)
    assert not watch.stale(T0 + 4.9) and watch.stale(T0 + 5.0)
    assert not watch.stalled(T0 + 9.9) and watch.stalled(T0 + 10.0)
    watch.restarted(T0 + 10.0)
    assert watch.stale(T0 + 11) and not watch.stalled(T0 + 19.9)
    assert watch.stalled(T0 + 20.0) and watch.restarts == 1
    watch.progress(T0 + 20.5)
    assert not watch.stale(T0 + 21)


SCHEDULE = [ScheduleEntry("07:00", "day"), ScheduleEntry("19:00", "night")]
SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def _at(hour: int, minute: int = 0) -> float:
    return dt.datetime(2025, 6, 1, hour, minute, tzinfo=SHANGHAI).timestamp()


def test_schedule_by_local_time_of_day_wrapping_past_midnight():
    assert scheduled_preset(SCHEDULE, _at(6, 59), SHANGHAI, "x") == "night"
    assert scheduled_preset(SCHEDULE, _at(7, 0), SHANGHAI, "x") == "day"
    assert scheduled_preset(SCHEDULE, _at(18, 59), SHANGHAI, "x") == "day"
    assert scheduled_preset(SCHEDULE, _at(23, 30), SHANGHAI, "x") == "night"
    assert scheduled_preset([], _at(12), SHANGHAI, "first") == "first"
    assert next_change(SCHEDULE, _at(18, 0), SHANGHAI) == pytest.approx(3600)
    assert next_change(SCHEDULE, _at(19, 0), SHANGHAI) == pytest.approx(12 * 3600)


def test_a_console_in_control_overrides_the_schedule_until_its_lease_ends():
    wall = parse_wall_file(
        '[[schedule]]\nat = "07:00"\npreset = "day"\n[[schedule]]\nat = "19:00"\n'
        'preset = "night"\n[[monitors]]\nid = "m"\nsize_mm = [1, 1]\nposition = [0, 0]\n'
        'far_seat_m = 5\n[monitors.presets.day]\ngrid = [1, 1]\n'
        '[monitors.presets.night]\ngrid = [1, 1]\n')
    noon = _at(12)
    holder = WallController("li", "李娜", "desk-1", since=noon - 60, until=noon + 60)
    assert active_preset(wall, None, noon, SHANGHAI) == ("day", "schedule")
    assert active_preset(wall, WallStatus(holder, "night"), noon, SHANGHAI) == \
        ("night", "console")
    assert active_preset(wall, WallStatus(holder, "night"), noon + 61, SHANGHAI) == \
        ("day", "schedule")
    assert active_preset(wall, WallStatus(holder, "dusk"), noon, SHANGHAI) == \
        ("day", "schedule")  # a name this wall file does not have
