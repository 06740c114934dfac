"""The one interface for live data: MQTT, the in-process simulator and replay implement it.

A source delivers batches of raw contract messages (topic + payload bytes, exactly as they
would travel over MQTT) to a sink; ingest decodes them. So every source exercises the same
decoder and nothing downstream knows which source runs. The message itself is the wire
contract's (``app.wire``).
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Sequence

import msgspec

from app.wire.message import RawMessage  # re-exported: the old home of RawMessage

MessageSink = Callable[[Sequence[RawMessage]], None]


class SourceStatus(msgspec.Struct, frozen=True):
    connected: bool
    detail: str = ""


class PublishNotAllowed(RuntimeError):
    """Raised when something tries to command devices through a read-only source (replay)."""


class Source(abc.ABC):
    """A live data link. start() returns at once; delivery happens on the source's thread."""

    name: str = "source"
    #: False for replay and training: commands to real devices must be impossible.
    can_publish: bool = False

    @abc.abstractmethod
    def start(self, sink: MessageSink) -> None: ...

    @abc.abstractmethod
    def stop(self) -> None:
        """Stop delivering and join the source's threads; idempotent."""

    def status(self) -> SourceStatus:
        return SourceStatus(connected=True)

    def publish(self, topic: str, payload: bytes, *, qos: int = 1, retain: bool = False) -> None:
        raise PublishNotAllowed(f"{self.name} is read-only: cannot publish to {topic}")
