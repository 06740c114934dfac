"""What a replay may send: the recording's own traffic, as devices sent it, nothing else.

A recording is a file anyone can edit. Replaying it publishes to a live broker, so each
frame is checked before it goes out (``ReplaySelection.judge``):

- ``outside_root``: only topics under the recording's own root (``cr/demo/…``) are sent;
  never another site's, never ``$SYS/…``;
- ``not_publishable``: a topic with a wildcard, a NUL or an empty level cannot be sent;
- ``control_room``: the control room's own traffic (alarm events, work orders, its status)
  is never sent again, even when an old recording holds it: city platforms and
  technicians' handsets would take old alarms and orders for new ones.

Messages that arrived retained (births, statuses) go out retained only when asked
(``keep_retained``); otherwise a replay leaves the broker's retained state alone.
"""

from __future__ import annotations

from collections import Counter

from app.recording.format import Frame, RecordingError, RecordingHeader
from app.wire.topics import TopicError, TopicScheme, check_level, is_publishable

SKIP_REASONS = ("outside_root", "not_publishable", "control_room")


def scheme_of(root: str) -> TopicScheme:
    """The topic scheme of a recording root (``prefix/site``); raises RecordingError."""
    prefix, _, site = root.rpartition("/")
    try:
        check_level("recording root", root, allow_slash=True)
        return TopicScheme(prefix, site)
    except TopicError as exc:
        raise RecordingError(f"recording root {root!r} is not a topic root: {exc}") from None


class ReplaySelection:
    def __init__(self, header: RecordingHeader, default_root: str, *,
                 keep_retained: bool = False) -> None:
        """``default_root``: for recordings made before headers carried their root."""
        self.scheme = scheme_of(header.root or default_root)
        self.keep_retained = keep_retained
        self.skipped: Counter[str] = Counter()

    def judge(self, frame: Frame) -> str | None:
        """Why ``frame`` must not be sent (one of SKIP_REASONS, counted), or None."""
        topic = frame.topic
        if not self.scheme.owns(topic):
            reason = "outside_root"
        elif not is_publishable(topic) or "" in topic.split("/"):
            reason = "not_publishable"
        elif self.scheme.is_outbound(topic):
            reason = "control_room"
        else:
            return None
        self.skipped[reason] += 1
        return reason

    def retain(self, frame: Frame) -> bool:
        return self.keep_retained and frame.retain

    def summary(self) -> str:
        return ", ".join(f"{n} {reason.replace('_', ' ')}" for reason, n in
                         sorted(self.skipped.items())) or "none"
