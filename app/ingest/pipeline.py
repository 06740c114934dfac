"""Ingest: route, decode and validate raw contract messages, update the StateStore, and
hand the decoded events to listeners (alarms, storage, dispatch).

Bad input never raises out of ``handle_batch``: it is dropped and counted in the
``RejectLedger`` under exactly one reason, with the last offending sample, so that
``received == accepted + ledger.total() + len(parking)`` always holds.

Births (retained ``meta``) are requests, never commands (app.ingest.births): a known
device may announce itself as it is known; a new one goes, with its birth, to the list of
unknown devices, where an operator registers (``register``) or dismisses (``dismiss``) it,
both naming the user; registrations outlive a restart (app.ingest.registrations).
Telemetry, status and events of devices nobody registered are listed too; their telemetry
and events are parked for a while in case the device becomes known (app.ingest.parking).
An event kind the device's kind does not send is ``unknown_event`` (app.wire.vocabulary).
QoS 1 duplicates are dropped by device + seq (or device time when a device sends no seq)
and counted as ``duplicate``; odd sequences are counted as anomalies (app.ingest.dedupe).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence

import msgspec

from app.domain.kinds import DEVICE_KINDS
from app.domain.model import Device, Location, Vec3
from app.ingest import births
from app.ingest import events as ev
from app.ingest.decode import Rejected, decode_message
from app.ingest.dedupe import DUPLICATE, JUMP, NEW, Deduper
from app.ingest.feed import FeedWatch
from app.ingest.loglimit import LogLimiter
from app.ingest.parking import ParkingLot
from app.ingest.registrations import Dismissal, Registration, RegistrationFile
from app.ingest.registry import (
    device_for_operator,
    device_from_meta,
    meta_of,
    points_from_sample,
)
from app.ingest.rejects import RejectLedger
from app.listeners import Listeners, Subscription
from app.scene.model import Scene
from app.state.store import StateStore
from app.wire.message import RawMessage
from app.wire.payloads import MetaPayload
from app.wire.topics import Route, TopicScheme
from app.wire.vocabulary import event_allowed, events_of

log = logging.getLogger(__name__)

Listener = Callable[[list[ev.IngestEvent]], None]

#: routes of topics whose messages were accepted are cached (topic strings repeat); bounded
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
                 park_unknown_s: float = 0.0, scene: Scene | None = None,
                 registrations: RegistrationFile | None = None,
                 trust_births: bool = False,
                 clock: Callable[[], float] = time.time) -> None:
        """``park_unknown_s``: how long telemetry/events of unregistered devices wait for
        their birth before they count as unknown_device (0 = at once). Live MQTT wants ~30 s
        (the session queue arrives before the births); see app.ingest.parking.

        The devices in ``store`` now are *defined* (the scene's): births never change them
        and no operator removes them. ``scene`` gives the location checks for new devices;
        ``registrations`` keeps operator registrations across restarts (loaded now).
        ``trust_births``: register new devices from their births without an operator —
        only for a recording played back offline, whose births were decided long ago.
        ``clock``: the engine's time (parking, the rate meter, reject samples)."""
        self.store = store
        self.scheme = scheme
        self.scene = scene
        self.max_clock_skew_s = max_clock_skew_s
        self.trust_births = trust_births
        self._clock = clock
        self.ledger = RejectLedger(clock)
        self.rate = RateMeter()
        self.dedupe = Deduper()
        self.feed = FeedWatch()
        self.received = 0
        self.accepted = 0
        self._listeners: Listeners[list[ev.IngestEvent]] = Listeners("ingest")
        self._lock = threading.Lock()
        self._routes: dict[str, Route] = {}
        self._pending_status: OrderedDict[str, ev.StatusReceived] = OrderedDict()
        self.parking = ParkingLot(hold_s=park_unknown_s)
        self._out: list[ev.IngestEvent] = []
        self._log = LogLimiter(log)
        self._defined = frozenset(d.id for d in store.devices())
        self._registrations = registrations
        self._registered: dict[str, Registration] = {}
        for reg in registrations.load() if registrations is not None else ():
            if reg.device.id not in self._defined:
                self._registered[reg.device.id] = reg
                store.register(reg.device)

    def subscribe(self, listener: Listener, *, weak: bool = False) -> Subscription:
        return self._listeners.subscribe(listener, weak=weak)

    # ---- the hot path --------------------------------------------------------------------
    def handle_batch(self, messages: Sequence[RawMessage]) -> list[ev.IngestEvent]:
        decoded: list[ev.IngestEvent] = []
        now = self._clock()
        with self._lock:
            self._out = decoded
            self._expire_parked(now)
            anomalies = self.dedupe.anomalies
            one = self._one
            for message in messages:
                one(message)
            self.received += len(messages)
            self.accepted += len(decoded)
            self.rate.add(len(messages), now)
            self.feed.note(len(messages), now)
            if self.dedupe.anomalies != anomalies:
                last = self.dedupe.last_anomalies()[-1]
                self._log.log("sequence_anomaly", logging.WARNING,
                              "sequence anomaly: %s %s: %s", last.device_id, last.what,
                              last.detail)
        self._notify(decoded)
        return decoded

    def _one(self, message: RawMessage) -> None:
        topic = message.topic
        route = self._routes.get(topic)
        cached = route is not None
        if not cached:
            route = self.scheme.route(topic)
        try:
            event = decode_message(route, message, self.max_clock_skew_s)
            self._out.append(self._apply(event))
            if not cached and len(self._routes) < _ROUTE_CACHE_MAX:
                self._routes[topic] = route  # accepted topics only: a flood fills nothing
        except Rejected as rejected:
            if rejected.reason == "unknown_device":
                self.ledger.unknown_device(route.entity_id, topic, message.payload,
                                           birth=getattr(rejected, "birth", None))
                if route.leaf in ("telemetry", "event") and self.parking.park(
                        route.entity_id, message, self._clock()):
                    return  # its birth may be on its way (see app.ingest.parking)
            self.ledger.reject(rejected.reason, topic, message.payload, rejected.detail)
        except Exception as exc:  # a bug must cost one message, not the stream
            self._log.log(f"internal:{type(exc).__name__}", logging.ERROR,
                          "ingest failed on a message from %s", topic[:200], exc_info=True)
            self.ledger.reject("schema", topic, message.payload,
                               f"internal error: {type(exc).__name__}")

    def _notify(self, decoded: list[ev.IngestEvent]) -> None:
        self._listeners.emit(decoded)  # a faulty consumer is logged, never stops ingest

    def _expire_parked(self, now: float) -> None:
        for message in self.parking.expired(now):
            device_id = message.topic.rsplit("/", 2)[-2]
            self.ledger.reject("unknown_device", message.topic, message.payload,
                               f"device {device_id!r} is not registered (no birth within "
                               f"{self.parking.hold_s:g} s)")

    def expire_parked(self, now: float | None = None) -> None:
        """Turn messages parked longer than the hold time into unknown_device rejects."""
        with self._lock:
            self._expire_parked(self._clock() if now is None else now)

    def _apply(self, event: ev.IngestEvent) -> ev.IngestEvent:
        """Update the state store; returns the event for the listeners. Raises Rejected
        (unknown_device, unknown_event, birth_conflict, bad_location, duplicate, seq_jump)."""
        store = self.store
        cls = type(event)
        if cls is ev.TelemetryReceived:
            device_id = event.device_id
            if store.device(device_id) is None:
                raise _unknown(device_id)
            dedupe, now = self.dedupe, event.received_at
            verdict = (dedupe.check_seq(device_id, event.seq, event.ts, now)
                       if event.seq is not None else
                       DUPLICATE if dedupe.seen_recent(device_id, "ts", event.ts) else NEW)
            if verdict == DUPLICATE:
                raise Rejected("duplicate", f"{device_id} seq={event.seq} ts={event.ts} "
                                            "was already received")
            if verdict == JUMP:
                raise Rejected("seq_jump", f"{device_id} seq={event.seq}: a jump this large "
                                           "is believed only when the next message follows it")
            # ordered by a time no further ahead than the device's clock usually is: one
            # reading from the future must not keep the genuine ones behind it
            store.apply_values(device_id, event.values,
                               dedupe.believable_ts(device_id, event.ts, now), now)
        elif cls is ev.StatusReceived:
            if not store.apply_online(event.device_id, event.online, event.received_at):
                self._remember_status(event)
                raise _unknown(event.device_id)
        elif cls is ev.DeviceEventReceived:
            device = store.device(event.device_id)
            if device is None:
                raise _unknown(event.device_id)
            if not event_allowed(device.kind, event.kind):
                raise Rejected("unknown_event", f"a {device.kind} does not send "
                               f"{event.kind[:64]!r}; it may send: "
                               f"{', '.join(events_of(device.kind))}")
            if self.dedupe.seen_recent(device.id, "event", (event.ts, event.kind)):
                raise Rejected("duplicate", f"{device.id} event {event.kind} at {event.ts} "
                                            "was already received")
        elif cls is ev.MetaReceived:
            return self._apply_meta(event)
        return event

    # ---- devices coming and going ----------------------------------------------------------
    def _apply_meta(self, event: ev.MetaReceived) -> ev.MetaReceived:
        device_id = event.device_id
        known = self.store.device(device_id)
        if event.removed:
            if known is not None:
                raise births.removal_refused(device_id)
            self.ledger.forget_unknown(device_id)  # the device withdrew its request
            self._pending_status.pop(device_id, None)
            return event
        meta: MetaPayload = event.payload  # type: ignore[assignment]
        if known is not None:
            try:
                device = births.known_birth(device_id, meta, known)
            except Rejected as conflict:
                if device_id in self._registered:  # the operator may accept the change
                    self.ledger.unknown_device(device_id, self.scheme.device(device_id, "meta"),
                                               msgspec.json.encode(meta), birth=meta)
                raise conflict from None
            if device is not known:
                self.store.register(device)
            return msgspec.structs.replace(event, payload=meta_of(device))
        device = births.new_device(device_id, meta, self.scene)
        if not self.trust_births:
            raise births.listed(device_id, meta)
        self._register(device)
        return event

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

    # ---- operator decisions (the caller authorises and audits; ``by`` names the user) -----
    def register(self, device_id: str, by: str, *, kind: str | None = None,
                 name: str | None = None, xyz: Vec3 | None = None,
                 building: str | None = None, floor: int | None = None,
                 report_interval_s: float | None = None) -> Registration:
        """Register a device from the unknown-devices list: as its birth describes it, or
        (without a birth) as the operator describes it, points taken from its first
        telemetry. What the operator gives overrides the birth. A registered device's new
        birth (listed after a birth_conflict) replaces it. Raises ValueError (one line)."""
        if not by.strip():
            raise ValueError("a registration names the user who makes it")
        if device_id in self._defined:
            raise ValueError(f"{device_id!r} is defined by the scene: change the scene instead")
        if kind is not None and kind not in DEVICE_KINDS:
            raise ValueError(f"kind {kind!r} is not a device kind; one of: "
                             f"{', '.join(DEVICE_KINDS)}")
        entry = self.ledger.unknown_entry(device_id)
        if entry is not None and entry.birth is not None:
            device = device_from_meta(device_id, entry.birth, None)
            if kind is not None:
                device = msgspec.structs.replace(device, kind=kind)
        elif kind is None:
            raise ValueError(f"{device_id!r} sent no birth: say what kind of device it is")
        else:
            device = device_for_operator(device_id, kind, points=points_from_sample(
                entry.first_payload) if entry is not None else {})
        loc = device.location
        location = Location(xyz=loc.xyz if xyz is None else xyz,
                            building=loc.building if building is None else building,
                            floor=loc.floor if floor is None else floor, room=loc.room)
        device = msgspec.structs.replace(
            device, name=name or device.name, location=location,
            report_interval_s=report_interval_s or device.report_interval_s)
        if not device.report_interval_s > 0:
            raise ValueError("report_interval_s must be positive")
        problem = births.place_problem(self.scene, location) if self.scene else None
        if problem:
            raise ValueError(f"{device_id!r}: {problem}")
        registration = Registration(device, by, time.time())
        released: list[ev.IngestEvent] = []
        with self._lock:
            self._out = released
            self._registered[device_id] = registration
            self._save_registrations()
            self._register(device)
            released.insert(0, ev.MetaReceived(device_id, False, meta_of(device),
                                               registration.at))
            self.accepted += len(released) - 1  # the parked messages (the meta is no message)
        self._notify(released)
        return registration

    def dismiss(self, device_id: str, by: str) -> Dismissal:
        """Take a device off the unknown-devices list (its parked messages count as
        unknown_device), or remove a device an operator registered. Raises ValueError."""
        if not by.strip():
            raise ValueError("a dismissal names the user who makes it")
        if device_id in self._defined:
            raise ValueError(f"{device_id!r} is defined by the scene: change the scene instead")
        removed: list[ev.IngestEvent] = []
        with self._lock:
            listed = self.ledger.forget_unknown(device_id)
            self._pending_status.pop(device_id, None)
            for message in self.parking.take(device_id):
                self.ledger.reject("unknown_device", message.topic, message.payload,
                                   f"device {device_id!r} was dismissed by {by}")
            was_registered = self._registered.pop(device_id, None) is not None
            if not (listed or was_registered):
                raise ValueError(f"{device_id!r} is neither listed nor registered")
            if was_registered:
                self._save_registrations()
                self.store.remove(device_id)
                self.dedupe.forget(device_id)
                removed.append(ev.MetaReceived(device_id, True, None, self._clock()))
        self._notify(removed)
        return Dismissal(device_id, by, time.time(), was_registered)

    def register_unknown(self, device_id: str, kind: str, *, name: str | None = None,
                         xyz: Vec3 = (0.0, 0.0, 0.0), building: str | None = None,
                         floor: int | None = None, report_interval_s: float = 60.0,
                         by: str = "operator") -> Device:
        """The former operation (kept for one release; use ``register``). Its default
        position (the origin) means "not given": a listed birth's place then stands."""
        return self.register(device_id, by, kind=kind, name=name,
                             xyz=None if xyz == (0.0, 0.0, 0.0) else xyz, building=building,
                             floor=floor, report_interval_s=report_interval_s).device

    def registrations(self) -> list[Registration]:
        with self._lock:
            return list(self._registered.values())

    def _save_registrations(self) -> None:
        if self._registrations is not None:
            self._registrations.save(self._registered.values())

    def counts(self) -> dict[str, int]:
        """Totals; received = accepted + rejected + parked (waiting for a birth);
        sequence_anomalies are messages taken (or dropped as duplicates) whose seq was odd."""
        with self._lock:
            self._expire_parked(self._clock())
            return {"received": self.received, "accepted": self.accepted,
                    "rejected": self.ledger.total(), "parked": len(self.parking),
                    "sequence_anomalies": self.dedupe.anomalies}


def _unknown(device_id: str) -> Rejected:
    return Rejected("unknown_device", f"device {device_id!r} is not registered")


__all__ = ["Ingest", "Listener", "RateMeter", "Rejected"]
