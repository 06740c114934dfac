"""Reading the database back: the small repository the GUI, the CLI and later issues use.

All functions take an ``Engine`` (from ``open_database``) and return plain Python values,
so callers never hold a session or a connection across threads. Every view takes the
``site`` it shows: compounds sharing a database never see each other's rows. ``counts``
alone may look across sites (``db stats``), and then says which site has what.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.storage import models as m
from app.storage import rows as r

_raw = m.ReadingRow.__table__
_agg = m.ReadingAggregateRow.__table__


class HistoryPoint(msgspec.Struct, frozen=True, array_like=True):
    """One point of a trend: a raw reading (count 1) or a summary of several."""

    ts: float
    value: float  # the mean when count > 1
    min: float
    max: float
    count: int


def latest_readings(engine: Engine, site: str, device_id: str, point: str, since: float,
                    limit: int = 10_000) -> list[tuple[float, float]]:
    """Raw (ts, value) of one point with ts >= since, oldest first, at most ``limit``
    (the newest ones when there are more)."""
    query = (sa.select(_raw.c.ts, _raw.c.value)
             .where(_raw.c.site == site, _raw.c.device_id == device_id, _raw.c.point == point,
                    _raw.c.ts >= since)
             .order_by(_raw.c.ts.desc()).limit(limit))
    with engine.connect() as conn:
        return [(ts, value) for ts, value in reversed(conn.execute(query).all())]


def history(engine: Engine, site: str, device_id: str, point: str, start: float, end: float,
            max_points: int = 1000) -> list[HistoryPoint]:
    """A trend of one point over [start, end): raw readings and, where the raw rows were
    compacted, minute aggregates; summarised into at most ``max_points`` equal time buckets
    when there is more than that."""
    if end <= start or max_points < 1:
        return []
    raw_where = sa.and_(_raw.c.site == site, _raw.c.device_id == device_id,
                        _raw.c.point == point, _raw.c.ts >= start, _raw.c.ts < end)
    agg_where = sa.and_(_agg.c.site == site, _agg.c.device_id == device_id,
                        _agg.c.point == point, _agg.c.minute >= start, _agg.c.minute < end)
    with engine.connect() as conn:
        n = (conn.execute(sa.select(sa.func.count()).where(raw_where)).scalar_one()
             + conn.execute(sa.select(sa.func.count()).where(agg_where)).scalar_one())
        if n <= max_points:
            raw = conn.execute(sa.select(_raw.c.ts, _raw.c.value).where(raw_where)).all()
            agg = conn.execute(sa.select(_agg.c.minute, _agg.c.mean, _agg.c.min, _agg.c.max,
                                         _agg.c.count).where(agg_where)).all()
            points = [HistoryPoint(ts, v, v, v, 1) for ts, v in raw]
            points += [HistoryPoint(float(t), mean, lo, hi, c) for t, mean, lo, hi, c in agg]
            return sorted(points, key=lambda p: p.ts)
        width = (end - start) / max_points
        bucket_raw = _bucket(conn, _raw.c.ts, start, width)
        bucket_agg = _bucket(conn, _agg.c.minute, start, width)
        raw = conn.execute(sa.select(bucket_raw, sa.func.count(), sa.func.min(_raw.c.value),
                                     sa.func.max(_raw.c.value), sa.func.sum(_raw.c.value))
                           .where(raw_where).group_by(bucket_raw)).all()
        agg = conn.execute(sa.select(bucket_agg, sa.func.sum(_agg.c.count),
                                     sa.func.min(_agg.c.min), sa.func.max(_agg.c.max),
                                     sa.func.sum(_agg.c.mean * _agg.c.count))
                           .where(agg_where).group_by(bucket_agg)).all()
    merged: dict[int, list[float]] = {}
    for b, count, lo, hi, total in [*raw, *agg]:
        acc = merged.setdefault(int(b), [0, float("inf"), float("-inf"), 0.0])
        acc[0] += count
        acc[1] = min(acc[1], lo)
        acc[2] = max(acc[2], hi)
        acc[3] += total
    return [HistoryPoint(start + b * width, acc[3] / acc[0], acc[1], acc[2], int(acc[0]))
            for b, acc in sorted(merged.items())]


def _bucket(conn: sa.Connection, column: sa.ColumnElement, start: float, width: float):
    offset = (column - start) / width
    if conn.dialect.name == "postgresql":
        return sa.cast(sa.func.floor(offset), sa.BigInteger)
    return sa.cast(offset, sa.Integer)  # SQLite truncates; offset >= 0 so that is floor


# ---- alarms and work orders (the alarm and dispatch issues extend these) -----------------
def save_alarm(engine: Engine, site: str, alarm: object,
               transition: Mapping[str, Any] | None = None) -> None:
    """Upsert an alarm (dict, msgspec Struct or dataclass; unknown fields go to ``data``)
    and optionally record a lifecycle transition, in one transaction."""
    batch = r.RowBatch(site)
    row = r.alarm_row(alarm)
    batch.add("alarms", row)
    if transition is not None:
        batch.add("alarm_transitions", r.transition_row(row["id"], transition))
    with engine.begin() as conn:
        r.write_batch(conn, batch)


def save_work_order(engine: Engine, site: str, order: object,
                    event: Mapping[str, Any] | None = None) -> None:
    batch = r.RowBatch(site)
    row = r.work_order_row(order)
    batch.add("work_orders", row)
    if event is not None:
        batch.add("work_order_events", r.order_event_row(row["id"], event))
    with engine.begin() as conn:
        r.write_batch(conn, batch)


def _rows(engine: Engine, query: sa.Select) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def alarms(engine: Engine, site: str, state: str | None = None) -> list[dict[str, Any]]:
    t = m.AlarmRow.__table__
    query = sa.select(t).where(t.c.site == site).order_by(t.c.raised_at)
    return _rows(engine, query if state is None else query.where(t.c.state == state))


def alarm_transitions(engine: Engine, site: str, alarm_id: str) -> list[dict[str, Any]]:
    t = m.AlarmTransitionRow.__table__
    return _rows(engine, sa.select(t).where(t.c.site == site, t.c.alarm_id == alarm_id)
                 .order_by(t.c.id))


def work_orders(engine: Engine, site: str, state: str | None = None) -> list[dict[str, Any]]:
    t = m.WorkOrderRow.__table__
    query = sa.select(t).where(t.c.site == site).order_by(t.c.created_at)
    return _rows(engine, query if state is None else query.where(t.c.state == state))


def devices(engine: Engine, site: str, include_removed: bool = False) -> list[dict[str, Any]]:
    t = m.DeviceRow.__table__
    query = sa.select(t).where(t.c.site == site).order_by(t.c.id)
    return _rows(engine, query if include_removed else query.where(t.c.removed.is_(False)))


def gate_passes(engine: Engine, site: str, plate: str | None = None) -> list[dict[str, Any]]:
    t = m.GatePassRow.__table__
    query = sa.select(t).where(t.c.site == site).order_by(t.c.ts)
    return _rows(engine, query if plate is None else query.where(t.c.plate == plate))


def sites(engine: Engine) -> list[str]:
    """Every site with rows in the database (devices, readings, alarms or work orders)."""
    tables = (m.DeviceRow, m.ReadingRow, m.AlarmRow, m.WorkOrderRow, m.GatePassRow,
              m.DeviceEventRow, m.RejectRow)
    query = sa.union(*(sa.select(t.__table__.c.site).distinct() for t in tables))
    with engine.connect() as conn:
        return sorted(conn.execute(query).scalars())


def counts(engine: Engine, site: str | None = None) -> dict[str, Any]:
    """What ``control-room db stats`` prints (CONTRACTS): totals and counts by state, of
    one site, or (``site=None``) of all sites together."""

    def total(table: sa.Table, where: Any = None) -> int:
        query = sa.select(sa.func.count()).select_from(table).where(*scoped(table))
        return conn.execute(query if where is None else query.where(where)).scalar_one()

    def by(column: sa.ColumnElement, value: Any = None) -> dict[str, int]:
        value = sa.func.count() if value is None else sa.func.sum(value)
        query = (sa.select(column, value).where(*scoped(column.table)).group_by(column)
                 .order_by(column))
        return {k: int(v) for k, v in conn.execute(query).all()}

    def scoped(table: Any) -> list[Any]:
        return [] if site is None else [table.c.site == site]

    dev, rej = m.DeviceRow.__table__, m.RejectRow.__table__
    with engine.connect() as conn:
        return {
            "devices": total(dev, dev.c.removed.is_(False)),
            "devices_removed": total(dev, dev.c.removed.is_(True)),
            "readings": total(_raw),
            "reading_aggregates": total(_agg),
            "device_events": total(m.DeviceEventRow.__table__),
            "gate_passes": total(m.GatePassRow.__table__),
            "rejects": by(rej.c.reason, rej.c.count),
            "alarms": by(m.AlarmRow.__table__.c.state),
            "work_orders": by(m.WorkOrderRow.__table__.c.state),
        }


def counts_by_site(engine: Engine) -> dict[str, Any]:
    """``counts`` of all sites together, with ``"sites": {site: counts(site)}``."""
    return {**counts(engine), "sites": {s: counts(engine, s) for s in sites(engine)}}
