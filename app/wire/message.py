"""One message as it travels over MQTT: topic and payload bytes, stamped on arrival."""

from __future__ import annotations

import msgspec


class RawMessage(msgspec.Struct, frozen=True):
    topic: str
    payload: bytes
    received_at: float  # epoch seconds on this machine's clock
