"""Ingest: route, decode and validate raw contract messages, update the StateStore, and
hand the decoded events to listeners (alarms, storage, dispatch).

Bad input never raises out of ``handle_batch``: it is dropped and counted by reason in the
``RejectLedger`` with the last offending sample.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Sequence

import msgspec

from app.ingest import events as ev
from app.ingest import payloads as p
from app.ingest.rejects import RejectLedger
from app.ingest.topics import Route, TopicScheme
from app.sources.base import RawMessage
from app.state.store import StateStore

log = logging.getLogger(__name__)

MAX_PAYLOAD_BYTES = 64 * 1024

Listener = Callable[[list[ev.IngestEvent]], None]

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


class RateMeter:
    """Messages per second over a sliding window of one-second buckets."""

    def __init__(self, window_s: int = 5) -> None:
        self._window = window_s
        self._buckets: dict[int, int] = {}
        self.total = 0

    def add(self, n: int, now: float) -> None:
        second = int(now)
        self._buckets[second] = self._buckets.get(second, 0) + n
        self.total += n
        if len(self._buckets) > self._window * 2:
            for key in [k for k in self._buckets if k < second - self._window]:
                del self._buckets[key]

    def rate(self, now: float) -> float:
        second = int(now)
        full = [self._buckets.get(s, 0) for s in range(second - self._window, second)]
        return sum(full) / self._window


class Ingest:
    def __init__(self, store: StateStore, scheme: TopicScheme, *,
                 max_clock_skew_s: float | None = 3600.0) -> None:
        self.store = store
        self.scheme = scheme
        self.max_clock_skew_s = max_clock_skew_s
        self.ledger = RejectLedger()
        self.rate = RateMeter()
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    # ---- the hot path --------------------------------------------------------------------
    def handle_batch(self, messages: Sequence[RawMessage]) -> list[ev.IngestEvent]:
        decoded: list[ev.IngestEvent] = []
        with self._lock:
            for message in messages:
                try:
                    event = self._decode(message)
                except Rejected as rejected:
                    self.ledger.reject(rejected.reason, message.topic, message.payload,
                                       rejected.detail)
                    continue
                if self._apply(event, message):
                    decoded.append(event)
            self.rate.add(len(messages), time.time())
        for listener in self._listeners:
            try:
                listener(decoded)
            except Exception:  # a faulty consumer must not stop ingest
                log.exception("ingest listener %r failed", listener)
        return decoded

    def _decode(self, message: RawMessage) -> ev.IngestEvent:
        route = self.scheme.route(message.topic)
        if route is None:
            raise Rejected("not_our_topic", f"topic {message.topic!r} is not in the contract")
        payload = message.payload
        if len(payload) > MAX_PAYLOAD_BYTES:
            raise Rejected("oversized", f"{len(payload)} bytes > {MAX_PAYLOAD_BYTES}")
        if route.family == "dev" and route.leaf == "meta" and not payload:
            return ev.MetaReceived(route.entity_id, True, None, message.received_at)
        try:
            payload.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Rejected("not_utf8", f"byte {exc.start} is not UTF-8") from None
        try:
            body = _DECODERS[(route.family, route.leaf)].decode(payload)
        except msgspec.ValidationError as exc:
            raise Rejected("schema", str(exc)) from None
        except msgspec.DecodeError as exc:
            raise Rejected("invalid_json", str(exc)) from None
        return self._to_event(route, body, message.received_at)

    def _to_event(self, route: Route, body: object, received_at: float) -> ev.IngestEvent:
        key = (route.family, route.leaf)
        rid = route.entity_id
        if key == ("dev", "telemetry"):
            assert isinstance(body, p.TelemetryPayload)
            bad = [k for k, v in body.values.items() if not math.isfinite(v)]
            if bad:
                raise Rejected("non_finite", f"values.{bad[0]} is not a finite number")
            return ev.TelemetryReceived(rid, self._ts(body.ts, received_at), body.values,
                                        body.seq, received_at)
        if key == ("dev", "status"):
            assert isinstance(body, p.StatusPayload)
            ts = None if body.ts is None else self._ts(body.ts, received_at)
            return ev.StatusReceived(rid, body.online, ts, received_at)
        if key == ("dev", "event"):
            assert isinstance(body, p.EventPayload)
            return ev.DeviceEventReceived(rid, self._ts(body.ts, received_at), body.kind,
                                          body.data, received_at)
        if key == ("dev", "meta"):
            if not all(math.isfinite(c) for c in body.location.xyz):  # type: ignore[attr-defined]
                raise Rejected("non_finite", "location.xyz is not finite")
            return ev.MetaReceived(rid, False, body, received_at)
        if key == ("mic", "event"):
            assert isinstance(body, p.MicEventPayload)
            self._ts(body.ts_ns / 1e6, received_at)
            return ev.MicArrivalReceived(rid, body.ts_ns, body.kind, body.level_db, received_at)
        if key == ("gate", "pass"):
            assert isinstance(body, p.GatePassPayload)
            return ev.GatePassReceived(rid, self._ts(body.ts, received_at), body.plate,
                                       body.dir, body.paid, received_at)
        if key == ("tech", "location"):
            assert isinstance(body, p.TechLocationPayload)
            if not all(math.isfinite(c) for c in body.xyz):
                raise Rejected("non_finite", "xyz is not finite")
            return ev.TechLocationReceived(rid, self._ts(body.ts, received_at), body.xyz,
                                           received_at)
        assert isinstance(body, p.OrderUpdatePayload)
        return ev.OrderUpdateReceived(rid, body.order_id, body.state, body.note, received_at)

    def _ts(self, raw: p.Timestamp, received_at: float) -> float:
        try:
            ts = p.to_epoch_s(raw)
        except (ValueError, OverflowError) as exc:
            raise Rejected("schema", f"ts: {exc}") from None
        if not math.isfinite(ts):
            raise Rejected("non_finite", "ts is not finite")
        if self.max_clock_skew_s is not None and abs(ts - received_at) > self.max_clock_skew_s:
            raise Rejected("clock_skew",
                           f"ts is {ts - received_at:+.0f} s from this machine's clock")
        return ts

    def _apply(self, event: ev.IngestEvent, message: RawMessage) -> bool:
        """Update the state store; unknown devices are counted and listed for registration."""
        store = self.store
        if isinstance(event, ev.TelemetryReceived):
            ok = store.apply_values(event.device_id, event.values, event.ts, event.received_at)
        elif isinstance(event, ev.StatusReceived):
            ok = store.apply_online(event.device_id, event.online, event.received_at)
        elif isinstance(event, ev.DeviceEventReceived):
            ok = store.device(event.device_id) is not None
        else:
            return True
        if not ok:
            device_id = event.device_id
            self.ledger.reject("unknown_device", message.topic, message.payload,
                               f"device {device_id!r} is not registered")
            self.ledger.unknown_device(device_id, message.topic, message.payload)
        return ok
