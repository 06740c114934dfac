"""What ingest emits after decoding: past-tense events for alarms, dispatch and storage."""

from __future__ import annotations

import msgspec


class TelemetryReceived(msgspec.Struct, frozen=True):
    device_id: str
    ts: float
    values: dict[str, float]
    seq: int | None
    received_at: float


class StatusReceived(msgspec.Struct, frozen=True):
    device_id: str
    online: bool
    ts: float | None
    received_at: float


class DeviceEventReceived(msgspec.Struct, frozen=True):
    device_id: str
    ts: float
    kind: str
    data: dict[str, object]
    received_at: float


class MetaReceived(msgspec.Struct, frozen=True):
    device_id: str
    removed: bool
    payload: object | None  # MetaPayload when not removed
    received_at: float


class MicArrivalReceived(msgspec.Struct, frozen=True):
    mic_id: str
    ts_ns: int
    kind: str
    level_db: float | None
    received_at: float


class GatePassReceived(msgspec.Struct, frozen=True):
    gate_id: str
    ts: float
    plate: str
    dir: str
    paid: bool | None
    received_at: float
    colour: str | None = None
    vehicle: str | None = None
    release: str | None = None
    fee: float | None = None
    pay: str | None = None


class TechLocationReceived(msgspec.Struct, frozen=True):
    tech_id: str
    ts: float
    xyz: tuple[float, float, float]
    received_at: float


class OrderUpdateReceived(msgspec.Struct, frozen=True):
    tech_id: str
    order_id: str
    state: str
    note: str
    received_at: float


IngestEvent = (
    TelemetryReceived
    | StatusReceived
    | DeviceEventReceived
    | MetaReceived
    | MicArrivalReceived
    | GatePassReceived
    | TechLocationReceived
    | OrderUpdateReceived
)
