"""A compound's stored history, written fast: what the operations benchmark aggregates and
reports on, and what the report tests and screenshots read.

The live path (simulator → ingest → storage writer) is too slow for a month of 5,000
devices, so this writes the same tables directly, vectorised with numpy, from the
simulator's own daily curves, sessions, trips and tank: cumulative registers every 5 minutes
(meters, chargers, lift counters) with pumps' power, lighting currents, tank levels and
transformer load beside them; gate passes (the simulator's vehicles), parking occupancy,
charging sessions, alarms and work orders. Registers include the awkward cases a meter
reader must survive: a replaced meter (reset) and a reporting gap.
"""

from __future__ import annotations

import math
import random
import time
import uuid
from collections.abc import Iterable

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.dispatch.orders import WorkOrder
from app.domain.model import Location
from app.operations.config import OperationsConfig
from app.operations.metering import metered_points
from app.scene.model import Scene
from app.sources.simulator import models as sim_models
from app.sources.simulator.curves import CURVES, LOCAL_OFFSET_S
from app.sources.simulator.noise import key_of, mix, uniform
from app.sources.simulator.vehicles import (
    Gates,
    cars,
    is_visitor_space,
    resident_day,
    vehicle_passes,
    visitor_space_day,
)
from app.sources.simulator.world import TankGroup
from app.storage import rows as r
from app.storage.models_operations import ChargerSessionRow, ParkingOccupancyRow

STEP_S = 300.0
_XS = {k: np.array([p[0] for p in v]) for k, v in CURVES.items()}
_YS = {k: np.array([p[1] for p in v]) for k, v in CURVES.items()}
ALARM_TYPES = {  # device kind → (alarm type, severity, per device per day)
    "smoke_detector": ("smoke_pct_m.high", "HIGH", 0.002),
    "gas_detector": ("event.gas_leak", "CRITICAL", 0.002),
    "elevator": ("combo.stopped_outside_door_zone", "HIGH", 0.08),
    "water_pump": ("combo.running_no_pressure", "HIGH", 0.05),
    "transformer": ("temp_c.high", "MEDIUM", 0.2),
    "manhole_cover": ("tilt_deg.high", "MEDIUM", 0.02),
    "barrier_gate": ("gate.manual_releases", "MEDIUM", 0.1),
    "ev_charger": ("charger.faulted", "MEDIUM", 0.02),
    "door_access": ("event.door_forced", "HIGH", 0.03),
    "power_meter": ("offline", "LOW", 0.004),
    "water_meter": ("offline", "LOW", 0.004),
}


def curve(name: str, t: np.ndarray) -> np.ndarray:
    hours = ((t + LOCAL_OFFSET_S) % 86400.0) / 3600.0
    return np.interp(hours, _XS[name], _YS[name])


def _insert_readings(conn: sa.Connection, site: str, rows: list[tuple]) -> None:
    mark = "?" if conn.dialect.name == "sqlite" else "%s"
    conn.exec_driver_sql(f"INSERT INTO readings (site, device_id, point, ts, value, seq) VALUES "
                         f"({mark}, {mark}, {mark}, {mark}, {mark}, NULL) ON CONFLICT DO NOTHING",
                         [(site, *row) for row in rows])


def _register(device, point: str, ts: np.ndarray, per_step: np.ndarray, start: float,
              rng: np.random.Generator, awkward: bool) -> Iterable[tuple]:
    values = start + np.cumsum(per_step)
    keep = np.ones(len(ts), dtype=bool)
    if awkward:  # a meter replaced on the second day, and a two-hour silence
        k = min(len(ts) - 1, 288 + int(rng.integers(0, 288)))
        values[k:] -= values[k - 1]
        gap = int(rng.integers(0, max(1, len(ts) - 24)))
        keep[gap:gap + 24] = False
    return zip([device] * int(keep.sum()), [point] * int(keep.sum()), ts[keep].tolist(),
               np.round(values[keep], 4).tolist(), strict=True)


def _series(kind: str, key: int, ts: np.ndarray, rng: np.random.Generator,
            tank_running: np.ndarray | None) -> tuple[str, np.ndarray, float]:
    """(point, amount per 5-minute step or instantaneous value, register start)."""
    hours = STEP_S / 3600.0
    if kind in sim_models.METERS:
        _, point, name, peak, spread, to_cum = sim_models.METERS[kind]
        scale = 1.0 + spread * (2 * uniform(key, 0, 1) - 1)
        rate = peak * scale * (0.08 + curve(name, ts)) * (1 + 0.15 * rng.standard_normal(
            len(ts)))
        rate = np.maximum(rate, 0.0)
        if kind == "water_meter":  # the simulator's running toilets, a day at a time
            days = ((ts + LOCAL_OFFSET_S) // 86400).astype(int)
            leaking = {d: uniform(key, int(d), 31) < sim_models.LEAK_PER_METER_DAY
                       for d in np.unique(days)}
            rate = rate + sim_models.LEAK_M3H * np.array([leaking[d] for d in days])
        per = rate * (3600 * to_cum) * hours
        return point, per, peak * scale * 3.0e7 * to_cum * (0.5 + uniform(key, 0, 2))
    if kind == "ev_charger":
        kw = np.zeros(len(ts))
        day0 = int((ts[0] + LOCAL_OFFSET_S) // 86400) - 1
        for day in range(day0, int((ts[-1] + LOCAL_OFFSET_S) // 86400) + 1):
            s = sim_models._session(key, day)  # the simulator's own sessions
            if s is None:
                continue
            a, b = (x * 3600.0 - LOCAL_OFFSET_S for x in s)
            inside = (ts >= a) & (ts < b)
            left = (b - ts[inside]) / (b - a)
            kw[inside] = sim_models.EV_POWER_KW * np.minimum(0.97, 0.3 + 4 * left)
        return "energy_kwh", kw * hours, 2000.0 * uniform(key, 0, 4)
    if kind == "water_pump":
        return "power_kw", (tank_running if tank_running is not None else
                            np.zeros(len(ts))) * 11.0, 0.0
    if kind == "lighting_circuit":
        h = ((ts + LOCAL_OFFSET_S) % 86400.0) / 3600.0
        return "current_a", ((h >= 18.4) | (h < 6.1)) * (3.0 + 9.0 * uniform(key, 0, 2)), 0.0
    # elevator: runs per 5 minutes follow the activity of the building
    runs = rng.poisson(6.0 * curve("activity", ts) + 0.2)
    return "runs", runs.astype(float), float(int(300_000 * uniform(key, 0, 8)))


def _tank_running(start: float, ts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    tank = TankGroup(70.0)
    running, level = np.zeros(len(ts)), np.zeros(len(ts))
    for i, t in enumerate(ts):
        level[i] = tank.at(t)
        running[i] = tank.filling
    return running, level


def fill(engine: Engine, scene: Scene, config: OperationsConfig, start: float, days: int,
         *, site: str, seed: int = 7, kinds: set[str] | None = None) -> dict[str, float]:
    """Write ``days`` of history from ``start`` (a local midnight); returns row counts and
    the seconds it took. ``kinds`` limits the devices (tests keep it small)."""
    t_begin = time.perf_counter()
    rng = np.random.default_rng(seed)
    ts = start + np.arange(int(days * 86400 / STEP_S) + 1) * STEP_S
    devices = [d for d in scene.devices if kinds is None or d.kind in kinds]
    metered = {(p.device_id, p.point) for p in metered_points(devices, config)}
    running, level = _tank_running(start, ts)
    duty = min((d.id for d in devices if d.kind == "water_pump"), default=None)
    counts = {"readings": 0}
    flats: dict[str, np.ndarray] = {}  # building → its flats' water per step
    towers = {d.location.building for d in devices if d.kind == "water_meter" and
              d.location.room}
    mains = [d for d in devices if d.kind == "water_meter" and not d.location.room
             and d.location.building in towers]
    with engine.begin() as conn:
        r.write_rows(conn, "devices", [{**r.device_row(
            d.id, d.kind, d.name, d.location, {p: spec.unit for p, spec in d.points.items()},
            start), "site": site} for d in scene.devices])
        for device in devices:
            kind = device.kind
            if device in mains:
                continue
            if not any(d == device.id for d, _ in metered) and kind not in (
                    "water_tank_level", "transformer"):
                continue
            key = key_of(seed, device.id)
            if kind == "water_tank_level":
                rows = zip([device.id] * len(ts), ["level_pct"] * len(ts), ts.tolist(),
                           np.round(level, 2).tolist(), strict=True)
            elif kind == "transformer":
                load = 12 + 58 * curve("power", ts) * (0.85 + 0.25 * uniform(key, 0, 1))
                rows = zip([device.id] * len(ts), ["load_pct"] * len(ts), ts.tolist(),
                           np.round(load, 1).tolist(), strict=True)
            else:
                point, series, base = _series(kind, key, ts, rng,
                                              running if device.id == duty else None)
                if kind in ("water_pump", "lighting_circuit"):
                    rows = list(zip([device.id] * len(ts), [point] * len(ts), ts.tolist(),
                                    series.tolist(), strict=True))
                    if kind == "water_pump":  # one duty pump fills the tank
                        on = running if device.id == duty else np.zeros(len(ts))
                        rows += zip([device.id] * len(ts), ["running"] * len(ts), ts.tolist(),
                                    on.tolist(), strict=True)
                else:
                    if kind == "water_meter" and device.location.building:
                        building = device.location.building
                        flats[building] = flats.get(building, 0.0) + series
                    awkward = uniform(key, 0, 40) < 0.01
                    rows = list(_register(device.id, point, ts, series, base, rng, awkward))
                    if kind == "elevator":
                        rows += _register(device.id, "door_cycles", ts, series * 1.1,
                                          base * 1.1, rng, False)
            rows = list(rows)
            _insert_readings(conn, site, rows)
            counts["readings"] += len(rows)
        for main in mains:  # what the flats drew, what is lost on the way, a leaking riser
            key = key_of(seed, main.id)
            series = flats.get(main.location.building or "", np.zeros(len(ts)))
            day_of = ((ts + LOCAL_OFFSET_S) // 86400).astype(int)
            riser = np.array([uniform(key, int(d), 33) < sim_models.RISER_LEAK_PER_DAY
                              for d in day_of]) * sim_models.RISER_LEAK_M3H * STEP_S / 3600
            rows = list(_register(main.id, "total_m3", ts, series * (1 + sim_models.MAIN_LOSS)
                                  + riser, 5000.0, rng, False))
            _insert_readings(conn, site, rows)
            counts["readings"] += len(rows)
    counts.update(_passes_and_parking(engine, scene, config, start, days, site, seed))
    counts.update(_sessions(engine, scene, start, days, site, seed))
    counts.update(_alarms_and_orders(engine, scene, start, days, site, seed))
    counts["seconds"] = time.perf_counter() - t_begin
    return counts


class _Dev:
    """Just enough of a simulator DeviceSim for ``Gates.of``."""

    def __init__(self, index: int, device, building) -> None:  # noqa: ANN001
        self.index, self.device, self.building = index, device, building


def _passes_and_parking(engine: Engine, scene: Scene, config: OperationsConfig, start: float,
                        days: int, site: str, seed: int) -> dict[str, int]:
    buildings = scene.building_index()
    gates_dev = [_Dev(i, d, buildings.get(d.location.building or "")) for i, d in
                 enumerate(scene.devices) if d.kind == "barrier_gate"]
    gates = Gates.of(gates_dev, {g.device_id: g.name for g in scene.gates if g.device_id})
    gate_ids = {g.device_id: g.id for g in scene.gates if g.device_id}
    sensors = [p.sensor_id for p in scene.parking if p.sensor_id]
    keys = [key_of(seed, s) for s in sensors]
    fleet = cars(seed, keys)  # the simulator's own cars: one per space, and the surface's
    rows = []
    hours = int(days * 24)
    for hour in range(int(start // 3600), int(start // 3600) + hours):
        for t, p in vehicle_passes(seed, hour, fleet, gates):
            if not p.reported or t >= start + days * 86400:
                continue
            rows.append({"site": site, "gate_id": gate_ids.get(scene.devices[p.device].id,
                                                 scene.devices[p.device].id),
                         "ts": t, "plate": p.plate, "dir": p.dir, "paid": p.paid,
                         "received_at": t, "colour": p.colour, "vehicle": p.vehicle,
                         "release": p.release, "fee_yuan": p.fee, "pay_method": p.pay})
    # occupancy of every zone every 5 minutes, from the very trips above
    ts = start + np.arange(int(days * 86400 / STEP_S)) * STEP_S
    local_h = ((ts + LOCAL_OFFSET_S) % 86400) / 3600
    day_of = ((ts + LOCAL_OFFSET_S) // 86400).astype(int)
    occupied = np.zeros((len(keys), len(ts)), dtype=bool)
    for i, key in enumerate(keys):
        for day in np.unique(day_of):
            sel = day_of == day
            if is_visitor_space(key):
                a, b = visitor_space_day(key, int(day))
                occupied[i, sel] = (local_h[sel] >= a) & (local_h[sel] < b)
                continue
            trip = resident_day(key, int(day))
            occupied[i, sel] = True if trip is None else ~(
                (local_h[sel] >= trip[0]) & (local_h[sel] < trip[1]))
    arrivals = np.concatenate([np.zeros((len(keys), 1), bool),
                               occupied[:, 1:] & ~occupied[:, :-1]], axis=1).sum(axis=0)
    departures = np.concatenate([np.zeros((len(keys), 1), bool),
                                 ~occupied[:, 1:] & occupied[:, :-1]], axis=1).sum(axis=0)
    taken = occupied.sum(axis=0)
    occ_rows = []
    for zone in config.parking.zones:
        capacity = len(sensors) + zone.extra_capacity
        for k, t in enumerate(ts):
            occ_rows.append({"site": site, "zone": zone.id, "ts": float(t),
                             "capacity": capacity, "occupied": int(taken[k]),
                             "gate_inside": int(taken[k]), "arrivals": int(arrivals[k]),
                             "departures": int(departures[k]), "passes_in": 0,
                             "passes_out": 0})
    with engine.begin() as conn:
        if rows:
            r.write_rows(conn, "gate_passes", rows)
        if occ_rows:
            conn.execute(sa.insert(ParkingOccupancyRow.__table__), occ_rows)
    return {"gate_passes": len(rows), "parking_occupancy": len(occ_rows)}


def _sessions(engine: Engine, scene: Scene, start: float, days: int, site: str,
              seed: int) -> dict[str, int]:
    rows = []
    for d in scene.devices:
        if d.kind != "ev_charger":
            continue
        key = key_of(seed, d.id)
        first = int((start + LOCAL_OFFSET_S) // 86400)
        for day in range(first, first + int(days)):
            s = sim_models._session(key, day)
            if s is None:
                continue
            a, b = (x * 3600.0 - LOCAL_OFFSET_S for x in s)
            hours = np.linspace(a, b, 60)
            left = (b - hours) / (b - a)
            kwh = float(np.trapezoid(sim_models.EV_POWER_KW * np.minimum(0.97, 0.3 + 4 * left),
                                     hours) / 3600)
            rows.append({"site": site, "charger_id": d.id, "connector": 1, "started_at": a,
                         "ended_at": b, "energy_kwh": kwh, "valley_kwh": None,
                         "transaction_id": str(int(a)), "end_status": "Finishing"})
    if rows:
        with engine.begin() as conn:
            conn.execute(sa.insert(ChargerSessionRow.__table__), rows)
    return {"charger_sessions": len(rows)}


def _alarms_and_orders(engine: Engine, scene: Scene, start: float, days: int, site: str,
                       seed: int) -> dict[str, int]:
    rnd = random.Random(mix(seed ^ 0xA1A))
    by_kind: dict[str, list] = {}
    for d in scene.devices:
        by_kind.setdefault(d.kind, []).append(d)
    alarms, orders = [], []
    for kind, (type_, severity, rate) in ALARM_TYPES.items():
        members = by_kind.get(kind, [])
        n = int(rnd.gauss(len(members) * rate * days, math.sqrt(len(members) * rate * days + 1)))
        for _ in range(max(0, n)):
            d = rnd.choice(members)
            t = start + rnd.random() * days * 86400
            alarms.append({**r.alarm_row({"id": uuid.UUID(int=rnd.getrandbits(128)).hex[:12],
                                       "device_id": d.id, "type": type_, "severity": severity,
                                       "state": "closed", "raised_at": t,
                                       "closed_at": t + 900, "count": 1}), "site": site})
            if severity in ("HIGH", "CRITICAL") and rnd.random() < 0.5:
                order = WorkOrder(id=uuid.UUID(int=rnd.getrandbits(128)).hex[:10],
                                  title=type_, skill="general", priority=2,
                                  location=Location(d.location.xyz, d.location.building),
                                  device_id=d.id, created_at=t, state="done",
                                  accepted_at=t + rnd.uniform(60, 600),
                                  arrived_at=t + rnd.uniform(600, 1800),
                                  done_at=t + rnd.uniform(1800, 7200), shift="day")
                orders.append(order)
    with engine.begin() as conn:
        if alarms:
            r.write_rows(conn, "alarms", alarms)
        if orders:
            r.write_rows(conn, "work_orders", [{**_order_row(o), "site": site} for o in orders])
    return {"alarms": len(alarms), "work_orders": len(orders)}


def _order_row(o: WorkOrder) -> dict:
    import msgspec

    return r.work_order_row({"id": o.id, "state": o.state, "priority": o.priority,
                             "kind": o.skill, "device_id": o.device_id,
                             "building": o.location.building, "xyz": o.location.xyz,
                             "created_at": o.created_at, "updated_at": o.done_at,
                             "data": msgspec.to_builtins(o)})


__all__ = ["fill"]
