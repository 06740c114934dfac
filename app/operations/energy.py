"""Energy and water read back from ``meter_hours``: load profiles per equipment group,
consumption and cost per day, building and group, and the valley share.

Costs are summed from the rows as they were priced (with the tariff version in force at the
time), never recomputed here. ``mains`` rows (a building's main water meter) are left out of
totals: the flats' own meters already count that water (``leaks.unaccounted`` compares them).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.operations.metering import PRICED
from app.operations.views import CostLine, ProfileSeries
from app.storage.models_operations import FIVE_MINUTE_COLUMNS, MeterHourRow

_t = MeterHourRow.__table__
_VALLEY = _t.c.e_deep_valley + _t.c.e_valley


def _where(site: str, start: float, end: float) -> sa.ColumnElement[bool]:
    return sa.and_(_t.c.site == site, _t.c.hour >= int(start), _t.c.hour < int(end),
                   _t.c.grp != "mains", _t.c.quantity.in_(PRICED))


def profiles(engine: Engine, site: str, start: float, hours: int = 24,
             quantity: str = "electricity") -> list[ProfileSeries]:
    """Per group, the load of [start, start + hours) in 5-minute steps: kW for electricity,
    m³/h for water (a 5-minute amount × 12)."""
    end = start + hours * 3600
    cols = [sa.func.sum(_t.c[c]) for c in FIVE_MINUTE_COLUMNS]
    query = (sa.select(_t.c.grp, _t.c.hour, *cols)
             .where(_where(site, start, end), _t.c.quantity == quantity)
             .group_by(_t.c.grp, _t.c.hour))
    series: dict[str, list[float]] = {}
    with engine.connect() as conn:
        for grp, hour, *parts in conn.execute(query):
            values = series.setdefault(grp, [0.0] * (hours * 12))
            base = (int(hour) - int(start)) // 300
            for k, part in enumerate(parts):
                values[base + k] = float(part or 0.0) * 12.0
    return [ProfileSeries(g, quantity, float(start), 300, v) for g, v in sorted(series.items())]


def _lines(engine: Engine, site: str, start: float, end: float, key: sa.ColumnElement
           ) -> list[CostLine]:
    query = (sa.select(key.label("k"), _t.c.quantity, sa.func.sum(_t.c.total),
                       sa.func.sum(_t.c.cost), sa.func.sum(_VALLEY))
             .where(_where(site, start, end)).group_by(key, _t.c.quantity).order_by(key))
    out = []
    with engine.connect() as conn:
        for k, quantity, amount, cost, valley in conn.execute(query):
            amount = float(amount or 0.0)
            share = (float(valley) / amount if quantity == "electricity" and amount > 0
                     else None)
            out.append(CostLine(str(k) if k is not None else "—", quantity, amount,
                                None if cost is None else float(cost), share))
    return out


def by_group(engine: Engine, site: str, start: float, end: float) -> list[CostLine]:
    return _lines(engine, site, start, end, _t.c.grp)


def by_building(engine: Engine, site: str, start: float, end: float) -> list[CostLine]:
    return _lines(engine, site, start, end, _t.c.building)


def by_day(engine: Engine, site: str, start: float, end: float,
           utc_offset_h: float = 8.0) -> list[CostLine]:
    offset = int(utc_offset_h * 3600)
    day = sa.cast((_t.c.hour + offset) / 86400, sa.BigInteger)
    lines = _lines(engine, site, start, end, day)
    return [CostLine((dt.date(1970, 1, 1) + dt.timedelta(days=int(c.key))).isoformat(),
                     c.quantity, c.amount, c.cost, c.valley_share) for c in lines]


def by_device(engine: Engine, site: str, start: float, end: float, group: str,
              quantity: str = "electricity") -> list[CostLine]:
    """Per device of one group (e.g. the valley share of each charger)."""
    query = (sa.select(_t.c.device_id, sa.func.sum(_t.c.total), sa.func.sum(_t.c.cost),
                       sa.func.sum(_VALLEY))
             .where(_where(site, start, end), _t.c.grp == group, _t.c.quantity == quantity)
             .group_by(_t.c.device_id).order_by(_t.c.device_id))
    with engine.connect() as conn:
        return [CostLine(d, quantity, float(a or 0), None if c is None else float(c),
                         float(v) / float(a) if a else None)
                for d, a, c, v in conn.execute(query)]


def totals(engine: Engine, site: str, start: float, end: float) -> dict[str, CostLine]:
    """Per quantity: amount, cost and (electricity) valley share over [start, end)."""
    query = (sa.select(_t.c.quantity, sa.func.sum(_t.c.total), sa.func.sum(_t.c.cost),
                       sa.func.sum(_VALLEY))
             .where(_where(site, start, end)).group_by(_t.c.quantity))
    with engine.connect() as conn:
        return {q: CostLine(q, q, float(a or 0), None if c is None else float(c),
                            float(v) / float(a) if q == "electricity" and a else None)
                for q, a, c, v in conn.execute(query)}


def counter_totals(engine: Engine, site: str, start: float, end: float,
                   quantity: str) -> dict[str, float]:
    """Per device, a counter quantity over [start, end) (lift runs, door cycles)."""
    query = (sa.select(_t.c.device_id, sa.func.sum(_t.c.total))
             .where(_t.c.site == site, _t.c.hour >= int(start), _t.c.hour < int(end),
                    _t.c.quantity == quantity).group_by(_t.c.device_id))
    with engine.connect() as conn:
        return {d: float(v or 0.0) for d, v in conn.execute(query)}


class Breakdown:
    """A period's meter-hours summed per device and local day in ONE pass over the table,
    then cut every way a report needs (by group, building, day, device; counters) in
    Python: a month of a compound is ~2 million wide rows, and each separate GROUP BY
    would read them all again."""

    def __init__(self, engine: Engine, site: str, start: float, end: float,
                 utc_offset_h: float = 8.0) -> None:
        offset = int(utc_offset_h * 3600)
        day = sa.cast((_t.c.hour + offset) / 86400, sa.BigInteger).label("day")
        query = (sa.select(_t.c.device_id, _t.c.quantity, _t.c.grp, _t.c.building, day,
                           sa.func.sum(_t.c.total), sa.func.sum(_t.c.cost),
                           sa.func.sum(_VALLEY))
                 .where(_t.c.site == site, _t.c.hour >= int(start), _t.c.hour < int(end))
                 .group_by(_t.c.device_id, _t.c.quantity, _t.c.grp, _t.c.building, day))
        with engine.connect() as conn:
            self.rows = [(d, q, g, b, int(n), float(a or 0), None if c is None else float(c),
                          float(v or 0)) for d, q, g, b, n, a, c, v in conn.execute(query)]

    def _lines(self, key, keep=lambda row: True) -> list[CostLine]:  # noqa: ANN001
        sums: dict[tuple[str, str], list] = {}
        for row in self.rows:
            _, quantity, grp, _, _, amount, cost, valley = row
            if grp == "mains" or quantity not in PRICED or not keep(row):
                continue
            acc = sums.setdefault((key(row), quantity), [0.0, None, 0.0])
            acc[0] += amount
            acc[1] = cost if acc[1] is None else acc[1] + (cost or 0.0)
            acc[2] += valley
        return [CostLine(k, q, a, c, v / a if q == "electricity" and a > 0 else None)
                for (k, q), (a, c, v) in sorted(sums.items())]

    def by_group(self) -> list[CostLine]:
        return self._lines(lambda row: row[2])

    def by_building(self) -> list[CostLine]:
        return self._lines(lambda row: row[3] or "—")

    def by_day(self) -> list[CostLine]:
        return self._lines(lambda row: (dt.date(1970, 1, 1)
                                        + dt.timedelta(days=row[4])).isoformat())

    def totals(self) -> dict[str, CostLine]:
        return {c.quantity: c for c in self._lines(lambda row: row[1])}

    def by_device(self, group: str, quantity: str = "electricity") -> list[CostLine]:
        return self._lines(lambda row: row[0],
                           lambda row: row[2] == group and row[1] == quantity)

    def counters(self, quantity: str) -> dict[str, float]:
        out: dict[str, float] = {}
        for device_id, q, _, _, _, amount, _, _ in self.rows:
            if q == quantity:
                out[device_id] = out.get(device_id, 0.0) + amount
        return out

    def water(self) -> list[tuple[str, str | None, str, float]]:
        """(device, building, group, m³) of every water meter, for leaks.unaccounted_of."""
        return [(d, b, g, a) for d, q, g, b, _, a, _, _ in self.rows if q == "water"]
