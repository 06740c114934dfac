"""FeedWatch: when is the whole feed silent, and at what time is device silence judged."""

from __future__ import annotations

from app.ingest.feed import MIN_SILENCE_S, FeedWatch

T0 = 1_796_000_000.0


def test_a_busy_site_is_silent_after_the_minimum_and_judged_at_its_last_message() -> None:
    feed = FeedWatch()
    assert feed.silent_for(T0) is None and feed.judging_time(T0) == T0  # nothing heard yet
    for k in range(600):  # 80 messages a second for ten minutes
        feed.note(80, T0 + k)
    last = T0 + 599
    assert feed.threshold_s() == MIN_SILENCE_S
    assert feed.judging_time(last + 20) == last + 20  # a pause, not a silence
    assert feed.silent_for(last + 31) == 31 and feed.judging_time(last + 500) == last
    feed.note(1, last + 600)
    assert feed.silent_for(last + 601) is None and feed.judging_time(last + 601) == last + 601


def test_a_quiet_site_waits_five_usual_gaps() -> None:
    feed = FeedWatch()
    for k in range(0, 600, 20):  # one message every 20 s
        feed.note(1, T0 + k)
    assert feed.threshold_s() == 100.0
    assert feed.silent_for(T0 + 580 + 90) is None
    assert feed.silent_for(T0 + 580 + 101) is not None
