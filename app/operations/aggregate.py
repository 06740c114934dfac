"""Meter-hours: read a metered point's stored samples, turn them into consumption per hour
and per 5 minutes (``meters``), price each 5 minutes with the tariff version in force then
(``tariffs``), and upsert the rows into ``meter_hours``.

Raw registers are the stored readings themselves (``readings``, and the minute aggregates'
last value once compaction folded them), so nothing is stored twice. Each run recomputes
whole hours from every sample around them, so running it again — after a late or
out-of-order batch — gives the same rows, never a double count. One point at a time over
its own primary-key range: memory stays bounded to one point's samples.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Iterable, Sequence
from itertools import repeat
from typing import Any

import msgspec
import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.operations.metering import MeteredPoint
from app.operations.meters import consumption, integrate_power
from app.operations.tariffs import PERIODS, TariffBook
from app.storage.models_operations import FIVE_MINUTE_COLUMNS, PERIOD_COLUMNS

HOUR_S = 3600
BUCKET_S = 300
PER_HOUR = HOUR_S // BUCKET_S
#: samples read on either side of the hours computed, so their edges are covered
LOOKAROUND_S = 2 * HOUR_S

COLUMNS: tuple[str, ...] = (
    "site", "device_id", "point", "hour", "quantity", "building", "grp", "total",
    *FIVE_MINUTE_COLUMNS, *PERIOD_COLUMNS, "cost", "tariff_id", "tariff_version",
    "estimated_s", "missing_s", "samples", "resets", "rollovers", "jumps", "computed_at")
_KEY = ("site", "device_id", "point", "hour")


class AggregateResult(msgspec.Struct):
    points: int = 0
    hours: int = 0
    rows: int = 0
    samples: int = 0
    cpu_s: float = 0.0


def hour_floor(t: float) -> int:
    return int(math.floor(t / HOUR_S)) * HOUR_S


# ---- reading samples ------------------------------------------------------------------------
_SAMPLES = sa.text(
    "SELECT ts, value FROM readings WHERE site = :s AND device_id = :d AND point = :p AND ts >= :a "
    "AND ts < :b UNION ALL SELECT last_ts, last FROM reading_aggregates WHERE site = :s AND device_id = :d "
    "AND point = :p AND minute >= :am AND minute < :b")
_SAMPLES_SQL = str(_SAMPLES)
_STYLE = {"qmark": lambda name: "?", "format": lambda name: "%s",
          "pyformat": lambda name: f"%({name})s", "named": lambda name: f":{name}"}


def _raw_rows(conn: sa.Connection, sql: str, params: dict[str, Any]) -> list[tuple]:
    """A read through the driver's own cursor: plain tuples, which numpy takes at C speed
    (SQLAlchemy's rows cost more than the query for a month of samples)."""
    style = conn.dialect.paramstyle
    order: list[str] = []

    def mark(match: re.Match) -> str:
        order.append(match.group(1))
        return _STYLE[style](match.group(1))
    text = _PARAM.sub(mark, sql)
    args: Any = params if style in ("pyformat", "named") else [params[k] for k in order]
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.execute(text, args)
        return cursor.fetchall()
    finally:
        cursor.close()


_PARAM = re.compile(r"(?<!:):(\w+)")
_BEFORE = sa.text(
    "SELECT ts, value FROM readings WHERE site = :s AND device_id = :d AND point = :p AND ts < :a "
    "ORDER BY ts DESC LIMIT 1")
_AFTER = sa.text(
    "SELECT ts, value FROM readings WHERE site = :s AND device_id = :d AND point = :p AND ts >= :b "
    "ORDER BY ts LIMIT 1")


def read_samples(conn: sa.Connection, site: str, point: MeteredPoint, start: float,
                 end: float, now: float) -> tuple[np.ndarray, np.ndarray]:
    """Samples of ``point`` around [start, end): the window widened by LOOKAROUND_S, plus
    the nearest sample outside it when the window holds none on that side."""
    a, b = start - LOOKAROUND_S, end + LOOKAROUND_S
    params = {"s": site, "d": point.device_id, "p": point.point, "a": a, "b": b,
              "am": math.floor(a / 60.0) * 60}  # a compacted minute holding ts >= a
    rows = _raw_rows(conn, _SAMPLES_SQL, params)
    if not rows:
        return np.empty(0), np.empty(0)
    data = np.array(rows, dtype=np.float64)
    if data[:, 0].min() > start:
        before = conn.execute(_BEFORE, params).first()
        if before is not None:
            data = np.vstack([data, np.array([tuple(before)], dtype=np.float64)])
    if data[:, 0].max() < end and b <= now:
        after = conn.execute(_AFTER, params).first()
        if after is not None:
            data = np.vstack([data, np.array([tuple(after)], dtype=np.float64)])
    return data[:, 0], data[:, 1]


def as_register(point: MeteredPoint, ts: np.ndarray, values: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
    """Power and current points become a cumulative kWh register."""
    if point.method == "register":
        return ts, values * point.factor if point.factor != 1.0 else values
    kw = values * point.factor if point.method == "current" else values
    return integrate_power(ts, kw)


# ---- rows -----------------------------------------------------------------------------------
class Pricing(msgspec.Struct):
    """A window's 5-minute buckets priced once per (tariff, period table): every meter of
    the same tariffs shares it."""

    price: np.ndarray  # per bucket (nan: no tariff in force)
    period: np.ndarray  # per bucket, index into PERIODS
    versions: list[str | None]  # per hour, the billing version


def pricing(book: TariffBook | None, tariff_id: str | None, period_tariff_id: str | None,
            starts: np.ndarray) -> Pricing:
    """Per 5-minute bucket: the price (billing tariff) and the time-of-use period (the
    site's period table); per hour the billing version id."""
    n = len(starts)
    price = np.full(n, np.nan)
    period = np.full(n, PERIODS.index("flat"), dtype=np.int64)
    versions: list[str | None] = [None] * (n // PER_HOUR)
    if book is None:
        return Pricing(price, period, versions)
    offset = book.utc_offset_h * 3600
    days = ((starts + offset) // 86400).astype(np.int64)
    for day in np.unique(days):
        sel = days == day
        midnight = float(day) * 86400 - offset
        if period_tariff_id is not None:
            table = book.version_at(period_tariff_id, midnight)
            if table is not None:
                period[sel] = book.slot_periods(table, starts[sel])
        version = book.version_at(tariff_id, midnight) if tariff_id is not None else None
        if version is None:
            continue
        price[sel] = version.prices[book.slot_periods(version, starts[sel])]
        for h in np.unique(np.flatnonzero(sel) // PER_HOUR):
            versions[int(h)] = version.version.id
    return Pricing(price, period, versions)


def hour_rows(point: MeteredPoint, ts: np.ndarray, values: np.ndarray, first_hour: int,
              n_hours: int, book: TariffBook | None, site: str, computed_at: float, *,
              priced: Pricing | None = None) -> list[tuple[Any, ...]]:
    """The meter-hour rows (COLUMNS order) of hours [first_hour, +n_hours) that samples
    cover at least in part. ``priced``: this window's pricing of the point's tariffs, when
    the caller already has it."""
    ts, reg = as_register(point, ts, values)
    edges = first_hour + np.arange(n_hours * PER_HOUR + 1, dtype=np.float64) * BUCKET_S
    c = consumption(ts, reg, edges, point.spec)
    parts = c.per_bucket.reshape(n_hours, PER_HOUR)
    covered = c.covered_s.reshape(n_hours, PER_HOUR).sum(axis=1)
    estimated = c.estimated_s.reshape(n_hours, PER_HOUR).sum(axis=1)
    if priced is None:
        priced = pricing(book, point.tariff_id, point.period_tariff_id, edges[:-1])
    versions = priced.versions
    flat_parts = c.per_bucket
    hour_of = np.arange(len(flat_parts)) // PER_HOUR
    by_period = np.bincount(hour_of * len(PERIODS) + priced.period, weights=flat_parts,
                            minlength=n_hours * len(PERIODS)).reshape(n_hours, len(PERIODS))
    cost = (np.nan_to_num(priced.price) * flat_parts).reshape(n_hours, PER_HOUR).sum(axis=1)
    counts = {name: np.bincount(((times - first_hour) // HOUR_S).astype(np.int64)
                                .clip(0, n_hours - 1), minlength=n_hours)
              if len(times) else np.zeros(n_hours, dtype=np.int64)
              for name, times in (("resets", c.resets), ("rollovers", c.rollovers),
                                  ("jumps", c.jumps))}
    in_range = ts[(ts >= edges[0]) & (ts < edges[-1])]
    samples = np.bincount(((in_range - first_hour) // HOUR_S).astype(np.int64),
                          minlength=n_hours)
    keep = np.flatnonzero(covered > 0)
    if not len(keep):
        return []
    # columns built whole and zipped into rows in C: a month is ~2 million rows
    billed = [versions[h] is not None for h in keep]
    columns = [
        (first_hour + keep * HOUR_S).tolist(), parts[keep].sum(axis=1).tolist(),
        *parts[keep].T.tolist(), *by_period[keep].T.tolist(),
        [c if p else None for c, p in zip(cost[keep].tolist(), billed, strict=True)],
        [point.tariff_id if p else None for p in billed], [versions[h] for h in keep],
        estimated[keep].tolist(), (HOUR_S - covered[keep]).tolist(), samples[keep].tolist(),
        counts["resets"][keep].tolist(), counts["rollovers"][keep].tolist(),
        counts["jumps"][keep].tolist()]
    const = repeat
    return list(zip(const(site), const(point.device_id), const(point.point), columns[0],
                    const(point.quantity), const(point.building), const(point.group),
                    *columns[1:], const(computed_at), strict=False))  # repeat() is endless


# ---- writing --------------------------------------------------------------------------------
def _upsert_sql(dialect: str) -> str:
    mark = "?" if dialect == "sqlite" else "%s"
    updates = ", ".join(f"{c} = excluded.{c}" for c in COLUMNS if c not in _KEY)
    return (f"INSERT INTO meter_hours ({', '.join(COLUMNS)}) VALUES "
            f"({', '.join([mark] * len(COLUMNS))}) ON CONFLICT ({', '.join(_KEY)}) "
            f"DO UPDATE SET {updates}")


def write_rows(conn: sa.Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    if rows:
        conn.exec_driver_sql(_upsert_sql(conn.dialect.name), list(rows))


# ---- the job --------------------------------------------------------------------------------
def aggregate(engine: Engine, site: str, points: Iterable[MeteredPoint],
              book: TariffBook | None, start: float, end: float, *,
              now: float | None = None, flush_rows: int = 20_000) -> AggregateResult:
    """Recompute every meter-hour of ``points`` in [start, end) (whole hours)."""
    cpu0 = time.process_time()
    now = time.time() if now is None else now
    first = hour_floor(start)
    n_hours = max(1, -(-(int(math.ceil(end)) - first) // HOUR_S))
    result = AggregateResult(hours=n_hours)
    pending: list[tuple[Any, ...]] = []
    starts = first + np.arange(n_hours * PER_HOUR, dtype=np.float64) * BUCKET_S
    priced: dict[tuple[str | None, str | None], Pricing] = {}
    with engine.connect() as conn:
        for point in points:
            ts, values = read_samples(conn, site, point, first, first + n_hours * HOUR_S, now)
            result.points += 1
            result.samples += len(ts)
            if len(ts) < 2:
                continue
            key = (point.tariff_id, point.period_tariff_id)
            if key not in priced:
                priced[key] = pricing(book, *key, starts)
            pending.extend(hour_rows(point, ts, values, first, n_hours, book, site, now,
                                     priced=priced[key]))
            if len(pending) >= flush_rows:
                _flush(conn, pending, result)
        _flush(conn, pending, result)
    result.cpu_s = time.process_time() - cpu0
    return result


def _flush(conn: sa.Connection, pending: list[tuple[Any, ...]], result: AggregateResult
           ) -> None:
    if not pending:
        return
    write_rows(conn, pending)
    conn.commit()  # the reads began the transaction (autobegin); it ends here
    result.rows += len(pending)
    pending.clear()
