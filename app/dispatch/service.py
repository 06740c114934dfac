"""``DispatchService``: the work-order desk. Create → suggest → assign → notify → follow.

It owns the open orders (rebuilt from the repository on start, so an engine restart loses
nothing mid-lifecycle), asks ``assignment.plan`` for suggestions, sends each assigned order
to the technician's handset on ``…/tech/{id}/orders`` (QoS 1) through an injected publisher,
applies handset updates and positions from ingest, and on ``tick()`` withdraws orders not
accepted within ``accept_timeout_s`` (reassigned to the next best, escalated).

Publishing is refused (``PublishNotAllowed``) when the source is read-only (replay,
training): the order then stays in the queue. All public methods take one lock: ingest calls
in from its thread while the UI calls from the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import msgspec
import numpy as np

from app.dispatch.assignment import AssignmentConfig, HeldOrder, Plan, Suggestion, plan
from app.dispatch.kpis import response_kpis
from app.dispatch.notes import note as note_line
from app.dispatch.orders import (
    DEFAULT_SLA,
    HELD,
    QUEUED,
    Cause,
    IllegalTransition,
    Note,
    Origin,
    Sla,
    WorkOrder,
    new_order_id,
    sla_status,
    transition,
)
from app.dispatch.repository import WorkOrderRepository
from app.dispatch.routing import WalkGraph
from app.dispatch.technicians import CERTIFIED_ONLY, TechnicianRoster, can_do
from app.domain.kinds import SKILLS
from app.domain.model import Location
from app.ingest.events import OrderUpdateReceived, TechLocationReceived
from app.ingest.topics import TopicScheme
from app.sources.base import PublishNotAllowed

Publisher = Callable[..., None]  # (topic, payload, *, qos, retain) like Source.publish


class DispatchConfig(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    accept_timeout_s: float = 300.0
    auto_assign: bool = True  # assign suggestions on tick() without a dispatcher's click
    sla: dict[int, Sla] = msgspec.field(default_factory=lambda: dict(DEFAULT_SLA))
    assignment: AssignmentConfig = msgspec.field(default_factory=AssignmentConfig)


class DispatchEvent(msgspec.Struct, frozen=True):
    kind: str  # created | assigned | state_changed | escalated | update_ignored
    order_id: str
    ts: float
    detail: str = ""
    tech_id: str | None = None


class DispatchError(ValueError):
    """A dispatcher request that cannot be done (unknown order, unqualified technician)."""


class DispatchService:
    def __init__(self, roster: TechnicianRoster, repository: WorkOrderRepository, *,
                 graph: WalkGraph | None, publisher: Publisher | None, can_publish: bool,
                 clock: Callable[[], float], topics: TopicScheme | None = None,
                 config: DispatchConfig | None = None,
                 on_event: Callable[[DispatchEvent], None] | None = None) -> None:
        self.roster = roster
        self.repository = repository
        self.graph = graph
        self.publisher = publisher
        self.can_publish = can_publish and publisher is not None
        self.clock = clock
        self.topics = topics or TopicScheme()
        self.config = config or DispatchConfig()
        self.on_event = on_event
        self._lock = threading.RLock()
        self._orders: dict[str, WorkOrder] = {o.id: o for o in repository.all()}
        for o in self._orders.values():
            if o.state in HELD and o.assignee:
                roster.add_order(o.assignee, o.id)

    # -- reading ----------------------------------------------------------------------
    def order(self, order_id: str) -> WorkOrder:
        with self._lock:
            return msgspec.json.decode(msgspec.json.encode(self._get(order_id)), type=WorkOrder)

    def orders(self) -> list[WorkOrder]:
        with self._lock:
            return [self.order(i) for i in self._orders]

    def sla(self, order_id: str) -> dict[str, float | bool | None]:
        with self._lock:
            return sla_status(self._get(order_id), self.clock(), self.config.sla)

    def kpis(self) -> dict[str, dict[str, float | int | None]]:
        with self._lock:
            return response_kpis(self._orders.values())

    # -- creating ---------------------------------------------------------------------
    def create_order(self, title: str, skill: str, priority: int, location: Location, *,
                     origin: Origin = "manual", origin_ref: str | None = None,
                     device_id: str | None = None, actor: str = "dispatcher",
                     cause: Cause | None = None) -> WorkOrder:
        """An order from an alarm, a detection, a resident report or by hand."""
        if skill not in SKILLS:
            raise DispatchError(f"skill: {skill!r} is not one of {', '.join(SKILLS)}")
        if priority not in self.config.sla:
            raise DispatchError(f"priority: {priority} is not one of {sorted(self.config.sla)}")
        with self._lock:
            now = self.clock()
            oid = new_order_id(now)
            while oid in self._orders:
                oid = new_order_id(now)
            order = WorkOrder(id=oid, title=title, skill=skill, priority=priority,
                              location=location, origin=origin, origin_ref=origin_ref,
                              device_id=device_id, created_at=now, cause=cause)
            order.notes.append(Note(ts=now, author=actor,
                                    text=note_line("created_from", origin=origin)))
            self._orders[oid] = order
            self._save(order)
            self._emit("created", order, title)
            return self.order(oid)

    # -- suggesting and assigning -------------------------------------------------------
    def suggest(self) -> Plan:
        with self._lock:
            queue = [o for o in self._orders.values() if o.state in QUEUED]
            techs = self.roster.snapshot()
            travel = self._travel(queue, techs)
            held = {t.id: [HeldOrder(i, self._orders[i].priority, self._orders[i].state)
                           for i in t.open_orders if i in self._orders] for t in techs}
            return plan(queue, techs, travel, self.config.assignment, held)

    def _travel(self, orders: list[WorkOrder], techs: list) -> np.ndarray:
        if not orders or not techs:
            return np.zeros((len(orders), len(techs)))
        if self.graph is None:  # no walkway graph in the scene: straight lines, walked
            a = np.asarray([o.location.xyz for o in orders])
            b = np.asarray([t.xyz for t in techs])
            return np.linalg.norm(a[:, None] - b[None], axis=2) / 1.3
        g = self.graph
        targets = [g.snap(o.location.xyz, o.location.building, o.location.floor)
                   for o in orders]
        return g.travel_matrix(targets, [g.snap(t.xyz) for t in techs])

    def assign(self, order_id: str, tech_id: str, *, actor: str = "dispatcher",
               reason: str = "", suggestion: Suggestion | None = None) -> WorkOrder:
        """Assign and notify the handset. Without the matching suggestion it is a manual
        override and the history says who did it and why."""
        with self._lock:
            order = self._get(order_id)
            if tech_id not in self.roster:
                raise DispatchError(f"unknown technician {tech_id!r}")
            tech = self.roster.technician(tech_id)
            if not can_do(tech, order.skill):
                cert = " certified" if order.skill in CERTIFIED_ONLY else ""
                raise DispatchError(f"{tech.name} ({tech_id}) is not a{cert} {order.skill} "
                                    f"technician: cannot take {order_id}")
            if not self.can_publish:
                raise PublishNotAllowed(f"read-only source (replay/training): {order_id} "
                                        "cannot be sent to a handset")
            if order.state in ("assigned", "accepted", "en_route") and order.assignee != tech_id:
                # the dispatcher moves a held order to someone else: withdraw it first
                self._withdraw(order, actor, note_line("reassigned", tech=tech_id, reason=reason),
                               block=False)
            manual = suggestion is None or suggestion.tech_id != tech_id
            why = note_line("manual", reason=reason) if manual else suggestion.explanation[
                "summary"]
            now = self.clock()
            transition(order, "assigned", ts=now, actor=actor, note=str(why))
            order.assignee = tech_id
            order.shift = tech.shift
            order.explanation = {} if manual else dict(suggestion.explanation)
            if manual:
                order.explanation = {"manual": f"{actor}: {reason or 'no reason given'}"}
            for victim in suggestion.preempts if suggestion else ():
                self._withdraw(self._get(victim), actor, f"pre-empted by urgent {order_id}",
                               block=False)
            self.roster.add_order(tech_id, order_id)
            self._save(order)
            self._publish_order(order)
            self._emit("assigned", order, str(why), tech_id)
            return self.order(order_id)

    def auto_assign(self) -> list[Suggestion]:
        with self._lock:
            done = []
            for s in self.suggest().suggestions:
                self.assign(s.order_id, s.tech_id, actor="system", suggestion=s)
                done.append(s)
            return done

    # -- following --------------------------------------------------------------------
    def apply_update(self, event: OrderUpdateReceived) -> bool:
        """A handset's accepted/rejected/arrived/done; False (and an event) if it does not
        fit the order: bad input never raises into ingest."""
        with self._lock:
            order = self._orders.get(event.order_id)
            if order is None or order.assignee != event.tech_id:
                self._emit_raw("update_ignored", event.order_id,
                               f"{event.tech_id} does not hold this order", event.tech_id)
                return False
            try:
                transition(order, event.state, ts=self.clock(), actor=f"tech:{event.tech_id}",
                           note=event.note)
            except IllegalTransition as exc:
                self._emit_raw("update_ignored", event.order_id, str(exc), event.tech_id)
                return False
            if event.note:
                order.notes.append(Note(self.clock(), f"tech:{event.tech_id}", event.note))
            if event.state in ("rejected", "done"):
                self.roster.remove_order(event.tech_id, order.id)
            if event.state == "rejected":
                order.rejected_by.append(event.tech_id)
            self._save(order)
            self._emit("state_changed", order, event.state, event.tech_id)
            return True

    def apply_location(self, event: TechLocationReceived) -> None:
        with self._lock:
            if not self.roster.apply_location(event):
                return
            for o in self._orders.values():  # the first fix after accepting: on the way
                if o.assignee == event.tech_id and o.state == "accepted":
                    transition(o, "en_route", ts=self.clock(), actor=f"tech:{event.tech_id}")
                    self._save(o)
                    self._emit("state_changed", o, "en_route", event.tech_id)

    def tick(self) -> list[DispatchEvent]:
        """Withdraw orders not accepted in time (escalated), then auto-assign the queue."""
        events: list[DispatchEvent] = []
        with self._lock:
            now = self.clock()
            for o in list(self._orders.values()):
                if (o.state == "assigned" and o.assigned_at is not None
                        and now - o.assigned_at > self.config.accept_timeout_s):
                    tech = o.assignee
                    self._withdraw(o, "system", note_line("not_accepted", seconds=(
                        f"{self.config.accept_timeout_s:.0f}")), block=True)
                    o.escalations += 1
                    self._save(o)
                    events.append(self._emit("escalated", o, f"{tech} did not accept; "
                                             "reassigning", tech))
            if self.config.auto_assign and self.can_publish:
                self.auto_assign()
        return events

    def _withdraw(self, order: WorkOrder, actor: str, why: str, *, block: bool) -> None:
        tech = order.assignee
        transition(order, "created", ts=self.clock(), actor=actor, note=why)
        if tech:
            self.roster.remove_order(tech, order.id)
            if block:  # the next round must pick someone else
                order.rejected_by.append(tech)
            self._publish(tech, {"order_id": order.id, "state": "withdrawn", "reason": why})
        self._save(order)

    # -- dispatcher actions -------------------------------------------------------------
    def set_state(self, order_id: str, to: str, *, actor: str, note: str = "") -> WorkOrder:
        """verify, close, cancel, or reopen (done → arrived) from the dispatch panel."""
        with self._lock:
            order = self._get(order_id)
            tech = order.assignee
            transition(order, to, ts=self.clock(), actor=actor, note=note)
            if to == "cancelled" and tech:
                self.roster.remove_order(tech, order_id)
                self._publish(tech, {"order_id": order_id, "state": "withdrawn",
                                     "reason": note or "cancelled"})
            self._save(order)
            self._emit("state_changed", order, to, tech)
            return self.order(order_id)

    def add_note(self, order_id: str, author: str, text: str) -> None:
        with self._lock:
            order = self._get(order_id)
            order.notes.append(Note(self.clock(), author, text))
            self._save(order)

    def add_photo(self, order_id: str, ref: str) -> None:
        with self._lock:
            order = self._get(order_id)
            order.photos.append(ref)
            self._save(order)

    # -- plumbing -----------------------------------------------------------------------
    def _get(self, order_id: str) -> WorkOrder:
        try:
            return self._orders[order_id]
        except KeyError:
            raise DispatchError(f"unknown work order {order_id!r}") from None

    def _save(self, order: WorkOrder) -> None:
        self.repository.save(order)

    def _publish_order(self, order: WorkOrder) -> None:
        loc = order.location
        self._publish(order.assignee or "", {
            "order_id": order.id, "state": order.state, "title": order.title,
            "skill": order.skill, "priority": order.priority,
            "location": {"xyz": list(loc.xyz), "building": loc.building, "floor": loc.floor,
                         "room": loc.room},
            "device_id": order.device_id, "created_at": order.created_at,
            "sla": msgspec.to_builtins(self.config.sla[order.priority])})

    def _publish(self, tech_id: str, body: dict) -> None:
        if self.publisher is None or not self.can_publish:
            return
        self.publisher(self.topics.tech(tech_id, "orders"), msgspec.json.encode(body),
                       qos=1, retain=False)

    def _emit(self, kind: str, order: WorkOrder, detail: str = "",
              tech_id: str | None = None) -> DispatchEvent:
        return self._emit_raw(kind, order.id, detail, tech_id)

    def _emit_raw(self, kind: str, order_id: str, detail: str,
                  tech_id: str | None) -> DispatchEvent:
        event = DispatchEvent(kind, order_id, self.clock(), detail, tech_id)
        if self.on_event is not None:
            self.on_event(event)
        return event
