"""Acknowledge MQTT QoS 1 messages only once what they carried is durable.

paho acknowledges (PUBACK) a QoS 1 message as soon as ``on_message`` returns, while the
message still sits in memory; a crash then loses a message the broker considers delivered.
``MqttSource`` therefore runs paho with ``manual_ack=True`` and keeps an ``AckBook``: after
handing a batch to the sink, the delivery worker records ``(barrier mark, message keys)``;
the keys are acknowledged once the barrier's durable mark reaches that mark. The worker
never waits for the database: it records, acks what is already due, and moves on; the
barrier's listener wakes it when the durable mark advances.

A *key* packs the packet id (16 bits) with the connection generation: after a reconnect
the broker resends every unacknowledged message with its original packet id and reuses
acknowledged ids for new messages, so an acknowledgement from an older connection must
not be sent on the new one (it could acknowledge a different, not yet durable message).
The resent copy gets its own key and acknowledgement; storage stores the copy once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Protocol

GENERATION_SHIFT = 16
MID_MASK = (1 << GENERATION_SHIFT) - 1


class DurabilityBarrier(Protocol):
    """What the storage writer offers (``StorageWriter`` implements it)."""

    def mark(self) -> int:
        """A number covering everything handed over so far."""

    def durable_mark(self) -> int:
        """Everything up to this number is durable; never decreases."""

    def add_durable_listener(self, callback: Callable[[int], None]) -> None:
        """Call ``callback(durable_mark)`` when the durable mark advances."""


def ack_key(generation: int, mid: int) -> int:
    return (generation << GENERATION_SHIFT) | mid


class AckBook:
    """Batches delivered to the sink and not yet acknowledged, in delivery order (PUBACKs
    go out in the order the messages came, as MQTT asks). Delivery worker only."""

    def __init__(self) -> None:
        self._pending: deque[tuple[int, list[int]]] = deque()
        self.waiting = 0  # messages recorded and not yet due

    def record(self, mark: int, keys: list[int]) -> None:
        if keys:
            self._pending.append((mark, keys))
            self.waiting += len(keys)

    def due(self, durable: int) -> list[int]:
        """The keys of every batch whose mark is durable, oldest first."""
        pending = self._pending
        out: list[int] = []
        while pending and pending[0][0] <= durable:
            out.extend(pending.popleft()[1])
        self.waiting -= len(out)
        return out

    def oldest_mark(self) -> int | None:
        return self._pending[0][0] if self._pending else None

    def __len__(self) -> int:
        return self.waiting
