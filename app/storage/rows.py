"""Rows: turning engine records into table rows, and writing a batch of rows idempotently.

Every statement is safe to repeat: live-stream tables insert with ``ON CONFLICT DO NOTHING``
on their natural key, entities (devices, alarms, work orders) are upserted by (site, id). So
a batch that is retried after a failed commit, or a journal replayed after a crash, never
stores a row twice. Both SQLite and PostgreSQL support the same ``ON CONFLICT`` forms.
Every row carries its ``site``: a ``RowBatch`` stamps its own on each row it takes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import msgspec
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from app.storage import models as m

# Write order: parents before children (foreign keys).
TABLE_ORDER = ("devices", "readings", "device_events", "gate_passes", "rejects", "alarms",
               "alarm_transitions", "work_orders", "work_order_events")
_TABLES = {name: m.Base.metadata.tables[name] for name in TABLE_ORDER}
_KEYED = {"devices", "alarms", "work_orders"}  # upserted by id: the last state wins
_IGNORE_DUPLICATES = {"readings", "device_events", "gate_passes"}

ALARM_REQUIRED = ("id", "type", "severity", "state", "raised_at")
ORDER_REQUIRED = ("id", "state", "priority", "kind", "created_at", "updated_at")


class TableRows(msgspec.Struct, frozen=True):
    """Rows made outside the live stream (scene devices, alarms, work orders, rejects),
    queued and journalled like events so they share the stream's order and guarantees."""

    table: str
    rows: list[dict[str, Any]]


class RowBatch:
    """Rows waiting for one transaction, grouped by table, all of one site."""

    def __init__(self, site: str) -> None:
        self.site = site
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.keyed: dict[str, dict[str, dict[str, Any]]] = {}
        self.removed_devices: set[str] = set()
        self.count = 0

    def add(self, table: str, row: dict[str, Any]) -> None:
        row["site"] = self.site
        if table in _KEYED:
            self.keyed.setdefault(table, {})[row["id"]] = row
            if table == "devices":
                self.removed_devices.discard(row["id"])
        else:
            self.rows.setdefault(table, []).append(row)
        self.count += 1

    def remove_device(self, device_id: str) -> None:
        self.keyed.get("devices", {}).pop(device_id, None)
        self.removed_devices.add(device_id)
        self.count += 1

    def __bool__(self) -> bool:
        return self.count > 0

    def tables(self) -> list[tuple[str, list[dict[str, Any]]]]:
        out = []
        for table in TABLE_ORDER:
            rows = list(self.keyed[table].values()) if table in self.keyed else self.rows.get(
                table)
            if rows:
                out.append((table, rows))
        return out


def _insert(dialect: str, table: sa.Table):
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def statement(dialect: str, table_name: str) -> sa.Executable:
    table = _TABLES[table_name]
    stmt = _insert(dialect, table)
    if table_name in _IGNORE_DUPLICATES:
        return stmt.on_conflict_do_nothing()
    if table_name in _KEYED:
        update = {c.name: stmt.excluded[c.name] for c in table.columns
                  if c.name not in ("site", "id")}
        return stmt.on_conflict_do_update(index_elements=["site", "id"], set_=update)
    return stmt


def write_rows(conn: sa.Connection, table_name: str, rows: list[dict[str, Any]]) -> None:
    conn.execute(statement(conn.dialect.name, table_name), rows)


def write_removals(conn: sa.Connection, site: str, device_ids: set[str]) -> None:
    table = _TABLES["devices"]
    conn.execute(sa.update(table).where(table.c.site == site,
                                        table.c.id.in_(sorted(device_ids)))
                 .values(removed=True))


def write_batch(conn: sa.Connection, batch: RowBatch) -> None:
    for table, rows in batch.tables():
        write_rows(conn, table, rows)
    if batch.removed_devices:
        write_removals(conn, batch.site, batch.removed_devices)


# ---- normalising what callers hand in ---------------------------------------------------
def as_dict(obj: object) -> dict[str, Any]:
    """A plain dict from a Mapping, a msgspec Struct or a dataclass."""
    if isinstance(obj, Mapping):
        return dict(obj)
    if isinstance(obj, msgspec.Struct):
        return msgspec.structs.asdict(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    raise TypeError(f"expected a mapping, msgspec Struct or dataclass, got {type(obj).__name__}")


def _split(table_name: str, fields: dict[str, Any], required: tuple[str, ...]
           ) -> dict[str, Any]:
    """Known columns become columns; anything else is kept in the ``data`` JSON column."""
    missing = [k for k in required if fields.get(k) is None]
    if missing:
        raise ValueError(f"{table_name} record lacks {', '.join(missing)}")
    columns = {c.name for c in _TABLES[table_name].columns}
    row: dict[str, Any] = {c: None for c in columns}
    data = dict(fields.pop("data", None) or {})
    for key, value in fields.items():
        if key in columns:
            row[key] = value
        else:
            data[key] = value
    row["data"] = msgspec.to_builtins(data)  # JSON-safe now, not at commit time
    return row


def alarm_row(alarm: object) -> dict[str, Any]:
    row = _split("alarms", as_dict(alarm), ALARM_REQUIRED)
    row["id"] = str(row["id"])
    row["count"] = row["count"] or 1
    return row


def work_order_row(order: object) -> dict[str, Any]:
    fields = as_dict(order)
    xyz = fields.pop("xyz", None)
    if xyz is not None:
        fields["x"], fields["y"], fields["z"] = (float(c) for c in xyz)
    row = _split("work_orders", fields, ORDER_REQUIRED)
    row["id"] = str(row["id"])
    return row


def transition_row(alarm_id: str, t: Mapping[str, Any]) -> dict[str, Any]:
    return {"alarm_id": str(alarm_id), "from_state": t.get("from_state"),
            "to_state": t["to_state"], "at": float(t["at"]), "by": t.get("by"),
            "note": t.get("note") or ""}


def order_event_row(order_id: str, e: Mapping[str, Any]) -> dict[str, Any]:
    return {"order_id": str(order_id), "state": e["state"], "at": float(e["at"]),
            "by": e.get("by"), "note": e.get("note") or ""}


def device_row(device_id: str, kind: str, name: str, location: Any, units: Mapping[str, str],
               registered_at: float) -> dict[str, Any]:
    """From a domain Device's or a meta payload's fields (both have .location.xyz etc.)."""
    x, y, z = (float(c) for c in location.xyz)
    return {"id": device_id, "kind": kind, "name": name,
            "building": location.building, "floor": location.floor,
            "room": getattr(location, "room", None), "x": x, "y": y, "z": z,
            "points": {p: {"unit": u} for p, u in units.items()},
            "registered_at": registered_at, "removed": False}
