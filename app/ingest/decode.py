"""Decode one raw contract message into an ingest event, or raise ``Rejected(reason)``.

One reason per message, checked in this order: not_our_topic, oversized, not_utf8,
invalid_json, schema, nul_char, non_finite, clock_skew. (unknown_device and duplicate need
the StateStore and are decided by the pipeline.) msgspec does the parsing and the type checks
in one pass; JSON has no NaN/Infinity, so a non-finite number is one that overflows a float.
Text holding a NUL character (JSON ``\u0000``) is refused here (nul_char): PostgreSQL cannot
store it in a text column and would refuse the row only after it was counted as accepted,
so both databases keep the same rows and the counters say what was stored.
"""

from __future__ import annotations

import math

import msgspec

from app.ingest import events as ev
from app.ingest import payloads as p
from app.ingest.topics import Route
from app.sources.base import RawMessage

MAX_PAYLOAD_BYTES = 64 * 1024

_DECODERS: dict[tuple[str, str], msgspec.json.Decoder] = {
    ("dev", "meta"): msgspec.json.Decoder(p.MetaPayload),
    ("dev", "status"): msgspec.json.Decoder(p.StatusPayload),
    ("dev", "telemetry"): msgspec.json.Decoder(p.TelemetryPayload),
    ("dev", "event"): msgspec.json.Decoder(p.EventPayload),
    ("mic", "event"): msgspec.json.Decoder(p.MicEventPayload),
    ("gate", "pass"): msgspec.json.Decoder(p.GatePassPayload),
    ("tech", "location"): msgspec.json.Decoder(p.TechLocationPayload),
    ("tech", "order-updates"): msgspec.json.Decoder(p.OrderUpdatePayload),
}


class Rejected(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def decode_message(route: Route | None, message: RawMessage,
                   max_skew_s: float | None) -> ev.IngestEvent:
    if route is None:
        raise Rejected("not_our_topic", f"topic {message.topic[:200]!r} is not in the contract")
    payload = message.payload
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise Rejected("oversized", f"{len(payload)} bytes > {MAX_PAYLOAD_BYTES}")
    family, leaf, rid = route.family, route.leaf, route.entity_id
    received_at = message.received_at
    if leaf == "meta" and not payload:
        return ev.MetaReceived(rid, True, None, received_at)
    if not payload.isascii():  # msgspec skips unknown fields without checking their UTF-8
        try:
            payload.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Rejected("not_utf8", f"byte {exc.start} is not UTF-8") from None
    try:
        body = _DECODERS[(family, leaf)].decode(payload)
    except msgspec.ValidationError as exc:
        text = str(exc)
        if text.startswith("Number out of range"):
            raise Rejected("non_finite", text) from None
        raise Rejected("schema", text) from None
    except (msgspec.DecodeError, UnicodeDecodeError) as exc:
        raise Rejected("invalid_json", str(exc)) from None
    if b"\\u0000" in payload and _holds_nul(msgspec.to_builtins(body)):
        raise Rejected("nul_char", "text holds a NUL character (\\u0000)")

    if family == "dev":
        if leaf == "telemetry":
            for value in body.values.values():
                if not math.isfinite(value):  # unreachable from JSON; guards other sources
                    raise Rejected("non_finite", "a value is not a finite number")
            return ev.TelemetryReceived(rid, _ts(body.ts, received_at, max_skew_s),
                                        body.values, body.seq, received_at)
        if leaf == "status":
            # retained statuses (and last wills) are old by nature: no clock check
            ts = None if body.ts is None else _ts(body.ts, received_at, None)
            return ev.StatusReceived(rid, body.online, ts, received_at)
        if leaf == "event":
            return ev.DeviceEventReceived(rid, _ts(body.ts, received_at, max_skew_s),
                                          body.kind, body.data, received_at)
        _finite(body.location.xyz, "location.xyz")  # meta
        return ev.MetaReceived(rid, False, body, received_at)
    if family == "mic":
        _ts(body.ts_ns / 1e6, received_at, max_skew_s)
        if body.level_db is not None:
            _finite((body.level_db,), "level_db")
        return ev.MicArrivalReceived(rid, body.ts_ns, body.kind, body.level_db, received_at)
    if family == "gate":
        return ev.GatePassReceived(rid, _ts(body.ts, received_at, max_skew_s), body.plate,
                                   body.dir, body.paid, received_at)
    if leaf == "location":
        _finite(body.xyz, "xyz")
        return ev.TechLocationReceived(rid, _ts(body.ts, received_at, max_skew_s), body.xyz,
                                       received_at)
    return ev.OrderUpdateReceived(rid, body.order_id, body.state, body.note, received_at)


def _holds_nul(value: object) -> bool:
    """Whether any string in a decoded payload (keys too, at any depth) holds a NUL.
    Iterative: hostile nesting must not exhaust the stack."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return False


def _finite(values: tuple[float, ...], field: str) -> None:
    if not all(math.isfinite(v) for v in values):
        raise Rejected("non_finite", f"{field} is not finite")


def _ts(raw: p.Timestamp, received_at: float, max_skew_s: float | None) -> float:
    try:
        ts = p.to_epoch_s(raw)
    except (ValueError, OverflowError) as exc:
        raise Rejected("schema", f"ts: {exc}") from None
    if not math.isfinite(ts):
        raise Rejected("non_finite", "ts is not finite")
    if max_skew_s is not None and abs(ts - received_at) > max_skew_s:
        raise Rejected("clock_skew", f"ts is {ts - received_at:+.0f} s from this machine's clock")
    return ts
