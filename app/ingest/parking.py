"""Hold messages of not-yet-registered devices for a short while.

After a restart the broker first delivers what it queued for the persistent session, and
only then the retained birth messages of the re-subscription: telemetry of a device known
only from its birth would be "unknown" for a moment. Such messages wait here (bounded per
device, in total, and in time); the device's birth releases them into ingest again, expiry
turns them into ``unknown_device`` rejects. Nothing is dropped silently: ``len()`` is shown
as "parked" and counted in ``Ingest.counts()``.

The bounds are in bytes as well as messages: a count alone let 20,000 messages of 60 kB
take a serve from 246 MB to 1.42 GB in a second. A message costs its payload, its topic
and ``OVERHEAD_BYTES`` for the objects that hold them.
"""

from __future__ import annotations

from collections import OrderedDict

from app.wire.message import RawMessage

#: the hold live MQTT wants; ingest's default is 0 (parking off)
HOLD_S = 30.0
PER_DEVICE = 10_000
TOTAL = 100_000
PER_DEVICE_BYTES = 4 * 1024 * 1024
TOTAL_BYTES = 32 * 1024 * 1024
#: what a parked RawMessage costs beyond its payload and topic (struct, bytes and str headers)
OVERHEAD_BYTES = 200


def message_bytes(message: RawMessage) -> int:
    return len(message.payload) + len(message.topic) + OVERHEAD_BYTES


class ParkingLot:
    def __init__(self, hold_s: float = HOLD_S, per_device: int = PER_DEVICE,
                 total: int = TOTAL, per_device_bytes: int = PER_DEVICE_BYTES,
                 total_bytes: int = TOTAL_BYTES) -> None:
        self.hold_s, self.per_device, self.total = hold_s, per_device, total
        self.per_device_bytes, self.total_bytes = per_device_bytes, total_bytes
        # device_id -> [first parked at, bytes, messages]; oldest first
        self._lots: OrderedDict[str, list] = OrderedDict()
        self._count = 0
        self.bytes = 0

    def park(self, device_id: str, message: RawMessage, now: float) -> bool:
        """Keep ``message``; False when disabled or a bound is reached (caller rejects it)."""
        size = message_bytes(message)
        if (self.hold_s <= 0 or self._count >= self.total
                or self.bytes + size > self.total_bytes):
            return False
        lot = self._lots.get(device_id)
        if lot is None:
            if size > self.per_device_bytes:
                return False
            lot = self._lots[device_id] = [now, 0, []]
        elif len(lot[2]) >= self.per_device or lot[1] + size > self.per_device_bytes:
            return False
        lot[1] += size
        lot[2].append(message)
        self._count += 1
        self.bytes += size
        return True

    def take(self, device_id: str) -> list[RawMessage]:
        lot = self._lots.pop(device_id, None)
        if lot is None:
            return []
        self._count -= len(lot[2])
        self.bytes -= lot[1]
        return lot[2]

    def expired(self, now: float) -> list[RawMessage]:
        out: list[RawMessage] = []
        lots = self._lots
        while lots:
            device_id, (since, size, messages) = next(iter(lots.items()))
            if now - since < self.hold_s:
                break
            del lots[device_id]
            out.extend(messages)
            self.bytes -= size
        self._count -= len(out)
        return out

    def __len__(self) -> int:
        return self._count
