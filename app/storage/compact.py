"""Downsampling: raw readings older than the raw retention become 1-minute aggregates.

Works one time window at a time (an hour of all devices per transaction), so a long backlog
never holds one huge transaction and a crash mid-way loses nothing: a window's aggregates
and the deletion of its raw rows commit together. Aggregates are upserted with a merge (sum
of counts, min of mins, weighted mean, the later "last"), so raw rows that arrive late for an
already compacted minute fold in correctly and running compaction twice changes nothing.
"""

from __future__ import annotations

import math
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from app.storage.models import ReadingAggregateRow, ReadingRow

WINDOW_S = 3600.0

_raw = ReadingRow.__table__
_agg = ReadingAggregateRow.__table__


def _merge_statement(dialect: str) -> sa.Executable:
    pg = dialect == "postgresql"
    stmt = (postgresql.insert if pg else sqlite.insert)(_agg)
    new, old = stmt.excluded, _agg.c
    least = sa.func.least if pg else sa.func.min  # SQLite's two-argument min() is scalar
    greatest = sa.func.greatest if pg else sa.func.max
    total = old.count + new.count
    return stmt.on_conflict_do_update(
        index_elements=["site", "device_id", "point", "minute"],
        set_={
            "count": total,
            "min": least(old.min, new.min),
            "max": greatest(old.max, new.max),
            "mean": (old.mean * old.count + new.mean * new.count) / total,
            "last": sa.case((new.last_ts >= old.last_ts, new.last), else_=old.last),
            "last_ts": greatest(old.last_ts, new.last_ts),
        })


def aggregate(rows: list[Any], site: str) -> list[dict[str, Any]]:
    """1-minute aggregates of one site's (device_id, point, ts, value) rows sorted by key
    and ts."""
    groups: dict[tuple[str, str, int], dict[str, Any]] = {}
    for device_id, point, ts, value in rows:
        minute = int(math.floor(ts / 60.0)) * 60
        g = groups.get((device_id, point, minute))
        if g is None:
            groups[(device_id, point, minute)] = {
                "site": site, "device_id": device_id, "point": point, "minute": minute, "count": 1,
                "min": value, "max": value, "mean": value, "last": value, "last_ts": ts}
            continue
        g["count"] += 1
        g["min"] = min(g["min"], value)
        g["max"] = max(g["max"], value)
        g["mean"] += (value - g["mean"]) / g["count"]  # running mean: no big sums
        if ts >= g["last_ts"]:
            g["last"], g["last_ts"] = value, ts
    return list(groups.values())


def compact(engine: Engine, cutoff: float, site: str, window_s: float = WINDOW_S) -> int:
    """Fold every raw reading of ``site`` with ts < cutoff (rounded down to a minute) into
    aggregates and delete it. Returns the number of raw rows folded. Each site's writer
    compacts its own rows: compounds sharing a database never touch each other's."""
    cutoff = math.floor(cutoff / 60.0) * 60.0
    merge = _merge_statement(engine.dialect.name)
    folded = 0
    while True:
        with engine.begin() as conn:
            first = conn.execute(sa.select(sa.func.min(_raw.c.ts))
                                 .where(_raw.c.site == site, _raw.c.ts < cutoff)).scalar()
            if first is None:
                return folded
            start = math.floor(first / 60.0) * 60.0
            end = min(start + window_s, cutoff)
            in_window = sa.and_(_raw.c.site == site, _raw.c.ts >= start, _raw.c.ts < end)
            rows = conn.execute(
                sa.select(_raw.c.device_id, _raw.c.point, _raw.c.ts, _raw.c.value)
                .where(in_window)
                .order_by(_raw.c.device_id, _raw.c.point, _raw.c.ts)).all()
            aggregates = aggregate(rows, site)
            if aggregates:
                conn.execute(merge, aggregates)
            conn.execute(sa.delete(_raw).where(in_window))
        folded += len(rows)
