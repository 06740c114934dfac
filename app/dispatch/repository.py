"""Where work orders are kept: a small protocol and two implementations.

``InMemoryOrderRepository`` for tests and training; ``JsonLinesOrderRepository`` appends the
whole order as one JSON line on every save, so an engine killed mid-lifecycle finds every
order as it last was (the last line per id wins; a torn last line from a crash is skipped).
The SQL repository over the storage ``work_orders`` table implements the same protocol.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Protocol

import msgspec

from app.dispatch.orders import WorkOrder

log = logging.getLogger(__name__)


class WorkOrderRepository(Protocol):
    def save(self, order: WorkOrder) -> None: ...

    def get(self, order_id: str) -> WorkOrder | None: ...

    def all(self) -> list[WorkOrder]: ...


class InMemoryOrderRepository:
    def __init__(self) -> None:
        self._orders: dict[str, bytes] = {}

    def save(self, order: WorkOrder) -> None:
        # store encoded so a later mutation of the caller's object cannot leak in
        self._orders[order.id] = msgspec.json.encode(order)

    def get(self, order_id: str) -> WorkOrder | None:
        raw = self._orders.get(order_id)
        return None if raw is None else msgspec.json.decode(raw, type=WorkOrder)

    def all(self) -> list[WorkOrder]:
        return [msgspec.json.decode(r, type=WorkOrder) for r in self._orders.values()]


class JsonLinesOrderRepository:
    """Append-only JSON Lines file; compacted (one line per order) when opened."""

    def __init__(self, path: str | Path, *, fsync: bool = True) -> None:
        self.path = Path(path)
        self.fsync = fsync
        self._lock = threading.Lock()
        self._orders: dict[str, WorkOrder] = {}
        self._load()
        self._compact()

    def _load(self) -> None:
        if not self.path.exists():
            return
        decoder = msgspec.json.Decoder(WorkOrder)
        with self.path.open("rb") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    order = decoder.decode(line)
                except msgspec.DecodeError as exc:
                    log.warning("%s:%d: skipped an unreadable order line (%s)",
                                self.path, lineno, exc)
                    continue
                self._orders[order.id] = order

    def _compact(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(self.path.suffix + ".tmp")
        with tmp.open("wb") as fh:
            for order in self._orders.values():
                fh.write(msgspec.json.encode(order) + b"\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    def save(self, order: WorkOrder) -> None:
        line = msgspec.json.encode(order) + b"\n"
        with self._lock:
            with self.path.open("ab") as fh:
                fh.write(line)
                fh.flush()
                if self.fsync:
                    os.fsync(fh.fileno())
            self._orders[order.id] = msgspec.json.decode(line, type=WorkOrder)

    def get(self, order_id: str) -> WorkOrder | None:
        with self._lock:
            order = self._orders.get(order_id)
            return None if order is None else _copy(order)

    def all(self) -> list[WorkOrder]:
        with self._lock:
            return [_copy(o) for o in self._orders.values()]


def _copy(order: WorkOrder) -> WorkOrder:
    # a deep copy: the caller may mutate lists (history, notes) of what it gets
    return msgspec.json.decode(msgspec.json.encode(order), type=WorkOrder)
