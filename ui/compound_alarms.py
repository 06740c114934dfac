"""Alarms for the 3D view: the per-device summary the view colours by (changes reach it on
the GUI thread through the process's RoomBridge).

The summary keeps the latest copy of every open alarm and answers, per device,
the worst severity among alarms that are open, active, not shelved and not suppressed (a
maintenance alarm is logged, not announced), and whether any of those is unacknowledged.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from app.alarms.model import Alarm


def _counts(alarm: Alarm, now: float) -> bool:
    return (alarm.closed_at is None and alarm.active and not alarm.suppressed
            and not alarm.is_shelved(now))


class DeviceAlarms:
    """The open alarms, summarised per device."""

    def __init__(self) -> None:
        self._alarms: dict[str, Alarm] = {}
        self._by_device: dict[str, set[str]] = {}

    def seed(self, alarms: Iterable[Alarm]) -> set[str]:
        return {self.apply(a) for a in alarms}

    def apply(self, alarm: Alarm) -> str:
        """Take the newest copy of ``alarm``; returns its device id (whose look may change)."""
        ids = self._by_device.setdefault(alarm.device_id, set())
        if alarm.closed_at is not None:
            self._alarms.pop(alarm.id, None)
            ids.discard(alarm.id)
        else:
            self._alarms[alarm.id] = alarm
            ids.add(alarm.id)
        return alarm.device_id

    def summary(self, device_id: str, now: float | None = None
                ) -> tuple[int, bool, Alarm | None]:
        """(worst severity or 0, any unacknowledged, the worst alarm)."""
        now = time.time() if now is None else now
        live = [self._alarms[i] for i in self._by_device.get(device_id, ())
                if _counts(self._alarms[i], now)]
        if not live:
            return 0, False, None
        worst = max(live, key=lambda a: (a.severity, a.raised_at))
        return int(worst.severity), any(a.acknowledged_at is None for a in live), worst

    def devices(self) -> list[str]:
        return [d for d, ids in self._by_device.items() if ids]

    def live(self, now: float | None = None) -> list[Alarm]:
        now = time.time() if now is None else now
        return [a for a in self._alarms.values() if _counts(a, now)]
