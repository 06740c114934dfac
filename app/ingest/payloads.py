"""Moved to ``app.wire.payloads``; this re-export stays for one release."""

from app.wire.payloads import (  # noqa: F401
    EventPayload,
    GatePassPayload,
    MetaLocation,
    MetaPayload,
    MetaPoint,
    MicEventPayload,
    OrderUpdatePayload,
    StatusPayload,
    TechLocationPayload,
    TelemetryPayload,
    Timestamp,
    Word,
    now_ms,
    to_epoch_s,
)
