"""Which frames a camera analyser takes: every frame, or one per period of stream time on
schedule (a time-lapse sampled every frame stays on every frame despite rounding), with
the schedule restarted after a gap or a file that loops."""

from __future__ import annotations

from app.vision.analyzers import SampleSchedule


def _taken(schedule: SampleSchedule, times) -> list[float]:
    return [t for t in times if schedule.due(t)]


def test_every_frame_when_the_period_is_zero() -> None:
    assert _taken(SampleSchedule(0.0), [0.0, 0.04, 0.08]) == [0.0, 0.04, 0.08]


def test_one_frame_per_period_on_schedule() -> None:
    times = [i * 0.5 for i in range(61)]  # 30 s at 2 fps
    assert _taken(SampleSchedule(10.0), times) == [0.0, 10.0, 20.0, 30.0]


def test_a_time_lapse_sampled_every_frame_keeps_every_frame() -> None:
    fps = 12.0
    times = [i / fps for i in range(240)]
    assert len(_taken(SampleSchedule(1.0 / fps), times)) == 240


def test_a_gap_or_a_loop_restarts_the_schedule() -> None:
    s = SampleSchedule(10.0)
    assert _taken(s, [0.0, 10.0, 55.0, 60.0, 65.0]) == [0.0, 10.0, 55.0, 65.0]
    assert s.due(0.0)  # the file played again from its start
