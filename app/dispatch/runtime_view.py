"""What the dispatch panel reads from the runtime: immutable snapshots, one per refresh.

Copies, never the service's live objects, so the GUI thread can read them at leisure while
ingest and the housekeeping thread move the orders on.
"""

from __future__ import annotations

import msgspec

from app.dispatch.assignment import Suggestion
from app.dispatch.notes import note
from app.dispatch.orders import WorkOrder
from app.dispatch.technicians import TechnicianStatus
from app.outbound import Publisher


class OrderView(msgspec.Struct, frozen=True):
    order: WorkOrder
    sla: dict[str, float | bool | None]  # sla_status: *_left_s (None once met), *_breached
    suggestion: Suggestion | None = None  # for a queued order: who, and why (cost terms)
    why_unassigned: str = ""  # for a queued order without a technician

    @property
    def id(self) -> str:
        return self.order.id

    def next_deadline(self) -> tuple[str, float] | None:
        """The SLA clock that runs out first: (acknowledge|arrive|resolve, seconds left)."""
        if self.order.state in ("done", "verified", "closed", "cancelled"):
            return None
        left = [(name, self.sla[f"{name}_left_s"]) for name in
                ("acknowledge", "arrive", "resolve")
                if self.sla.get(f"{name}_left_s") is not None]
        return min(left, key=lambda kv: kv[1]) if left else None  # type: ignore[arg-type,return-value]


class DispatchSnapshot(msgspec.Struct, frozen=True):
    version: int  # changes whenever an order changed
    at: float
    orders: list[OrderView]
    technicians: list[TechnicianStatus]
    kpis: dict[str, dict[str, float | int | None]]
    auto_assign: bool
    #: app.dispatch.notes "read_only" (it names the source); screens word it with word_note
    read_only_reason: str | None = None

    def order(self, order_id: str) -> OrderView | None:
        return next((v for v in self.orders if v.id == order_id), None)


def read_only_reason(publisher: Publisher) -> str | None:
    """Why orders cannot reach handsets in this session, or None when they can."""
    if publisher.delivers:
        return None
    return note("read_only", source=publisher.name)
