"""DispatchRuntime: the dispatch engine wired into the running control room.

One object does all the wiring the composition root needs: it builds the walkway graph, the
roster and the ``DispatchService``; listens to ingest (handset locations and order updates)
and to the alarm book (a serious alarm becomes a work order); and, on the embedded
simulator, runs a ``HandsetSimulator`` whose messages go back through ``ingest.handle_batch``
so they are decoded exactly like a real handset's.

Threads: ingest calls in from the source's thread, ``tick()`` from the housekeeping thread,
the dispatch panel from the GUI thread. One lock (``self.lock``) serialises them. Calls out
of the runtime that may take other components' locks (the alarm book, ingest) are made
after it is released, so no lock is ever taken in two orders: the alarm listener only
queues the alarm, and ``tick()`` turns it into an order.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence

import msgspec

from app.alarms.book import AlarmBook, AlarmError
from app.alarms.model import AlarmChanged, Severity
from app.dispatch.assignment import Plan, Suggestion
from app.dispatch.handsets import HandsetConfig, HandsetSimulator
from app.dispatch.intake import (
    DETECTION_POLICY,
    priority_for,
    skill_for,
    skill_for_report,
)
from app.dispatch.orders import HELD, QUEUED, Cause, WorkOrder
from app.dispatch.repository import WorkOrderRepository
from app.dispatch.routing import RoutingError, WalkGraph
from app.dispatch.runtime_view import DispatchSnapshot, OrderView, read_only_reason
from app.dispatch.service import DispatchConfig, DispatchEvent, DispatchService
from app.dispatch.technicians import TechnicianRoster
from app.domain.model import Location, Vec3
from app.ingest.events import OrderUpdateReceived, TechLocationReceived
from app.ingest.pipeline import Ingest
from app.ingest.topics import TopicScheme
from app.listeners import Listeners, Subscription
from app.outbound import Publisher
from app.scene.model import Scene
from app.state.store import StateStore

log = logging.getLogger(__name__)

EventListener = Callable[[DispatchEvent], None]


class DispatchRuntimeConfig(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    #: alarms at or above this severity create a work order by themselves
    auto_order_min_severity: int = int(Severity.HIGH)
    #: assign suggestions on every tick; the dispatcher can switch it off in the panel
    auto_assign: bool = True
    handset_seed: int = 0
    service: DispatchConfig = msgspec.field(default_factory=DispatchConfig)
    handsets: HandsetConfig = msgspec.field(default_factory=HandsetConfig)
    events_kept: int = 500


class DispatchRuntime:
    def __init__(self, scene: Scene, store: StateStore, ingest: Ingest, publisher: Publisher,
                 alarm_book: AlarmBook, repository: WorkOrderRepository, *,
                 clock: Callable[[], float] = time.time, simulate_handsets: bool,
                 config: DispatchRuntimeConfig | None = None,
                 topics: TopicScheme | None = None) -> None:
        self.config = config or DispatchRuntimeConfig()
        self.scene, self.store, self.ingest, self.publisher = scene, store, ingest, publisher
        self.book = alarm_book
        self.clock = clock
        self.topics = topics or getattr(ingest, "scheme", None) or TopicScheme()
        self.lock = threading.RLock()
        self.graph = _graph(scene)
        self.roster = TechnicianRoster(scene.technicians, clock=clock)
        self.handsets = (HandsetSimulator(scene.technicians, self.graph, topics=self.topics,
                                          seed=self.config.handset_seed,
                                          config=self.config.handsets)
                         if simulate_handsets else None)
        self.events: deque[DispatchEvent] = deque(maxlen=self.config.events_kept)
        self.version = 0  # bumped on every dispatch event: the panel refreshes when it moves
        self._listeners: Listeners[DispatchEvent] = Listeners("dispatch")
        self._pending_alarms: deque[AlarmChanged] = deque()
        self._plan = Plan([], {})
        service_config = msgspec.structs.replace(self.config.service,
                                                 auto_assign=self.config.auto_assign)
        self.service = DispatchService(
            self.roster, repository, graph=self.graph, publisher=self._publish,
            can_publish=publisher.delivers, clock=clock, topics=self.topics,
            config=service_config, on_event=self._on_service_event)
        self.read_only_reason = read_only_reason(publisher)
        # alarm id → order id, so a repeated or re-escalated alarm makes one order only
        self._alarm_orders = {o.origin_ref: o.id for o in self.service.orders()
                              if o.origin == "alarm" and o.origin_ref}
        if self.handsets is not None:
            self._redeliver_held_orders()
        ingest.subscribe(self._on_ingest)
        alarm_book.subscribe(self._on_alarm)

    # -- subscriptions --------------------------------------------------------------------
    def subscribe(self, listener: EventListener, *, weak: bool = False) -> Subscription:
        """``listener(DispatchEvent)`` on whichever thread caused it; keep it quick (the UI
        bridge only emits a queued signal)."""
        return self._listeners.subscribe(listener, weak=weak)

    # -- inputs from the engine -----------------------------------------------------------
    def _on_ingest(self, events: Sequence[object]) -> None:
        for event in events:
            cls = type(event)
            if cls is TechLocationReceived:
                with self.lock:
                    self.service.apply_location(event)  # type: ignore[arg-type]
            elif cls is OrderUpdateReceived:
                with self.lock:
                    self.service.apply_update(event)  # type: ignore[arg-type]

    def _on_alarm(self, change: AlarmChanged) -> None:
        # Called under the alarm book's lock: only queue it (see the module docstring).
        if change.action in ("raised", "severity", "reactivated"):  # may be worse now
            self._pending_alarms.append(change)

    # -- creating orders ------------------------------------------------------------------
    def create_order(self, title: str, skill: str, priority: int, location: Location, *,
                     actor: str = "dispatcher", device_id: str | None = None) -> WorkOrder:
        """A work order made by hand in the dispatch panel."""
        with self.lock:
            return self.service.create_order(title, skill, priority, location,
                                             origin="manual", device_id=device_id,
                                             actor=actor)

    def create_from_detection(self, kind: str, location: Location, *, ref: str | None = None,
                              confidence: float | None = None,
                              detail: str = "") -> WorkOrder:
        """A camera detection (falling object, illegal construction) → an order."""
        skill, priority = DETECTION_POLICY.get(kind, ("general", 3))
        title = kind.replace("_", " ")
        if confidence is not None:
            title += f" ({confidence:.0%})"
        if detail:
            title += f": {detail}"
        with self.lock:
            return self.service.create_order(title, skill, priority, location,
                                             origin="detection", origin_ref=ref,
                                             actor="vision")

    def create_from_resident_report(self, text: str, location: Location, reporter: str, *,
                                     skill: str | None = None, priority: int = 3,
                                     ref: str | None = None) -> WorkOrder:
        """A resident's report (phone, app, front desk); the skill is guessed from the
        words unless the dispatcher chose it."""
        with self.lock:
            order = self.service.create_order(
                text.strip()[:120] or "resident report", skill or skill_for_report(text),
                priority, location, origin="resident", origin_ref=ref,
                actor=f"resident:{reporter}")
            self.service.add_note(order.id, f"resident:{reporter}", text)
            return self.service.order(order.id)

    def create_from_alarm(self, alarm_id: str, *, actor: str = "dispatch") -> WorkOrder | None:
        """An order for an open alarm (the automatic path, or a dispatcher's click on an
        alarm below the automatic threshold). None when the alarm has no located device."""
        alarm = self.book.get(alarm_id)
        if alarm is None:
            raise AlarmError(f"no alarm {alarm_id!r}")
        with self.lock:
            order = self._order_for_alarm(alarm, actor)
        if order is not None:
            self._mark_dispatched(alarm_id, order.id)
        return order

    def _order_for_alarm(self, alarm, actor: str) -> WorkOrder | None:  # noqa: ANN001
        existing = self._alarm_orders.get(alarm.id)
        if existing is not None:
            return self.service.order(existing)
        device = self.store.device(alarm.device_id)
        if device is None:  # the feed itself ("mqtt-feed"), a camera: no place to go
            log.info("alarm %s on %s: not a device of the scene, no order made for it",
                     alarm.id, alarm.device_id)
            return None
        title = f"{device.name}: {alarm.message}"
        order = self.service.create_order(
            title, skill_for(device.kind, alarm.type), priority_for(alarm.severity),
            device.location, origin="alarm", origin_ref=alarm.id, device_id=device.id,
            actor=actor, cause=Cause(alarm.type, dict(alarm.detail or {}), alarm.message))
        self._alarm_orders[alarm.id] = order.id
        return order

    def _mark_dispatched(self, alarm_id: str, order_id: str) -> None:
        try:
            self.book.dispatch(alarm_id, order_id, by="dispatch")
        except AlarmError as exc:  # closed meanwhile: the order stands on its own
            log.info("alarm %s not marked dispatched: %s", alarm_id, exc)

    def _take_alarms(self) -> list[tuple[str, str]]:
        """Under the lock: pending serious alarms → orders; (alarm id, order id) to mark."""
        made: list[tuple[str, str]] = []
        threshold = self.config.auto_order_min_severity
        while self._pending_alarms:
            change = self._pending_alarms.popleft()
            alarm = change.alarm
            if (alarm.severity < threshold or alarm.suppressed or alarm.closed_at is not None
                    or alarm.dispatched_order is not None or alarm.id in self._alarm_orders):
                continue
            order = self._order_for_alarm(alarm, "dispatch")
            if order is not None:
                made.append((alarm.id, order.id))
        return made

    # -- time -------------------------------------------------------------------------------
    def tick(self) -> None:
        """Each second from the housekeeping thread: alarms → orders, accept timeouts and
        escalation, auto-assignment, the suggestions the panel shows, simulated handsets."""
        now = self.clock()
        messages = []
        with self.lock:
            made = self._take_alarms()
            flush = getattr(self.service.repository, "flush", None)
            if flush is not None:  # orders an outage of the database left unsaved
                flush()
            self.service.tick()
            # what is left in the queue, with its reasons, for the panel (cheap when empty)
            self._plan = self.service.suggest()
            if self.handsets is not None:
                messages = self.handsets.step(now)
        for alarm_id, order_id in made:
            self._mark_dispatched(alarm_id, order_id)
        if messages:  # through the decoder, like a real handset; re-enters _on_ingest
            self.ingest.handle_batch(messages)

    # -- dispatcher actions (the panel) ---------------------------------------------------
    @property
    def auto_assign(self) -> bool:
        return self.service.config.auto_assign

    def set_auto_assign(self, on: bool) -> None:
        with self.lock:
            self.service.config = msgspec.structs.replace(self.service.config,
                                                          auto_assign=bool(on))

    def assign(self, order_id: str, tech_id: str, *, actor: str = "dispatcher",
               reason: str = "") -> WorkOrder:
        """Assign (or reassign) an order. Picking the suggested technician keeps the
        suggestion's reasons; anyone else is an override and needs ``reason``. Raises
        DispatchError or PublishNotAllowed with a line for the dispatcher."""
        with self.lock:
            suggestion = self.suggestion_for(order_id, fresh=True)
            if suggestion is not None and suggestion.tech_id != tech_id:
                suggestion = None
            return self.service.assign(order_id, tech_id, actor=actor, reason=reason,
                                       suggestion=suggestion)

    def set_state(self, order_id: str, to: str, *, actor: str = "dispatcher",
                  note: str = "") -> WorkOrder:
        with self.lock:
            return self.service.set_state(order_id, to, actor=actor, note=note)

    def add_note(self, order_id: str, author: str, text: str) -> None:
        with self.lock:
            self.service.add_note(order_id, author, text)

    # -- reading (any thread) ---------------------------------------------------------------
    def suggestion_for(self, order_id: str, *, fresh: bool = False) -> Suggestion | None:
        with self.lock:
            plan = self.service.suggest() if fresh else self._plan
            return next((s for s in plan.suggestions if s.order_id == order_id), None)

    def snapshot(self) -> DispatchSnapshot:
        with self.lock:
            now = self.clock()
            orders = self.service.orders()
            plan = self._plan
            by_order = {s.order_id: s for s in plan.suggestions}
            views = []
            for o in orders:
                why = ""
                if o.state in QUEUED:
                    why = self.read_only_reason or plan.unassigned.get(o.id, "")
                views.append(OrderView(order=o, sla=self.service.sla(o.id),
                                       suggestion=by_order.get(o.id), why_unassigned=why))
            return DispatchSnapshot(version=self.version, at=now, orders=views,
                                    technicians=self.roster.snapshot(),
                                    kpis=self.service.kpis(), auto_assign=self.auto_assign,
                                    read_only_reason=self.read_only_reason)

    def technician_positions(self) -> dict[str, Vec3]:
        with self.lock:
            return {s.id: s.xyz for s in self.roster.snapshot()}

    def route(self, tech_id: str, order_id: str) -> list[Vec3]:
        """The walkway route from the technician to the order, for the 3D view."""
        with self.lock:
            order = self.service.order(order_id)
            start = self.roster.status(tech_id).xyz
            loc = order.location
            if self.graph is None:
                return [start, loc.xyz]
            r = self.graph.route(start, loc.xyz, end_at=(loc.building, loc.floor))
            return list(r.points) if r.points else [start, loc.xyz]

    # -- plumbing ---------------------------------------------------------------------------
    def _publish(self, topic: str, payload: bytes, *, qos: int = 1, retain: bool = False) -> None:
        self.publisher.publish(topic, payload, qos=qos, retain=retain)
        if self.handsets is not None:  # the embedded demo's handsets hear what was sent
            self.handsets.deliver(topic, payload, qos=qos, retain=retain)

    def _redeliver_held_orders(self) -> None:
        # after a restart the simulated handsets have forgotten their jobs: hand each one
        # back in the state it was in, so no handset stands still on an order "on the way"
        assert self.handsets is not None
        for o in self.service.orders():
            if o.state in HELD and o.assignee and self.publisher.delivers:
                self.handsets.resume(o.assignee, o.id, o.state, {
                    "xyz": list(o.location.xyz), "building": o.location.building,
                    "floor": o.location.floor})

    def _on_service_event(self, event: DispatchEvent) -> None:
        # under the service's lock: record and hand on, nothing slow
        self.events.append(event)
        self.version += 1
        self._listeners.emit(event)


def _graph(scene: Scene) -> WalkGraph | None:
    try:
        return WalkGraph.from_scene(scene)
    except RoutingError as exc:  # a scene without walkways: straight lines are used
        log.warning("dispatch routes in straight lines: %s", exc)
        return None
