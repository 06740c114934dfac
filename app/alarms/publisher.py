"""Alarm lifecycle events on ``{prefix}/{site}/alarms`` (QoS 1) for city platforms.

Publishing goes through the live source; a read-only source (replay, training) cannot
publish, and then nothing is sent — by design, not by accident.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import msgspec

from app.alarms.model import AlarmChanged

log = logging.getLogger(__name__)

Publish = Callable[[str, bytes], None]

#: transitions worth telling a city platform about; comments and repeats stay local
PUBLISHED_ACTIONS = frozenset({"raised", "severity", "acknowledged", "dispatched", "cleared",
                               "reactivated", "closed", "escalated", "shelved", "unshelved"})


class AlarmMessage(msgspec.Struct, frozen=True):
    action: str
    alarm_id: str
    device_id: str
    type: str
    severity: int
    state: str
    message: str
    raised_at_ms: int
    at_ms: int
    count: int
    value: float | None
    parent_id: str | None


def encode(change: AlarmChanged) -> bytes:
    a = change.alarm
    return msgspec.json.encode(AlarmMessage(
        action=change.action, alarm_id=a.id, device_id=a.device_id, type=a.type,
        severity=int(a.severity), state=a.state, message=a.message,
        raised_at_ms=int(a.raised_at * 1000), at_ms=int(change.at * 1000), count=a.count,
        value=a.last_value, parent_id=a.parent_id))


class AlarmPublisher:
    def __init__(self, topic: str, publish: Publish | None) -> None:
        self.topic = topic
        self._publish = publish
        self.sent = 0
        self.failed = 0

    def __call__(self, change: AlarmChanged) -> None:
        if self._publish is None or change.action not in PUBLISHED_ACTIONS:
            return
        try:
            self._publish(self.topic, encode(change))
            self.sent += 1
        except Exception as exc:  # the broker being down must not break the alarm book
            self.failed += 1
            log.warning("alarm event not published: %s", exc)
