"""What a daily or monthly operations report says, gathered from the database into one
serialisable ``ReportData``: alarms by device kind, building and type; work-order KPIs;
energy and water with their cost; parking utilisation; charging and its valley share; lift
runs and faults. Every figure comes from stored rows (costs as they were priced), so a
report of a past period reads the same whenever it is made.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections import Counter

import msgspec
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.dispatch.kpis import response_kpis
from app.dispatch.orders import WorkOrder
from app.operations import energy, leaks
from app.operations.config import OperationsConfig
from app.operations.lifts import LiftStats, lift_stats
from app.operations.parking import zone_sensors, zones_of
from app.operations.plates import classify
from app.operations.views import CostLine, ProfileSeries
from app.scene.model import Scene
from app.storage import models as m
from app.storage.models_operations import ChargerSessionRow, ParkingOccupancyRow

Kind = str  # "daily" | "monthly"


class Count(msgspec.Struct, frozen=True, array_like=True):
    key: str
    count: int


class ZoneFigures(msgspec.Struct, frozen=True):
    id: str
    capacity: int
    sensed: int  # spaces with an occupancy sensor
    mean_utilisation: float | None  # of sensor-watched spaces
    peak_occupied: int | None
    peak_at: float | None
    turnover: float | None  # arrivals per space per day
    series: list[tuple[float, int | None]]  # (ts, occupied), for the plot


class ParkingFigures(msgspec.Struct, frozen=True):
    passes_in: int
    passes_out: int
    residents: int
    visitors: int
    manual: int
    unpaid: int
    flagged: int
    flagged_examples: list[str]
    visitor_dwell_median_h: float | None
    hourly: list[int]  # passes per local hour of day
    zones: list[ZoneFigures]


class ChargingFigures(msgspec.Struct, frozen=True):
    sessions: int
    energy_kwh: float
    valley_share: float | None
    faults: int
    per_charger: list[CostLine]


class ReportData(msgspec.Struct, frozen=True):
    site: str
    site_name: str
    kind: Kind
    start: float
    end: float
    generated_at: float
    utc_offset_h: float
    alarms_total: int
    alarms_critical: int
    alarms_by_kind: list[Count]
    alarms_by_building: list[Count]
    alarms_by_type: list[Count]
    work_orders: dict[str, float | int | None]
    totals: list[CostLine]  # per quantity
    by_group: list[CostLine]
    by_building: list[CostLine]
    by_day: list[CostLine]
    profiles: list[ProfileSeries]  # daily reports: the day's load by group
    unaccounted: list[leaks.Unaccounted]
    night_flows: list[leaks.NightFlow]  # flagged ones, the last night of the period
    parking: ParkingFigures
    charging: ChargingFigures
    lifts: list[LiftStats]


def period(kind: Kind, day: dt.date, utc_offset_h: float = 8.0) -> tuple[float, float]:
    """Epoch bounds of the local day, or of the month holding ``day``."""
    tz = dt.timezone(dt.timedelta(hours=utc_offset_h))
    if kind == "daily":
        start = dt.datetime(day.year, day.month, day.day, tzinfo=tz)
        return start.timestamp(), (start + dt.timedelta(days=1)).timestamp()
    start = dt.datetime(day.year, day.month, 1, tzinfo=tz)
    nxt = dt.datetime(day.year + (day.month == 12), day.month % 12 + 1, 1, tzinfo=tz)
    return start.timestamp(), nxt.timestamp()


def _alarms(engine: Engine, site: str, start: float, end: float
            ) -> tuple[int, int, list[Count], list[Count], list[Count]]:
    a, d = m.AlarmRow.__table__, m.DeviceRow.__table__
    query = (sa.select(a.c.type, a.c.severity, d.c.kind, d.c.building, sa.func.count())
             .select_from(a.outerjoin(d, sa.and_(a.c.device_id == d.c.id, d.c.site == a.c.site)))
             .where(a.c.site == site, a.c.raised_at >= start, a.c.raised_at < end)
             .group_by(a.c.type, a.c.severity, d.c.kind, d.c.building))
    kinds, buildings, types = Counter(), Counter(), Counter()
    total = critical = 0
    with engine.connect() as conn:
        for type_, severity, kind, building, n in conn.execute(query):
            n = int(n)
            total += n
            critical += n if severity == "CRITICAL" else 0
            kinds[kind or "—"] += n
            buildings[building or "—"] += n
            types[type_] += n

    def top(counter: Counter, k: int = 12) -> list[Count]:
        return [Count(key, n) for key, n in counter.most_common(k)]
    return total, critical, top(kinds), top(buildings, 20), top(types)


def _work_orders(engine: Engine, site: str, start: float, end: float) -> dict[str, float | int | None]:
    t = m.WorkOrderRow.__table__
    with engine.connect() as conn:
        rows = conn.execute(sa.select(t.c.data).where(t.c.site == site, t.c.created_at >= start,
                                                      t.c.created_at < end)).scalars().all()
    orders = []
    for data in rows:
        try:
            orders.append(msgspec.convert(data, WorkOrder))
        except msgspec.ValidationError:
            continue  # an order written by a newer program: counted below by state only
    kpis = response_kpis(orders)["all"]
    states = Counter(o.state for o in orders)
    kpis.update(created=len(rows), done=states["done"] + states["verified"] + states["closed"],
                open=sum(1 for o in orders if o.is_open))
    return kpis


def _parking(engine: Engine, site: str, start: float, end: float, offset_s: float,
             sensed: dict[str, int]) -> ParkingFigures:
    """``sensed``: zone → spaces with a sensor (utilisation and turnover are theirs)."""
    g, p = m.GatePassRow.__table__, ParkingOccupancyRow.__table__
    with engine.connect() as conn:
        passes = conn.execute(sa.select(g.c.ts, g.c.plate, g.c.dir, g.c.paid, g.c.colour,
                                        g.c.vehicle, g.c.release)
                              .where(g.c.site == site, g.c.ts >= start, g.c.ts < end)
                              .order_by(g.c.ts)).all()
        samples = conn.execute(sa.select(p.c.zone, p.c.ts, p.c.capacity, p.c.occupied,
                                         p.c.arrivals).where(p.c.site == site, p.c.ts >= start,
                                                             p.c.ts < end)
                               .order_by(p.c.zone, p.c.ts)).all()
    hourly = [0] * 24
    entered: dict[str, float] = {}
    dwell: list[float] = []
    counts: Counter[str] = Counter()
    examples: list[str] = []
    for ts, plate, dir_, paid, colour, vehicle, release in passes:
        counts[dir_] += 1
        counts[vehicle or "unknown"] += 1
        counts["manual"] += release == "manual"
        counts["unpaid"] += dir_ == "out" and paid is False
        hourly[int(((ts + offset_s) % 86400) // 3600)] += 1
        info = classify(plate, colour)
        if not info.valid:
            counts["flagged"] += 1
            if len(examples) < 8:
                examples.append(plate or "∅")
            continue
        if vehicle == "visitor":
            if dir_ == "in":
                entered[info.text] = ts
            elif info.text in entered:
                dwell.append((ts - entered.pop(info.text)) / 3600)
    zones: dict[str, list] = {}
    for row in samples:
        zones.setdefault(row.zone, []).append(row)
    days = max((end - start) / 86400, 1e-9)
    figures = []
    for zone, rows in zones.items():
        known = [r for r in rows if r.occupied is not None]
        spaces = sensed.get(zone, 0) if known else 0
        peak = max(known, key=lambda r: r.occupied, default=None)
        figures.append(ZoneFigures(
            zone, rows[-1].capacity, spaces,
            statistics.fmean(r.occupied for r in known) / spaces if spaces else None,
            peak.occupied if peak else None, peak.ts if peak else None,
            sum(r.arrivals for r in rows) / spaces / days if spaces else None,
            [(r.ts, r.occupied) for r in rows]))
    return ParkingFigures(counts["in"], counts["out"], counts["resident"] + counts["staff"],
                          counts["visitor"], counts["manual"], counts["unpaid"],
                          counts["flagged"], examples,
                          statistics.median(dwell) if dwell else None, hourly, figures)


def _charging(engine: Engine, site: str, start: float, end: float,
              sums: energy.Breakdown) -> ChargingFigures:
    s, a = ChargerSessionRow.__table__, m.AlarmRow.__table__
    with engine.connect() as conn:
        n, kwh = conn.execute(sa.select(sa.func.count(), sa.func.sum(s.c.energy_kwh)).where(
            s.c.site == site, s.c.started_at >= start, s.c.started_at < end)).one()
        faults = conn.execute(sa.select(sa.func.count()).where(
            a.c.site == site, a.c.type == "charger.faulted", a.c.raised_at >= start, a.c.raised_at < end)
        ).scalar_one()
    per = sums.by_device("chargers")
    total = sum(c.amount for c in per)
    valley = sum(c.amount * (c.valley_share or 0) for c in per)
    return ChargingFigures(int(n), float(kwh or 0.0), valley / total if total else None,
                           int(faults), per)


def gather(engine: Engine, scene: Scene, config: OperationsConfig, kind: Kind,
           day: dt.date, *, site: str | None = None) -> ReportData:
    site = site or scene.site.site_id
    offset_h = config.utc_offset_h
    start, end = period(kind, day, offset_h)
    total, critical, by_kind, by_building, by_type = _alarms(engine, site, start, end)
    last_day = end - 86400
    flows = [f for f in leaks.night_flows(engine, site, last_day, config.leaks) if f.flagged]
    lifts = [d for d in scene.devices if d.kind == "elevator"]
    sums = energy.Breakdown(engine, site, start, end, offset_h)  # one pass over the period
    return ReportData(
        site, scene.site.name, kind, start, end, time.time(), offset_h, total, critical,
        by_kind, by_building, by_type, _work_orders(engine, site, start, end),
        sorted(sums.totals().values(), key=lambda c: c.key), sums.by_group(),
        sums.by_building(), sums.by_day(),
        energy.profiles(engine, site, start) if kind == "daily" else [],
        leaks.unaccounted_of(sums.water(), config.water_mains, config.leaks), flows,
        _parking(engine, site, start, end, offset_h * 3600,
                 {z.id: len(zone_sensors(scene, z)) for z in zones_of(scene, config.parking)}),
        _charging(engine, site, start, end, sums),
        lift_stats(engine, site, lifts, config, start, end, sums))
