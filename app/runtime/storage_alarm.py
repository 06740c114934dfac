"""The storage health alarm: loud when storage cannot keep what arrives.

The engine's housekeeping calls ``tick()`` every second. While the writer is *blocked* —
neither the database nor the spill journal takes records (a full or failing disk) — a
CRITICAL alarm stands on the control room itself (device ``control-room``, type
``storage.blocked``): on the board, with its sound, and published to the alarms topic like
any alarm. Incoming MQTT messages are then held unacknowledged (the broker keeps them), so
nothing is lost, but nothing new is stored either until someone frees the disk. Messages a
writer nobody acknowledges on had to drop (the simulator) raise it too. It clears once
storage keeps up again; its numbers are refreshed at most once a minute.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from app.alarms.book import AlarmBook
from app.alarms.messages import describe, detail
from app.alarms.model import Severity
from app.storage.writer import StorageHealth

DEVICE_ID = "control-room"
ALARM_TYPE = "storage.blocked"
REFRESH_S = 60.0


class StorageAlarm:
    def __init__(self, book: AlarmBook, health: Callable[[], StorageHealth]) -> None:
        """``health``: the writer's ``health`` method."""
        self.book = book
        self.health = health
        self._dropped_seen = 0
        self._raised_at = float("-inf")
        self._shown: tuple[int, int] | None = None

    def tick(self) -> None:
        health = self.health()
        dropping = health.dropped > self._dropped_seen
        self._dropped_seen = health.dropped
        if health.state == "blocked" or dropping:
            self._raise(health)
        elif self.book.is_active(DEVICE_ID, ALARM_TYPE):
            self.book.clear_alarm(DEVICE_ID, ALARM_TYPE)
            self._shown = None

    def _raise(self, health: StorageHealth) -> None:
        shown = (health.held, health.dropped)
        now = time.monotonic()
        active = self.book.is_active(DEVICE_ID, ALARM_TYPE)
        if active and (shown == self._shown or now - self._raised_at < REFRESH_S):
            return
        self._raised_at = now
        self._shown = shown
        values = detail("storage", held=health.held, dropped=health.dropped,
                        reason=health.reason or "storage unavailable")
        self.book.raise_alarm(DEVICE_ID, ALARM_TYPE, Severity.CRITICAL, describe(values),
                              detail=values)
