"""Work orders: the struct, the lifecycle and the SLA clocks.

Lifecycle::

    created ─► assigned ─► accepted ─► en_route ─► arrived ─► done ─► verified ─► closed
                 │  ▲          │           │
                 ▼  │          ▼           ▼
              rejected ◄───────┴───────────┘     (any open state) ─► cancelled

A rejected order is back in the queue: the next assignment moves it to ``assigned`` again.
``assigned``/``accepted``/``en_route`` may also return to ``created`` when the dispatcher
withdraws it (timeout, pre-emption by an urgent order). Anything else raises
``IllegalTransition``, naming the order and both states.
"""

from __future__ import annotations

from typing import Any, Literal

import msgspec
from ulid import ULID

from app.domain.model import Location

State = Literal["created", "assigned", "accepted", "en_route", "arrived", "done",
                "verified", "closed", "rejected", "cancelled"]
Origin = Literal["alarm", "detection", "resident", "manual"]

TRANSITIONS: dict[str, frozenset[str]] = {
    "created": frozenset({"assigned", "cancelled"}),
    "assigned": frozenset({"accepted", "rejected", "created", "cancelled"}),
    "accepted": frozenset({"en_route", "arrived", "rejected", "created", "cancelled"}),
    "en_route": frozenset({"arrived", "rejected", "created", "cancelled"}),
    "arrived": frozenset({"done", "cancelled"}),
    "done": frozenset({"verified", "arrived"}),  # verification failed: work resumes
    "verified": frozenset({"closed"}),
    "rejected": frozenset({"assigned", "cancelled"}),
    "closed": frozenset(),
    "cancelled": frozenset(),
}
#: waiting for a technician (the assignment queue)
QUEUED = frozenset({"created", "rejected"})
#: a technician holds it and is working towards it
HELD = frozenset({"assigned", "accepted", "en_route", "arrived"})
TERMINAL = frozenset({"closed", "cancelled"})


class IllegalTransition(ValueError):
    """A lifecycle step that is not allowed, e.g. created → done."""


class HistoryEntry(msgspec.Struct, frozen=True):
    ts: float
    actor: str  # "dispatcher:wang", "tech:t07", "system"
    from_state: str
    to_state: str
    note: str = ""


class Note(msgspec.Struct, frozen=True):
    ts: float
    author: str
    text: str


class Sla(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    acknowledge_s: float
    arrive_s: float
    resolve_s: float


#: by priority, 1 = most urgent; configurable through DispatchConfig
DEFAULT_SLA: dict[int, Sla] = {
    1: Sla(acknowledge_s=5 * 60, arrive_s=15 * 60, resolve_s=4 * 3600),
    2: Sla(acknowledge_s=15 * 60, arrive_s=60 * 60, resolve_s=24 * 3600),
    3: Sla(acknowledge_s=60 * 60, arrive_s=4 * 3600, resolve_s=3 * 86400),
    4: Sla(acknowledge_s=4 * 3600, arrive_s=24 * 3600, resolve_s=7 * 86400),
}


class Cause(msgspec.Struct, frozen=True):
    """What an order from an alarm is about, as data (the alarm's type and its message
    detail, app.alarms.messages), so each screen words it as the alarm board does; the
    order's ``title`` keeps the English line for handsets, logs and city platforms."""

    type: str  # the alarm type, e.g. "event.gas_leak", "temp_c.high"
    detail: dict[str, Any] = {}  # app.alarms.messages.detail(...)
    message: str = ""  # the English line, when the detail has no wording


class WorkOrder(msgspec.Struct, kw_only=True):
    """Mutable, owned by the DispatchService; everyone else gets copies."""

    id: str
    title: str
    skill: str  # one of domain SKILLS
    priority: int  # 1 (urgent) .. 4
    location: Location
    origin: Origin = "manual"
    origin_ref: str | None = None  # alarm id, detection id, resident report id
    cause: Cause | None = None  # orders from alarms: what to word on screen
    device_id: str | None = None
    created_at: float
    state: State = "created"
    assignee: str | None = None
    shift: str | None = None  # shift of the technician who did the work, for KPIs
    assigned_at: float | None = None
    accepted_at: float | None = None
    arrived_at: float | None = None
    done_at: float | None = None
    closed_at: float | None = None
    rejected_by: list[str] = []
    escalations: int = 0
    notes: list[Note] = []
    photos: list[str] = []  # references (file names / URLs), not image bytes
    history: list[HistoryEntry] = []
    explanation: dict[str, float | str] = {}  # the cost terms of the chosen assignment

    @property
    def is_open(self) -> bool:
        return self.state not in TERMINAL and self.state not in ("done", "verified")


def transition(order: WorkOrder, to: str, *, ts: float, actor: str, note: str = "") -> None:
    """Move ``order`` to state ``to`` and record who/when/why; IllegalTransition otherwise."""
    if to not in TRANSITIONS.get(order.state, ()):
        raise IllegalTransition(f"work order {order.id}: cannot go from {order.state} to {to}")
    order.history.append(HistoryEntry(ts=ts, actor=actor, from_state=order.state,
                                      to_state=to, note=note))
    order.state = to  # type: ignore[assignment]
    stamps = {"assigned": "assigned_at", "accepted": "accepted_at", "arrived": "arrived_at",
              "done": "done_at", "closed": "closed_at", "cancelled": "closed_at"}
    if to in stamps and (to != "arrived" or order.arrived_at is None):
        setattr(order, stamps[to], ts)
    if to in ("created", "rejected"):
        order.assignee = None
        order.assigned_at = order.accepted_at = None


def sla_status(order: WorkOrder, now: float, sla: dict[int, Sla] | None = None
               ) -> dict[str, float | bool | None]:
    """Seconds left on each SLA clock (negative = breached), None once that step is met."""
    s = (sla or DEFAULT_SLA)[order.priority]
    out: dict[str, float | bool | None] = {}
    for name, limit, met in (("acknowledge", s.acknowledge_s, order.accepted_at),
                             ("arrive", s.arrive_s, order.arrived_at),
                             ("resolve", s.resolve_s, order.done_at)):
        left = None if met is not None else order.created_at + limit - now
        out[f"{name}_left_s"] = left
        end = met if met is not None else now
        out[f"{name}_breached"] = end - order.created_at > limit
    return out


def short_order_id(order_id: str) -> str:
    """How a person reads and says an order's id: ``WO-`` and the last six characters of
    its ULID (the random part; the first ten are the creation time, the same for every
    order made in that millisecond). Other ids are shown whole."""
    if order_id.startswith("WO-") and len(order_id) == 29:
        return f"WO-{order_id[-6:]}"
    return order_id


def new_order_id(ts: float) -> str:
    """Unique across processes and compounds (two engines on one broker must never send a
    technician two orders with one id) and sortable by creation time: WO-<ULID of ts>."""
    return f"WO-{ULID.from_timestamp(max(ts, 0.0))}"
