"""Alarm takeover: a high alarm takes a free slot and holds it until acknowledged, cleared or
timed out, then the next queued one (most severe, oldest) takes it; lower alarms never take
over; a flood (10 in 10 minutes) gives every slot back and shows one summary, which ends
when fewer than half remain in the window."""

from __future__ import annotations

import msgspec
import pytest

from app.alarms.model import Alarm, Severity
from app.wall.model import TakeoverSettings
from app.wall.takeover import Ended, FloodChanged, Started, TakeoverBoard, Updated

T0 = 1_750_000_000.0
SETTINGS = TakeoverSettings(min_severity="high", hold_s=900, flood_count=10,
                            flood_window_s=600)


def _alarm(n: int, severity: Severity = Severity.HIGH, at: float = T0, **kw) -> Alarm:
    return Alarm(id=f"A{n}", device_id=f"D{n}", type="event.smoke", severity=severity,
                 message="smoke", raised_at=at, last_at=at, **kw)


def _ack(alarm: Alarm, at: float) -> Alarm:
    return msgspec.structs.replace(alarm, acknowledged_at=at, acknowledged_by="张伟")


def _kinds(changes) -> list[tuple[str, str | None]]:  # noqa: ANN001
    out = []
    for ch in changes:
        if isinstance(ch, (Started, Ended, Updated)):
            out.append((type(ch).__name__, ch.takeover.alarm.id))
        else:
            out.append(("Flood", None if ch.summary is None else str(ch.summary.in_window)))
    return out


def test_a_high_alarm_takes_the_slot_until_acknowledged_then_the_queue_moves_up():
    board = TakeoverBoard([1], SETTINGS)
    a1, a2 = _alarm(1), _alarm(2, Severity.CRITICAL, at=T0 + 5)
    a3 = _alarm(3, at=T0 + 2)
    assert _kinds(board.update(a1, T0)) == [("Started", "A1")]
    assert board.update(a3, T0 + 2) == [] and board.update(a2, T0 + 5) == []
    assert [a.id for a in board.waiting()] == ["A2", "A3"]  # critical first, then oldest
    changes = board.update(_ack(a1, T0 + 30), T0 + 30)
    assert _kinds(changes) == [("Ended", "A1"), ("Started", "A2")]
    assert changes[0].reason == "acknowledged"
    cleared = msgspec.structs.replace(a2, active=False, cleared_at=T0 + 40)
    changes = board.update(cleared, T0 + 40)
    assert _kinds(changes) == [("Ended", "A2"), ("Started", "A3")]
    assert changes[0].reason == "cleared"


def test_medium_shelved_suppressed_or_already_acknowledged_alarms_never_take_over():
    board = TakeoverBoard([1, 2], SETTINGS)
    quiet = [_alarm(1, Severity.MEDIUM), _alarm(2, suppressed=True),
             _alarm(3, shelved_until=T0 + 60), _ack(_alarm(4), T0)]
    assert board.seed(quiet, T0) == [] and not board.active and not board.queue
    # when the shelving runs out, the still unacknowledged alarm comes back on its next change
    assert _kinds(board.update(quiet[2], T0 + 61)) == [("Started", "A3")]


def test_two_slots_hold_two_alarms_and_a_repeat_updates_without_flipping():
    board = TakeoverBoard([1, 2], SETTINGS)
    assert _kinds(board.seed([_alarm(1), _alarm(2, at=T0 + 1)], T0 + 1)) == \
        [("Started", "A1"), ("Started", "A2")]
    assert board.active[1].alarm.id == "A1" and board.active[2].alarm.id == "A2"
    repeat = msgspec.structs.replace(_alarm(1), count=2, last_at=T0 + 9)
    assert _kinds(board.update(repeat, T0 + 9)) == [("Updated", "A1")]
    assert board.active[1].alarm.count == 2 and board.active[1].since == T0 + 1


def test_the_hold_times_out_and_the_alarm_does_not_come_back():
    board = TakeoverBoard([1], SETTINGS)
    board.update(_alarm(1), T0)
    board.update(_alarm(2, at=T0 + 1), T0 + 1)
    assert board.tick(T0 + 899) == []
    changes = board.tick(T0 + 900)
    assert _kinds(changes) == [("Ended", "A1"), ("Started", "A2")]
    assert changes[0].reason == "timeout"
    assert board.update(msgspec.structs.replace(_alarm(1), count=3), T0 + 901) == []
    assert board.active[1].until == T0 + 900 + 900  # its own hold, from when it showed


def test_a_flood_gives_the_slots_back_and_shows_one_summary_until_it_subsides():
    board = TakeoverBoard([1], SETTINGS)
    board.update(_alarm(0), T0)
    changes = []
    for n in range(1, 10):  # the 10th alarm in 10 minutes makes it a flood
        changes += board.update(_alarm(n, Severity.LOW, at=T0 + 10 * n), T0 + 10 * n)
    kinds = _kinds(changes)
    assert kinds[:2] == [("Ended", "A0"), ("Flood", "10")]
    assert changes[0].reason == "flood"
    assert not board.active and board.flood is not None
    summary = board.flood
    assert summary.in_window == 10 and summary.unacknowledged == {3: 1, 1: 9}
    assert [a.id for a in summary.newest] == ["A9", "A8", "A7", "A6", "A5"]
    # a new high alarm in the flood queues instead of flipping the wall
    assert _kinds(board.update(_alarm(20, at=T0 + 200), T0 + 200)) == [("Flood", "11")]
    assert not board.active
    # the window moves on: A0..A4 drop out at T0+600..640; below 5 the flood ends
    assert all(not isinstance(ch, FloodChanged) or ch.summary is not None
               for ch in board.tick(T0 + 640))  # 6 left (A5..A9, A20): still a flood
    changes = board.tick(T0 + 660)  # A5, A6 out: 4 left
    assert _kinds(changes) == [("Flood", None), ("Started", "A0")]
    assert board.waiting()[0].id == "A20"


@pytest.mark.parametrize("count", [2, 5])
def test_flood_figure_follows_the_wall_file(count):
    board = TakeoverBoard([1], TakeoverSettings(flood_count=count, flood_window_s=60))
    for n in range(count - 1):
        board.update(_alarm(n, Severity.LOW, at=T0 + n), T0 + n)
    assert board.flood is None
    board.update(_alarm(99, Severity.LOW, at=T0 + count), T0 + count)
    assert board.flood is not None and board.flood.in_window == count


def test_another_preset_without_the_slot_queues_its_alarm():
    board = TakeoverBoard([1, 2], SETTINGS)
    board.seed([_alarm(1), _alarm(2, at=T0 + 1)], T0 + 1)
    changes = board.set_slots([1], T0 + 5)
    assert _kinds(changes) == [("Ended", "A2")] and changes[0].reason == "preset"
    assert [a.id for a in board.waiting()] == ["A2"]
    changes = board.set_slots([1, 2], T0 + 6)
    assert _kinds(changes) == [("Started", "A2")] and changes[0].takeover.since == T0 + 1


def test_a_closed_alarm_leaves_nothing_behind_on_a_wall_that_runs_for_weeks():
    board = TakeoverBoard([1], SETTINGS)
    for n in range(2000):
        at = T0 + n * 120.0  # one every two minutes: never a flood
        board.update(_alarm(n, at=at), at)
        board.tick(at + 1000)  # its hold runs out
        closed = msgspec.structs.replace(_ack(_alarm(n, at=at), at + 1001), active=False,
                                         closed_at=at + 1002)
        board.update(closed, at + 1002)
    assert not board.active and not board.queue
    assert not board._open and not board._since and not board._done  # noqa: SLF001
    assert board.in_window() <= 6


def test_a_burst_of_changes_in_one_pass_is_one_flood_summary_and_the_same_end_state():
    """What the wall does each tick with the alarms that changed since the last: an outage
    of 300 alarms is the flood starting and one summary (the summary counts every open
    alarm: one per change was 300 passes over up to 300 alarms), and it ends where one
    update at a time ends."""
    burst = [_alarm(n, at=T0 + n) for n in range(300)]
    one_by_one = TakeoverBoard([1, 2], SETTINGS)
    each = [ch for a in burst for ch in one_by_one.update(a, T0 + 300)]
    batched = TakeoverBoard([1, 2], SETTINGS)
    changes = batched.update_many(burst, T0 + 300)
    floods = [ch for ch in changes if isinstance(ch, FloodChanged)]
    assert [f.summary.in_window for f in floods] == [10, 300]  # started, then the summary
    assert len([ch for ch in each if isinstance(ch, FloodChanged)]) > 100
    assert batched.flood == one_by_one.flood
    assert batched.active == one_by_one.active == {}
    assert [a.id for a in batched.waiting()] == [a.id for a in one_by_one.waiting()]
