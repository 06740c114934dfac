"""Work orders in the control room's database (storage's ``work_orders`` and
``work_order_events`` tables), on SQLite or PostgreSQL.

The whole order (notes, photos, the reasons of its assignment) is kept as JSON in ``data``,
so it comes back exactly as it was saved; state, priority, skill (``kind``), technician,
place and times are also real columns, so ``control-room db stats`` counts orders by state
and SQL can query them. Each lifecycle step becomes one ``work_order_events`` row, written
once: the repository remembers how much of each order's history is already stored.

Orders belong to the repository's site (the compound): it reads and writes only those, so
compounds sharing one database never see each other's orders.

Saves are synchronous (an order is rare and precious, unlike a reading): the order and its
new events commit in one transaction. If the database is unreachable, dispatch carries on in
memory; the unsaved orders are kept and written by the next save or ``flush()``.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import msgspec
import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from app.dispatch.orders import DEFAULT_SLA, Sla, WorkOrder, sla_status
from app.storage import models as m
from app.storage.rows import write_rows

log = logging.getLogger(__name__)

_ORDERS = m.WorkOrderRow.__table__
_EVENTS = m.WorkOrderEventRow.__table__


class SqlOrderRepository:
    def __init__(self, engine: sa.Engine, *, site: str,
                 sla: dict[int, Sla] | None = None) -> None:
        self.engine = engine
        self.site = site
        self.sla = sla or DEFAULT_SLA
        self.last_error: str | None = None
        self._lock = threading.Lock()
        self._unsaved: dict[str, bytes] = {}  # order id → the newest encoded order
        with engine.connect() as conn:
            counts = conn.execute(sa.select(_EVENTS.c.order_id, sa.func.count())
                                  .where(_EVENTS.c.site == site)
                                  .group_by(_EVENTS.c.order_id)).all()
        self._stored_events: dict[str, int] = {oid: int(n) for oid, n in counts}

    @property
    def pending(self) -> int:
        """Orders changed in memory but not yet in the database."""
        return len(self._unsaved)

    def save(self, order: WorkOrder) -> None:
        with self._lock:
            self._unsaved[order.id] = msgspec.json.encode(order)
            self._flush()

    def flush(self) -> bool:
        """Write what an outage left unsaved; True when nothing is pending."""
        with self._lock:
            return self._flush()

    def get(self, order_id: str) -> WorkOrder | None:
        with self._lock:
            raw = self._unsaved.get(order_id)
        if raw is not None:
            return msgspec.json.decode(raw, type=WorkOrder)
        with self.engine.connect() as conn:
            data = conn.execute(sa.select(_ORDERS.c.data).where(
                _ORDERS.c.site == self.site, _ORDERS.c.id == order_id)).scalar_one_or_none()
        return None if data is None else msgspec.convert(data, WorkOrder)

    def all(self) -> list[WorkOrder]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(_ORDERS.c.data).where(_ORDERS.c.site == self.site)
                                .order_by(_ORDERS.c.created_at, _ORDERS.c.id)).scalars()
            orders = {o.id: o for o in (msgspec.convert(d, WorkOrder) for d in rows)}
        with self._lock:
            for oid, raw in self._unsaved.items():
                orders[oid] = msgspec.json.decode(raw, type=WorkOrder)
        return list(orders.values())

    # -- inside ---------------------------------------------------------------------------
    def _flush(self) -> bool:
        if not self._unsaved:
            return True
        orders = [msgspec.json.decode(raw, type=WorkOrder) for raw in self._unsaved.values()]
        events = []
        for o in orders:
            done = self._stored_events.get(o.id, 0)
            events += [{"site": self.site, "order_id": o.id, "state": h.to_state, "at": h.ts,
                        "by": h.actor, "note": h.note} for h in o.history[done:]]
        try:
            with self.engine.begin() as conn:
                write_rows(conn, "work_orders", [self._row(o) for o in orders])
                if events:
                    conn.execute(sa.insert(_EVENTS), events)
        except SQLAlchemyError as exc:
            text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
            self.last_error = text[0] if text else type(exc).__name__
            log.error("work orders not saved (%d pending, kept in memory): %s",
                      len(self._unsaved), self.last_error)
            return False
        for o in orders:
            self._stored_events[o.id] = len(o.history)
        self._unsaved.clear()
        self.last_error = None
        return True

    def _row(self, o: WorkOrder) -> dict[str, Any]:
        x, y, z = (float(c) for c in o.location.xyz)
        stamps = [o.created_at] + [h.ts for h in o.history] + [n.ts for n in o.notes]
        return {"site": self.site, "id": o.id, "state": o.state, "priority": o.priority,
                "kind": o.skill, "device_id": o.device_id, "building": o.location.building,
                "floor": o.location.floor, "x": x, "y": y, "z": z,
                "assigned_tech": o.assignee, "created_at": o.created_at,
                "updated_at": max(stamps), "sla_due_at": self._due(o),
                "data": msgspec.to_builtins(o)}

    def _due(self, o: WorkOrder) -> float | None:
        """When the next SLA clock of this order runs out (None once all are met)."""
        if o.priority not in self.sla:
            return None
        status = sla_status(o, o.created_at, self.sla)  # seconds left counted from creation
        left = [v for k, v in status.items() if k.endswith("_left_s") and v is not None]
        return o.created_at + min(left) if left else None  # type: ignore[type-var]
