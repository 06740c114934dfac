"""Schedule recommendations from what the database holds: the tanks' demand as the last
days showed it, yesterday night's charging sessions and the transformer's load, priced with
the tariff in force, solved by ``schedule`` and worded as ``Recommendation`` views.

A recommendation compares like with like: the plan must leave the tank at least as full as
the level switch would have, and serve every car's energy before it leaves; the saving is
the difference in cost on the same demand.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.operations.config import ChargerPlanConfig, TankConfig
from app.operations.schedule import ChargeNeed, plan_chargers, plan_tank, run_tank
from app.operations.tariffs import SLOT_S, SLOTS, TariffBook
from app.operations.views import Recommendation, ScheduleSlot
from app.storage.models import ReadingRow
from app.storage.models_operations import ChargerSessionRow

_raw = ReadingRow.__table__
_sessions = ChargerSessionRow.__table__
GRID_S = 300


def _series(conn: sa.Connection, site: str, device_ids: tuple[str, ...], point: str,
            start: float, end: float) -> list[tuple[np.ndarray, np.ndarray]]:
    out = []
    for device_id in device_ids:
        rows = conn.execute(sa.select(_raw.c.ts, _raw.c.value).where(
            _raw.c.site == site, _raw.c.device_id == device_id, _raw.c.point == point, _raw.c.ts >= start - 3600,
            _raw.c.ts < end).order_by(_raw.c.ts)).all()
        if rows:
            data = np.array(rows, dtype=np.float64)
            out.append((data[:, 0], data[:, 1]))
    return out


def _step(ts: np.ndarray, values: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """The last value at or before each grid time (a state held between reports)."""
    i = np.searchsorted(ts, grid, side="right") - 1
    return np.where(i >= 0, values[np.clip(i, 0, None)], np.nan)


def tank_demand(engine: Engine, site: str, tank: TankConfig, day_start: float, days: int = 7
                ) -> tuple[np.ndarray, float] | None:
    """Per half-hour, the water drawn from the tank, averaged over the ``days`` before
    ``day_start`` (drawn = pumped − rise in level); and the level at ``day_start``."""
    start = day_start - days * 86400
    grid = np.arange(start, day_start + 1, GRID_S, dtype=np.float64)
    with engine.connect() as conn:
        levels = _series(conn, site, tank.level_devices, "level_pct", start, day_start + 1)
        pumps = _series(conn, site, tank.pumps, "running", start, day_start + 1)
    if not levels:
        return None
    stack = np.array([np.interp(grid, ts, v, left=np.nan, right=np.nan) for ts, v in levels])
    known = (~np.isnan(stack)).sum(axis=0)  # the tanks' mean where any of them reported
    level = np.where(known > 0, np.nansum(stack, axis=0) / np.maximum(known, 1), np.nan)
    running = np.nansum([_step(ts, v, grid) for ts, v in pumps], axis=0) if pumps else \
        np.zeros(len(grid))
    pumped = running[:-1] * tank.pump_flow_m3h * GRID_S / 3600.0
    drawn = np.maximum(pumped - np.diff(level) / 100 * tank.capacity_m3, 0.0)
    per_slot = drawn.reshape(days, SLOTS, SLOT_S // GRID_S)
    complete = ~np.isnan(per_slot).any(axis=(1, 2))
    if not complete.any():
        return None
    return per_slot[complete].sum(axis=2).mean(axis=0), float(level[-1])


def _slots(starts: np.ndarray, values: np.ndarray) -> list[ScheduleSlot]:
    return [ScheduleSlot(float(s), float(s) + SLOT_S, round(float(v), 3))
            for s, v in zip(starts, values, strict=True)]


def recommend_tank(engine: Engine, site: str, tank: TankConfig, book: TariffBook,
                   tariff_id: str, day_start: float) -> Recommendation | None:
    found = tank_demand(engine, site, tank, day_start)
    if found is None:
        return None
    demand, level0 = found
    if not np.isfinite(level0):
        return None
    prices = book.day_prices(tariff_id, day_start)
    if np.isnan(prices).all():
        return None
    switch = (tank.switch_on_pct, tank.switch_off_pct)
    now = run_tank(tank, demand, prices, level0, switch=switch)
    plan = plan_tank(tank, demand, prices, level0, end_min_pct=min(now.end_pct, tank.max_pct))
    if not plan.feasible:
        return Recommendation("tank", tank.id, tank.name or tank.id, [], now.cost, now.cost,
                              0.0, 0.0, [("infeasible", "")])
    starts = day_start + np.arange(SLOTS) * SLOT_S
    saving = now.cost - plan.cost
    return Recommendation(
        "tank", tank.id, tank.name or tank.id, _slots(starts, plan.pumped_m3), now.cost,
        plan.cost, saving, 100 * saving / now.cost if now.cost > 0 else 0.0,
        [("level", f"{tank.min_pct:g}–{tank.max_pct:g} %"),
         ("lowest", f"{float(np.nanmin(plan.level_pct)):.0f} %"),
         ("highest", f"{float(np.nanmax(plan.level_pct)):.0f} %"),
         ("switch", f"{switch[0]:g}/{switch[1]:g} %")])


def _ready_by(cfg: ChargerPlanConfig, arrive: float, utc_offset_h: float) -> float:
    hours, minutes = (int(x) for x in cfg.ready_by.split(":"))
    local = dt.datetime.fromtimestamp(arrive + utc_offset_h * 3600, dt.UTC)
    ready = local.replace(hour=hours, minute=minutes, second=0, microsecond=0)
    if ready <= local:
        ready += dt.timedelta(days=1)
    return ready.timestamp() - utc_offset_h * 3600


def recommend_chargers(engine: Engine, site: str, cfg: ChargerPlanConfig, book: TariffBook,
                       tariff_id: str, day_start: float) -> Recommendation | None:
    """Last night's sessions (12:00 the day before to 12:00 of ``day_start``'s day), as
    they charged and as they could have."""
    start = day_start - 12 * 3600
    starts = start + np.arange(SLOTS) * SLOT_S
    with engine.connect() as conn:
        rows = conn.execute(sa.select(_sessions.c.charger_id, _sessions.c.started_at,
                                      _sessions.c.ended_at, _sessions.c.energy_kwh).where(
            _sessions.c.site == site, _sessions.c.started_at >= start,
            _sessions.c.started_at < start + 86400, _sessions.c.energy_kwh > 0)).all()
        base = _series(conn, site, (cfg.transformer,), "load_pct", start, start + 86400) \
            if cfg.transformer else []
    if not rows:
        return None
    offset = book.utc_offset_h
    needs = [ChargeNeed(c, s, max(_ready_by(cfg, s, offset), e or s), kwh, cfg.max_kw)
             for c, s, e, kwh in rows]
    prices = np.concatenate([book.day_prices(tariff_id, start)[SLOTS // 2:],
                             book.day_prices(tariff_id, day_start)[:SLOTS // 2]])
    kva_kw = cfg.capacity_kva * cfg.power_factor
    if base:
        ts, load = base[0]
        base_kw = np.nan_to_num(np.interp(starts + SLOT_S / 2, ts, load)) / 100 * kva_kw
    else:
        base_kw = np.zeros(SLOTS)
    limit = kva_kw * cfg.max_loading_pct / 100 if cfg.transformer else float("inf")
    plan = plan_chargers(needs, starts, prices, base_kw, limit)
    if not plan.feasible:
        return Recommendation("chargers", cfg.transformer or "", "", [], plan.cost_now,
                              plan.cost_now, 0.0, 0.0, [("infeasible", "")])
    saving = plan.cost_now - plan.cost
    notes = [("sessions", str(len(needs))), ("ready_by", cfg.ready_by)]
    if cfg.transformer:
        notes += [("peak_now", f"{100 * plan.peak_kw_now / kva_kw:.0f} %"),
                  ("peak_planned", f"{100 * plan.peak_kw / kva_kw:.0f} %"),
                  ("limit", f"{cfg.max_loading_pct:g} %")]
    if plan.unserved_kwh > 0.01:
        notes.append(("unserved", f"{plan.unserved_kwh:.1f} kWh"))
    return Recommendation("chargers", cfg.transformer or "", cfg.transformer or "",
                          _slots(starts, plan.kw), plan.cost_now, plan.cost, saving,
                          100 * saving / plan.cost_now if plan.cost_now > 0 else 0.0, notes)
