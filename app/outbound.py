"""The publisher port: where the control room's outgoing messages go (alarm events for city
platforms, work orders to handsets).

The composition root chooses one publisher; nothing downstream asks which source runs:
- ``SourcePublisher``: through the live link (MQTT, or the embedded simulator's loopback);
- ``RecordingPublisher``: kept inside the session, never sent (training): what a trainee's
  actions would have sent is evidence for the debrief, and simulated handsets answer it;
- ``RefusingPublisher``: a read-only link (replay): orders are recorded but never sent.

``delivers`` tells dispatch whether an order reaches a handset (real or simulated), so a
read-only session says so instead of pretending an order went out. Frigate's
``Dispatcher(communicators)`` is the model.
"""

from __future__ import annotations

import threading
from collections import deque
from typing import Protocol

import msgspec

from app.listeners import Listeners, Subscription
from app.sources.base import PublishNotAllowed, Source


class Published(msgspec.Struct, frozen=True):
    at: float
    topic: str
    payload: bytes
    qos: int
    retain: bool


class Publisher(Protocol):
    name: str
    delivers: bool

    def publish(self, topic: str, payload: bytes, *, qos: int = 1,
                retain: bool = False) -> None: ...


class SourcePublisher:
    """Publishes through the live source (MQTT client, or the simulator's loopback)."""

    delivers = True

    def __init__(self, source: Source) -> None:
        self._source = source
        self.name = source.name

    def publish(self, topic: str, payload: bytes, *, qos: int = 1, retain: bool = False) -> None:
        self._source.publish(topic, payload, qos=qos, retain=retain)


class RecordingPublisher:
    """Keeps every message inside the session (bounded); listeners (the training session's
    simulated handsets, the instructor's view) hear each one. Never reaches a network."""

    name = "training"
    delivers = True

    def __init__(self, clock, *, keep: int = 100_000) -> None:  # noqa: ANN001 (a Clock)
        self._clock = clock
        self._lock = threading.Lock()
        self._kept: deque[Published] = deque(maxlen=keep)
        self._listeners: Listeners[Published] = Listeners("recording publisher")

    def publish(self, topic: str, payload: bytes, *, qos: int = 1, retain: bool = False) -> None:
        # never retained: a recording replayed later must not re-fire anything
        message = Published(self._clock(), topic, bytes(payload), qos, False)
        with self._lock:
            self._kept.append(message)
        self._listeners.emit(message)

    def subscribe(self, listener, *, weak: bool = False) -> Subscription:  # noqa: ANN001
        return self._listeners.subscribe(listener, weak=weak)

    def messages(self) -> list[Published]:
        with self._lock:
            return list(self._kept)


class RefusingPublisher:
    """A read-only session: any attempt to publish raises ``PublishNotAllowed``."""

    delivers = False

    def __init__(self, why: str) -> None:
        self.name = why

    def publish(self, topic: str, payload: bytes, *, qos: int = 1, retain: bool = False) -> None:
        raise PublishNotAllowed(f"{self.name} is read-only: cannot publish to {topic}")


def publisher_for(source: Source) -> Publisher:
    """The natural publisher of a source: through it when it can publish, else refusing."""
    if source.can_publish:
        return SourcePublisher(source)
    return RefusingPublisher(source.name)
