"""Dedupe: QoS 1 redeliveries are dropped, and no single message can make a device's
genuine readings look like duplicates (one with seq 9.2e18 and a timestamp an hour ahead
once did so for that hour)."""

from __future__ import annotations

from app.ingest.dedupe import DUPLICATE, JUMP, MAX_JUMP, NEW, WINDOW, Deduper

NOW = 1_796_000_000.0


def feed(dedupe: Deduper, items: list[tuple[int, float]], now: float = NOW) -> list[bool]:
    """(seq, device ts) → was it not taken? (``now``: this machine's clock)"""
    return [dedupe.check_seq("d", seq, ts, now) != NEW for seq, ts in items]


def test_redelivery_is_a_duplicate_reordering_is_not() -> None:
    dedupe = Deduper()
    assert feed(dedupe, [(1, NOW), (2, NOW + 1), (4, NOW + 3), (3, NOW + 2), (2, NOW + 1),
                         (4, NOW + 3)]) == [False, False, False, False, True, True]
    assert dedupe.anomalies == 0


def test_one_huge_seq_from_the_future_does_not_poison_the_device() -> None:
    dedupe = Deduper()
    feed(dedupe, [(s, NOW + s) for s in range(1, 101)])
    assert dedupe.check_seq("d", 9_200_000_000_000_000_000, NOW + 3590, NOW + 100) == JUMP
    genuine = feed(dedupe, [(s, NOW + s) for s in range(101, 201)], now=NOW + 101)
    assert not any(genuine)  # every genuine reading taken (was: all "duplicates" for 1 h)
    assert dedupe.anomalies == 1 and dedupe.last_anomalies()[0].what == "jump"


def test_a_plausible_seq_from_the_future_hides_a_restart_for_a_minute_at_most() -> None:
    dedupe = Deduper()
    feed(dedupe, [(s, NOW + s) for s in range(1, 11)], now=NOW + 10)
    feed(dedupe, [(11, NOW + 3600)], now=NOW + 11)  # hostile: next seq, an hour ahead
    # the device reboots two minutes later and starts again at 0
    assert feed(dedupe, [(0, NOW + 130), (1, NOW + 131)], now=NOW + 130) == [False, False]
    assert dedupe.last_anomalies()[-1].what == "restart"


def test_a_real_counter_jump_is_followed_after_a_second_message() -> None:
    dedupe = Deduper()
    feed(dedupe, [(5, NOW)])
    base = 5 + MAX_JUMP * 3
    verdicts = [dedupe.check_seq("d", seq, ts, NOW + 2)
                for seq, ts in [(base, NOW + 1), (base + 1, NOW + 2), (base, NOW + 1)]]
    assert verdicts == [JUMP, NEW, DUPLICATE]
    assert [a.what for a in dedupe.last_anomalies()] == ["jump_confirmed"]


def test_the_store_orders_readings_by_a_time_no_further_ahead_than_usual() -> None:
    dedupe = Deduper()
    feed(dedupe, [(1, NOW)])
    assert dedupe.believable_ts("d", NOW + 3600, NOW) == NOW + 60
    assert dedupe.believable_ts("d", NOW - 5, NOW) == NOW - 5


def test_device_restart_with_newer_time_and_old_redelivery_beyond_the_window() -> None:
    dedupe = Deduper()
    feed(dedupe, [(s, NOW + s) for s in range(1, 201)], now=NOW + 200)
    assert feed(dedupe, [(200 - WINDOW - 5, NOW + 200 - WINDOW - 5)], now=NOW + 201) == [True]
    assert feed(dedupe, [(0, NOW + 300)], now=NOW + 300) == [False]  # rebooted
    assert dedupe.anomalies == 2


def test_a_device_whose_clock_runs_ten_minutes_fast_is_still_deduplicated() -> None:
    dedupe = Deduper()
    fast = 600.0
    items = [(s, NOW + s + fast) for s in range(1, 51)]
    assert not any(feed(dedupe, items, now=NOW + 50))
    assert all(feed(dedupe, items[-20:], now=NOW + 60))  # redelivered after a reconnect
    assert dedupe.anomalies == 0
