"""Decode one raw contract message into an ingest event, or raise ``Rejected(reason)``.

One reason per message, checked in this order: not_our_topic, oversized, not_utf8,
invalid_json, schema, nul_char, non_finite, clock_skew. (unknown_device, unknown_event,
birth_conflict, bad_location, duplicate and seq_jump need the StateStore or the scene and are
decided by the pipeline.) msgspec does the parsing and the type checks in one pass; JSON has no
NaN/Infinity, so a non-finite number is one that overflows a float. Nesting deeper than
Python's recursion allows (1000 levels) is a schema reject, as is event data nested deeper
than ``MAX_DATA_DEPTH``: storing and wording such data would recurse as deep again.
Text holding a NUL character (JSON ``\u0000``) is refused here (nul_char): PostgreSQL cannot
store it in a text column and would refuse the row only after it was counted as accepted,
so both databases keep the same rows and the counters say what was stored.
"""

from __future__ import annotations

import math

import msgspec

from app.ingest import events as ev
from app.wire import payloads as p
from app.wire.message import RawMessage
from app.wire.topics import Route

MAX_PAYLOAD_BYTES = 64 * 1024
#: how deep an event's ``data`` may nest (objects and arrays)
MAX_DATA_DEPTH = 8
#: bands of a point beyond this magnitude are a typo or an attack, not a sensor range
MAX_BAND = 1e9

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
    except RecursionError:
        raise Rejected("schema", "nested too deeply to decode") from None
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
            _shallow(body.data)
            return ev.DeviceEventReceived(rid, _ts(body.ts, received_at, max_skew_s),
                                          body.kind, body.data, received_at)
        _finite(body.location.xyz, "location.xyz")  # meta
        _bands(body.points)
        return ev.MetaReceived(rid, False, body, received_at)
    if family == "mic":
        _ts(body.ts_ns / 1e6, received_at, max_skew_s)
        if body.level_db is not None:
            _finite((body.level_db,), "level_db")
        return ev.MicArrivalReceived(rid, body.ts_ns, body.kind, body.level_db, received_at)
    if family == "gate":
        if body.fee is not None:
            _finite((body.fee,), "fee")
        return ev.GatePassReceived(rid, _ts(body.ts, received_at, max_skew_s), body.plate,
                                   body.dir, body.paid, received_at, body.colour,
                                   body.vehicle, body.release, body.fee, body.pay)
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


def _bands(points: dict[str, p.MetaPoint]) -> None:
    """A birth's declared bands are honoured, so they must make sense: finite, bounded,
    low <= high, the normal band inside the limits (the scene's rule too)."""
    for name, point in points.items():
        for band_name in ("normal", "limits"):
            band = getattr(point, band_name)
            if band is None:
                continue
            where = f"points.{name}.{band_name}"
            _finite(band, where)
            if max(abs(band[0]), abs(band[1])) > MAX_BAND:
                raise Rejected("schema", f"{where}: beyond ±{MAX_BAND:g}")
            if band[0] > band[1]:
                raise Rejected("schema", f"{where}: low {band[0]:g} is above high {band[1]:g}")
        if point.normal is not None and point.limits is not None and not (
                point.limits[0] <= point.normal[0] and point.normal[1] <= point.limits[1]):
            raise Rejected("schema", f"points.{name}: normal {list(point.normal)} is not "
                                     f"inside limits {list(point.limits)}")


def _shallow(data: object) -> None:
    """Raise when ``data`` nests deeper than MAX_DATA_DEPTH (iterative: no recursion)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else (
            value if isinstance(value, list) else ())
        for child in children:
            if isinstance(child, dict | list):
                if depth + 1 > MAX_DATA_DEPTH:
                    raise Rejected("schema", f"data nests deeper than {MAX_DATA_DEPTH} levels")
                stack.append((child, depth + 1))


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
