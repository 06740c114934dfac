"""Hold messages of not-yet-registered devices for a short while.

After a restart the broker first delivers what it queued for the persistent session, and
only then the retained birth messages of the re-subscription: telemetry of a device known
only from its birth would be "unknown" for a moment. Such messages wait here (bounded per
device, in total, and in time); the device's birth releases them into ingest again, expiry
turns them into ``unknown_device`` rejects. Nothing is dropped silently: ``len()`` is shown
as "parked" and counted in ``Ingest.counts()``.
"""

from __future__ import annotations

from collections import OrderedDict

from app.wire.message import RawMessage

#: the hold live MQTT wants; ingest's default is 0 (parking off)
HOLD_S = 30.0
PER_DEVICE = 10_000
TOTAL = 100_000  # ~25 MB at worst


class ParkingLot:
    def __init__(self, hold_s: float = HOLD_S, per_device: int = PER_DEVICE,
                 total: int = TOTAL) -> None:
        self.hold_s, self.per_device, self.total = hold_s, per_device, total
        # device_id -> (first parked at, messages); oldest first
        self._lots: OrderedDict[str, tuple[float, list[RawMessage]]] = OrderedDict()
        self._count = 0

    def park(self, device_id: str, message: RawMessage, now: float) -> bool:
        """Keep ``message``; False when disabled or a bound is reached (caller rejects it)."""
        if self.hold_s <= 0 or self._count >= self.total:
            return False
        lot = self._lots.get(device_id)
        if lot is None:
            lot = (now, [])
            self._lots[device_id] = lot
        elif len(lot[1]) >= self.per_device:
            return False
        lot[1].append(message)
        self._count += 1
        return True

    def take(self, device_id: str) -> list[RawMessage]:
        lot = self._lots.pop(device_id, None)
        if lot is None:
            return []
        self._count -= len(lot[1])
        return lot[1]

    def expired(self, now: float) -> list[RawMessage]:
        out: list[RawMessage] = []
        lots = self._lots
        while lots:
            device_id, (since, messages) = next(iter(lots.items()))
            if now - since < self.hold_s:
                break
            del lots[device_id]
            out.extend(messages)
        self._count -= len(out)
        return out

    def __len__(self) -> int:
        return self._count
