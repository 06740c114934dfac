"""The MQTT contract's payloads, declared once as typed structs (docs/mqtt.md).

Timestamps arrive as RFC 3339 strings or epoch milliseconds; ``to_epoch_s`` normalises them.
Text and collections from outside carry length bounds, so one birth cannot make the control
room hold megabytes for a device (a payload is at most 64 KiB anyway).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec

from app.domain.kinds import DeviceKind

Timestamp = str | int | float


#: bounds of what a birth may declare
MAX_POINTS = 64
MAX_NAME = 200
MAX_ID = 64
MAX_UNIT = 32

ShortText = Annotated[str, msgspec.Meta(max_length=MAX_ID)]
PointName = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_ID)]
Band = tuple[float, float]


class MetaLocation(msgspec.Struct, frozen=True):
    xyz: tuple[float, float, float]
    building: ShortText | None = None
    floor: Annotated[int, msgspec.Meta(ge=-20, le=300)] | None = None
    room: ShortText | None = None


class MetaPoint(msgspec.Struct, frozen=True):
    unit: Annotated[str, msgspec.Meta(max_length=MAX_UNIT)] = ""
    #: the band inside which a value is unremarkable (outside: a warning)
    normal: Band | None = None
    #: the band beyond which a value is an alarm; checked by ingest.decode (finite, ordered,
    #: ``normal`` inside ``limits``)
    limits: Band | None = None


class MetaPayload(msgspec.Struct, frozen=True):
    kind: DeviceKind  # a kind outside the contract's list is a schema reject
    name: Annotated[str, msgspec.Meta(max_length=MAX_NAME)]
    location: MetaLocation
    points: Annotated[dict[PointName, MetaPoint], msgspec.Meta(max_length=MAX_POINTS)] = {}
    #: optional extension: seconds between reports; silence for 3x this marks it stale
    report_interval_s: Annotated[float, msgspec.Meta(gt=0, le=86400 * 7)] | None = None


class StatusPayload(msgspec.Struct, frozen=True):
    online: bool
    ts: Timestamp | None = None


class TelemetryPayload(msgspec.Struct, frozen=True):
    ts: Timestamp
    values: dict[str, float]
    seq: int | None = None


class EventPayload(msgspec.Struct, frozen=True):
    ts: Timestamp
    kind: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_ID)]
    data: dict[str, object] = {}


class MicEventPayload(msgspec.Struct, frozen=True):
    ts_ns: int
    kind: Literal["impact", "hiss", "bang"]
    level_db: float | None = None


#: a short free word (plate colour, payment method ...): checked by app.operations, so an
#: unexpected word flags the pass there instead of losing it here
Word = Annotated[str, msgspec.Meta(max_length=16)]


class GatePassPayload(msgspec.Struct, frozen=True):
    ts: Timestamp
    plate: Annotated[str, msgspec.Meta(max_length=32)]
    dir: Literal["in", "out"]
    paid: bool | None = None
    # optional (docs/mqtt-operations.md): what the gate controller knows about the pass
    colour: Word | None = None  # blue | yellow | green | yellow_green | white | black
    vehicle: Word | None = None  # resident | visitor | staff | exempt
    release: Word | None = None  # auto | manual (a guard's button) | remote
    fee: Annotated[float, msgspec.Meta(ge=0, le=100_000)] | None = None  # yuan
    pay: Word | None = None  # wechat | alipay | unionpay | etc | cash | card | monthly


class TechLocationPayload(msgspec.Struct, frozen=True):
    ts: Timestamp
    xyz: tuple[float, float, float]


class OrderUpdatePayload(msgspec.Struct, frozen=True):
    order_id: str
    state: Literal["accepted", "rejected", "arrived", "done"]
    note: str = ""


def to_epoch_s(ts: Timestamp) -> float:
    """RFC 3339 string or epoch milliseconds → epoch seconds. Raises ValueError."""
    if isinstance(ts, bool):
        raise ValueError("timestamp is a boolean")
    if isinstance(ts, int | float):
        return float(ts) / 1000.0
    text = ts.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    parsed = dt.datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        raise ValueError(f"timestamp {ts!r} has no UTC offset")
    return parsed.timestamp()


def now_ms() -> int:
    return int(dt.datetime.now(dt.UTC).timestamp() * 1000)


__all__ = [
    "MAX_POINTS", "Band", "EventPayload", "GatePassPayload", "MetaLocation", "MetaPayload",
    "MetaPoint", "MicEventPayload", "OrderUpdatePayload", "StatusPayload", "TechLocationPayload",
    "TelemetryPayload", "Timestamp", "Word", "now_ms", "to_epoch_s",
]
