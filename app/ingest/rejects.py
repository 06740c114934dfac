"""Counting what ingest drops, by reason, with the last offending sample of each, and the
list of unknown devices an operator may register (with their birth, when they sent one).

Both are bounded: a flood of births or of unknown ids costs at most
``MAX_UNKNOWN_DEVICES`` entries (the oldest is forgotten first), each of bounded size.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

import msgspec

from app.wire.payloads import MetaPayload

REASONS = (
    "not_our_topic",
    "oversized",
    "not_utf8",
    "invalid_json",
    "schema",
    "nul_char",
    "non_finite",
    "unknown_device",
    "unknown_event",
    "birth_conflict",
    "bad_location",
    "clock_skew",
    "duplicate",
    "seq_jump",
)

MAX_SAMPLE_BYTES = 512
MAX_UNKNOWN_DEVICES = 1000


class RejectSample(msgspec.Struct, frozen=True):
    reason: str
    topic: str
    detail: str
    payload_head: str  # first bytes, decoded leniently, for the operator to read
    at: float


class UnknownDevice(msgspec.Struct, frozen=True):
    device_id: str
    first_topic: str
    first_payload: str
    first_seen: float
    count: int
    #: the latest valid birth (MetaPayload) it sent, which an operator may accept as is
    birth: MetaPayload | None = None


class RejectLedger:
    """Thread-safe counters; ``snapshot()`` is what the ingest health panel shows."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock  # the engine's time: samples line up with the alarms
        self._lock = threading.Lock()
        self.counts: dict[str, int] = dict.fromkeys(REASONS, 0)
        self.samples: dict[str, RejectSample] = {}
        self.unknown: OrderedDict[str, UnknownDevice] = OrderedDict()

    def reject(self, reason: str, topic: str, payload: bytes, detail: str) -> None:
        sample = RejectSample(reason, topic, detail[:300], _head(payload), self._clock())
        with self._lock:
            self.counts[reason] = self.counts.get(reason, 0) + 1
            self.samples[reason] = sample

    def unknown_device(self, device_id: str, topic: str, payload: bytes,
                       birth: MetaPayload | None = None) -> None:
        with self._lock:
            seen = self.unknown.get(device_id)
            if seen is None:
                if len(self.unknown) >= MAX_UNKNOWN_DEVICES:
                    self.unknown.popitem(last=False)
                self.unknown[device_id] = UnknownDevice(device_id, topic, _head(payload),
                                                        self._clock(), 1, birth)
            else:
                self.unknown[device_id] = msgspec.structs.replace(
                    seen, count=seen.count + 1, birth=birth or seen.birth)

    def unknown_entry(self, device_id: str) -> UnknownDevice | None:
        with self._lock:
            return self.unknown.get(device_id)

    def forget_unknown(self, device_id: str) -> bool:
        """Take a device off the list; True when it was on it."""
        with self._lock:
            return self.unknown.pop(device_id, None) is not None

    def total(self) -> int:
        with self._lock:
            return sum(self.counts.values())

    def snapshot(self) -> tuple[dict[str, int], dict[str, RejectSample], list[UnknownDevice]]:
        with self._lock:
            return dict(self.counts), dict(self.samples), list(self.unknown.values())


def _head(payload: bytes) -> str:
    return payload[:MAX_SAMPLE_BYTES].decode("utf-8", errors="replace")
