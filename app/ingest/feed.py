"""Is the site talking at all? Silence of the whole feed is one fact, not a fault per device.

A compound does not go dark device by device in the same second. When nothing at all
arrives — the end of a replay, a dead gateway or broker bridge while the control room's own
connection stays up — every device would go stale at once and raise its own ``offline``
alarm (a replay's end once raised 106). Instead, once the feed has been silent longer than
``threshold_s`` (``MIN_SILENCE_S``, or ``GAP_FACTOR`` times the usual gap between
messages on a quiet site), staleness is judged at the time the last message arrived
(``judging_time``): devices keep their last state, and the engine raises one alarm for the
feed. When messages flow again, every device is judged at the present time as before; a
device that stops while the others talk still goes stale.
"""

from __future__ import annotations

from collections import deque

#: the device id of the feed's own alarm (not a device of the scene)
FEED_ALARM_DEVICE = "mqtt-feed"
MIN_SILENCE_S = 30.0
#: how many usual gaps between messages make a silence on a quiet site
GAP_FACTOR = 5.0
#: the span over which the usual rate is measured, in buckets of BUCKET_S
WINDOW_S = 600.0
BUCKET_S = 10.0


class FeedWatch:
    def __init__(self, min_silence_s: float = MIN_SILENCE_S) -> None:
        self.min_silence_s = min_silence_s
        self.last_at: float | None = None  # this machine's time of the newest message
        # [bucket start, messages, first message's time]
        self._buckets: deque[list[float]] = deque()

    def note(self, messages: int, now: float) -> None:
        """``messages`` arrived at ``now`` (called by ingest for every batch)."""
        if messages <= 0:
            return
        start = now - now % BUCKET_S
        buckets = self._buckets
        if buckets and buckets[-1][0] == start:
            buckets[-1][1] += messages
        else:
            buckets.append([start, messages, now])
        while buckets and buckets[0][0] < start - WINDOW_S:
            buckets.popleft()
        self.last_at = now if self.last_at is None else max(self.last_at, now)

    def threshold_s(self) -> float:
        """How long a silence must last to be the feed's, not the devices'."""
        buckets = self._buckets
        if not buckets or self.last_at is None:
            return self.min_silence_s
        span = self.last_at - buckets[0][2]
        gaps = max(1, sum(b[1] for b in buckets) - 1)
        return max(self.min_silence_s, GAP_FACTOR * span / gaps)

    def silent_for(self, now: float) -> float | None:
        """Seconds since the last message when the feed counts silent, else None (also
        before the first message: there is nothing to judge yet)."""
        if self.last_at is None:
            return None
        quiet = now - self.last_at
        return quiet if quiet > self.threshold_s() else None

    def judging_time(self, now: float) -> float:
        """The time at which devices' silence is to be judged: now while the feed talks,
        the last message's time while the whole feed is silent."""
        if self.silent_for(now) is None:
            return now
        assert self.last_at is not None
        return self.last_at
