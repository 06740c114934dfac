"""Ingest: route, decode and validate raw contract messages, update the StateStore, and
hand the decoded events to listeners (alarms, storage, dispatch).

Bad input never raises out of ``handle_batch``: it is dropped and counted in the
``RejectLedger`` under exactly one reason, with the last offending sample, so that
``received == accepted + ledger.total() + len(parking)`` always holds.

Birth messages (retained ``meta``) register devices, an empty one removes it; telemetry,
status and events of devices nobody registered are listed for the operator, who registers
them with ``register_unknown``; their telemetry and events are parked for a while in case
the birth is on its way (after a restart it arrives after the session's queue). QoS 1 duplicates are dropped by device + seq (or device
time when a device sends no seq) and counted as ``duplicate``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence

from app.domain.model import Device, Vec3
from app.ingest import events as ev
from app.ingest.decode import Rejected, decode_message
from app.ingest.dedupe import Deduper
from app.ingest.parking import ParkingLot
from app.ingest.registry import device_for_operator, device_from_meta, points_from_sample
from app.ingest.rejects import RejectLedger
from app.state.store import StateStore
from app.wire.message import RawMessage
from app.wire.topics import Route, TopicScheme

log = logging.getLogger(__name__)

Listener = Callable[[list[ev.IngestEvent]], None]

#: routes of valid topics are cached (topic strings repeat); bounded against topic floods
_ROUTE_CACHE_MAX = 100_000
#: statuses of not-yet-registered devices kept until their birth message arrives
_PENDING_STATUS_MAX = 1000


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
                 max_clock_skew_s: float | None = 3600.0,
                 park_unknown_s: float = 0.0) -> None:
        """``park_unknown_s``: how long telemetry/events of unregistered devices wait for
        their birth before they count as unknown_device (0 = at once). Live MQTT wants ~30 s
        (the session queue arrives before the births); see app.ingest.parking."""
        self.store = store
        self.scheme = scheme
        self.max_clock_skew_s = max_clock_skew_s
        self.ledger = RejectLedger()
        self.rate = RateMeter()
        self.dedupe = Deduper()
        self.received = 0
        self.accepted = 0
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        self._routes: dict[str, Route] = {}
        self._pending_status: OrderedDict[str, ev.StatusReceived] = OrderedDict()
        self.parking = ParkingLot(hold_s=park_unknown_s)
        self._out: list[ev.IngestEvent] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    # ---- the hot path --------------------------------------------------------------------
    def handle_batch(self, messages: Sequence[RawMessage]) -> list[ev.IngestEvent]:
        decoded: list[ev.IngestEvent] = []
        now = time.time()
        with self._lock:
            self._out = decoded
            self._expire_parked(now)
            one = self._one
            for message in messages:
                one(message)
            self.received += len(messages)
            self.accepted += len(decoded)
            self.rate.add(len(messages), now)
        self._notify(decoded)
        return decoded

    def _one(self, message: RawMessage) -> None:
        topic = message.topic
        route = self._routes.get(topic)
        if route is None:
            route = self.scheme.route(topic)
            if route is not None and len(self._routes) < _ROUTE_CACHE_MAX:
                self._routes[topic] = route
        try:
            event = decode_message(route, message, self.max_clock_skew_s)
            if self._apply(event):
                self._out.append(event)
        except Rejected as rejected:
            if rejected.reason == "unknown_device":
                self.ledger.unknown_device(route.entity_id, topic, message.payload)
                if route.leaf in ("telemetry", "event") and self.parking.park(
                        route.entity_id, message, time.time()):
                    return  # its birth may be on its way (see app.ingest.parking)
            self.ledger.reject(rejected.reason, topic, message.payload, rejected.detail)
        except Exception as exc:  # a bug must cost one message, not the stream
            log.exception("ingest failed on a message from %s", topic)
            self.ledger.reject("schema", topic, message.payload,
                               f"internal error: {type(exc).__name__}")

    def _notify(self, decoded: list[ev.IngestEvent]) -> None:
        for listener in self._listeners:
            try:
                listener(decoded)
            except Exception:  # a faulty consumer must not stop ingest
                log.exception("ingest listener %r failed", listener)

    def _expire_parked(self, now: float) -> None:
        for message in self.parking.expired(now):
            device_id = message.topic.rsplit("/", 2)[-2]
            self.ledger.reject("unknown_device", message.topic, message.payload,
                               f"device {device_id!r} is not registered (no birth within "
                               f"{self.parking.hold_s:g} s)")

    def expire_parked(self, now: float | None = None) -> None:
        """Turn messages parked longer than the hold time into unknown_device rejects."""
        with self._lock:
            self._expire_parked(time.time() if now is None else now)

    def _apply(self, event: ev.IngestEvent) -> bool:
        """Update the state store. Raises Rejected (unknown_device, duplicate); returns
        False only for an event that changes nothing and is not an error (none today)."""
        store = self.store
        cls = type(event)
        if cls is ev.TelemetryReceived:
            device_id = event.device_id
            if store.device(device_id) is None:
                raise _unknown(device_id)
            if (self.dedupe.seen_seq(device_id, event.seq, event.ts) if event.seq is not None
                    else self.dedupe.seen_recent(device_id, "ts", event.ts)):
                raise Rejected("duplicate", f"{device_id} seq={event.seq} ts={event.ts} "
                                            "was already received")
            store.apply_values(device_id, event.values, event.ts, event.received_at)
        elif cls is ev.StatusReceived:
            if not store.apply_online(event.device_id, event.online, event.received_at):
                self._remember_status(event)
                raise _unknown(event.device_id)
        elif cls is ev.DeviceEventReceived:
            device_id = event.device_id
            if store.device(device_id) is None:
                raise _unknown(device_id)
            if self.dedupe.seen_recent(device_id, "event", (event.ts, event.kind)):
                raise Rejected("duplicate", f"{device_id} event {event.kind} at {event.ts} "
                                            "was already received")
        elif cls is ev.MetaReceived:
            self._apply_meta(event)
        return True

    # ---- devices coming and going ----------------------------------------------------------
    def _apply_meta(self, event: ev.MetaReceived) -> None:
        device_id = event.device_id
        if event.removed:
            self.store.remove(device_id)
            self.dedupe.forget(device_id)
            self._pending_status.pop(device_id, None)
            return
        device = device_from_meta(device_id, event.payload, self.store.device(device_id))
        self._register(device)

    def _register(self, device: Device) -> None:
        self.store.register(device)
        self.ledger.forget_unknown(device.id)
        pending = self._pending_status.pop(device.id, None)
        if pending is not None:
            self.store.apply_online(device.id, pending.online, pending.received_at)
        for message in self.parking.take(device.id):  # lock held; events go to self._out
            self._one(message)

    def _remember_status(self, event: ev.StatusReceived) -> None:
        # retained status and meta arrive in any order: keep the status for the birth
        pending = self._pending_status
        pending.pop(event.device_id, None)
        if len(pending) >= _PENDING_STATUS_MAX:
            pending.popitem(last=False)
        pending[event.device_id] = event

    def register_device(self, device: Device) -> None:
        """Add or replace a device (operator action); its pending status and parked
        messages are applied."""
        released: list[ev.IngestEvent] = []
        with self._lock:
            self._out = released
            self._register(device)
            self.accepted += len(released)
        if released:
            self._notify(released)

    def register_unknown(self, device_id: str, kind: str, *, name: str | None = None,
                         xyz: Vec3 = (0.0, 0.0, 0.0), building: str | None = None,
                         floor: int | None = None,
                         report_interval_s: float = 60.0) -> Device:
        """Register a device from the unknown-devices list; its points are taken from its
        first telemetry payload when there was one. Raises ValueError for a bad kind/id."""
        sample = next((u for u in self.ledger.snapshot()[2] if u.device_id == device_id), None)
        points = points_from_sample(sample.first_payload) if sample else {}
        device = device_for_operator(device_id, kind, name=name, xyz=xyz, building=building,
                                     floor=floor, points=points,
                                     report_interval_s=report_interval_s)
        self.register_device(device)
        return device

    def counts(self) -> dict[str, int]:
        """Totals; received = accepted + rejected + parked (waiting for a birth)."""
        with self._lock:
            self._expire_parked(time.time())
            return {"received": self.received, "accepted": self.accepted,
                    "rejected": self.ledger.total(), "parked": len(self.parking)}


def _unknown(device_id: str) -> Rejected:
    return Rejected("unknown_device", f"device {device_id!r} is not registered")


__all__ = ["Ingest", "Listener", "RateMeter", "Rejected"]
