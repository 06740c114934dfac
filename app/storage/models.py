"""The database schema as SQLAlchemy 2 declarative models.

Times are epoch seconds (double precision) everywhere: the same on SQLite and PostgreSQL,
cheap to compare and index, and what the rest of the engine uses. Every table written from
the live stream has a natural unique key, so a message delivered twice (MQTT QoS 1 after a
reconnect, or a journal replayed after a crash) is stored exactly once: the writer inserts
with ``ON CONFLICT DO NOTHING``.

Every row belongs to a *site* (one compound: the MQTT topic's ``{site}``, the scene's
``site_id``): several compounds share one database — a property company's PostgreSQL — and
stay apart in every key, view and count. Keys start with ``site``, so ids need only be
unique within a site, and every query filters on it.

The schema itself is owned by the Alembic migrations in ``app/storage/migrations``; these
models must match the head revision (a test checks that).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Double,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    type_annotation_map = {float: Double, dict[str, Any]: JSON}


SITE_LENGTH = 64


def site_key() -> Mapped[str]:
    """The site, first column of a table's key."""
    return mapped_column(String(SITE_LENGTH), primary_key=True)


def site_column() -> Mapped[str]:
    """The site of a table keyed by its own id (indexed together with what is queried)."""
    return mapped_column(String(SITE_LENGTH))


class DeviceRow(Base):
    __tablename__ = "devices"

    site: Mapped[str] = site_key()
    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(256))
    building: Mapped[str | None] = mapped_column(String(64))
    floor: Mapped[int | None]
    room: Mapped[str | None] = mapped_column(String(64))
    x: Mapped[float]
    y: Mapped[float]
    z: Mapped[float]
    points: Mapped[dict[str, Any]]  # {"temp_c": {"unit": "°C"}, ...}
    registered_at: Mapped[float]
    removed: Mapped[bool] = mapped_column(Boolean, default=False)


class ReadingRow(Base):
    """Raw telemetry after the deadband filter. The primary key is the dedupe key; on
    SQLite the table is WITHOUT ROWID so the key is not stored twice (half the bytes)."""

    __tablename__ = "readings"
    # (site, ts) index: compaction and retention walk a site's table by time
    __table_args__ = (Index("ix_readings_site_ts", "site", "ts"), {"sqlite_with_rowid": False})

    site: Mapped[str] = site_key()
    device_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    point: Mapped[str] = mapped_column(String(64), primary_key=True)
    ts: Mapped[float] = mapped_column(primary_key=True)
    value: Mapped[float]
    seq: Mapped[int | None] = mapped_column(BigInteger)


class ReadingAggregateRow(Base):
    """One minute of one point, made from raw readings older than the raw retention."""

    __tablename__ = "reading_aggregates"
    __table_args__ = ({"sqlite_with_rowid": False},)

    site: Mapped[str] = site_key()
    device_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    point: Mapped[str] = mapped_column(String(64), primary_key=True)
    minute: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # epoch s, minute start
    count: Mapped[int]
    min: Mapped[float]
    max: Mapped[float]
    mean: Mapped[float]
    last: Mapped[float]
    last_ts: Mapped[float]  # so late raw rows merge into the right "last"


class DeviceEventRow(Base):
    __tablename__ = "device_events"
    __table_args__ = (UniqueConstraint("site", "device_id", "ts", "kind"),
                      Index("ix_device_events_site_device", "site", "device_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    site: Mapped[str] = site_column()
    device_id: Mapped[str] = mapped_column(String(128))
    ts: Mapped[float]
    kind: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]]
    received_at: Mapped[float]


class GatePassRow(Base):
    __tablename__ = "gate_passes"
    __table_args__ = (UniqueConstraint("site", "gate_id", "ts", "plate"),
                      Index("ix_gate_passes_site_plate", "site", "plate"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    site: Mapped[str] = site_column()
    gate_id: Mapped[str] = mapped_column(String(128))
    ts: Mapped[float]
    plate: Mapped[str] = mapped_column(String(32))  # Unicode: "粤B12345"
    dir: Mapped[str] = mapped_column(String(8))
    paid: Mapped[bool | None]
    received_at: Mapped[float]
    # optional in the payload (docs/mqtt-operations.md); NULL when the gate did not say
    colour: Mapped[str | None] = mapped_column(String(16))  # plate colour the camera saw
    vehicle: Mapped[str | None] = mapped_column(String(16))  # resident | visitor | ...
    release: Mapped[str | None] = mapped_column(String(16))  # auto | manual | remote
    fee_yuan: Mapped[float | None]
    pay_method: Mapped[str | None] = mapped_column(String(16))


class RejectRow(Base):
    """Rejected input, aggregated: one row per reason per reporting interval, holding how
    many were rejected and the last sample, so a flood of hostile messages cannot flood
    the database."""

    __tablename__ = "rejects"
    __table_args__ = (Index("ix_rejects_site_reason", "site", "reason"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    site: Mapped[str] = site_column()
    reason: Mapped[str] = mapped_column(String(32))
    count: Mapped[int]
    topic: Mapped[str] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(Text)
    payload_head: Mapped[str] = mapped_column(Text)
    at: Mapped[float]


class AlarmRow(Base):
    __tablename__ = "alarms"
    __table_args__ = (Index("ix_alarms_site_state", "site", "state"),
                      Index("ix_alarms_site_device_type", "site", "device_id", "type"))

    site: Mapped[str] = site_key()
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str | None] = mapped_column(String(128))
    type: Mapped[str] = mapped_column(String(64))
    severity: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16))
    raised_at: Mapped[float]
    acknowledged_at: Mapped[float | None]
    acknowledged_by: Mapped[str | None] = mapped_column(String(64))
    cleared_at: Mapped[float | None]
    closed_at: Mapped[float | None]
    count: Mapped[int] = mapped_column(Integer, default=1)
    last_value: Mapped[float | None]
    data: Mapped[dict[str, Any]]


class AlarmTransitionRow(Base):
    __tablename__ = "alarm_transitions"
    __table_args__ = (ForeignKeyConstraint(["site", "alarm_id"], ["alarms.site", "alarms.id"],
                                           ondelete="CASCADE"),
                      Index("ix_alarm_transitions_site_alarm", "site", "alarm_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    site: Mapped[str] = site_column()
    alarm_id: Mapped[str] = mapped_column(String(64))
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    at: Mapped[float]
    by: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")


class WorkOrderRow(Base):
    __tablename__ = "work_orders"
    __table_args__ = (Index("ix_work_orders_site_state", "site", "state"),)

    site: Mapped[str] = site_key()
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    priority: Mapped[int]
    kind: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str | None] = mapped_column(String(128))
    building: Mapped[str | None] = mapped_column(String(64))
    floor: Mapped[int | None]
    x: Mapped[float | None]
    y: Mapped[float | None]
    z: Mapped[float | None]
    assigned_tech: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[float]
    updated_at: Mapped[float]
    sla_due_at: Mapped[float | None]
    data: Mapped[dict[str, Any]]


class WorkOrderEventRow(Base):
    __tablename__ = "work_order_events"
    __table_args__ = (ForeignKeyConstraint(["site", "order_id"],
                                           ["work_orders.site", "work_orders.id"],
                                           ondelete="CASCADE"),
                      Index("ix_work_order_events_site_order", "site", "order_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    site: Mapped[str] = site_column()
    order_id: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))
    at: Mapped[float]
    by: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")

# the security, operations and training tables share this Base (imported last: they import Base)
from app.storage import models_operations, models_security, models_training  # noqa: E402, F401
