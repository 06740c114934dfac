"""Peak/valley schedules as small linear programs (SciPy's HiGHS through ``linprog``).

Roof tanks: choose how much to pump in each slot so that the level never leaves its limits
— pumping is placed at the start of a slot, so the level peaks at ``before + pumped`` and is
lowest at the slot's end — the day ends no lower than asked, and the pumps' energy costs the
least at the slots' prices. Chargers: choose each plugged-in car's power per slot so that it
gets its energy before it leaves, the transformer's headroom is never exceeded, and the
energy costs the least. Each plan is compared with the way the equipment runs today (a level
switch; charging at full power on arrival) to give the saving it claims.
"""

from __future__ import annotations

import msgspec
import numpy as np
import scipy  # submodules load on first use: scipy.optimize costs ~0.3 s of start-up

from app.operations.config import TankConfig

#: kWh the LP may leave unserved, priced so it is only ever a last resort
UNSERVED_PENALTY = 1000.0


class TankPlan(msgspec.Struct):
    feasible: bool
    pumped_m3: np.ndarray  # per slot
    level_pct: np.ndarray  # at the end of each slot
    energy_kwh: float
    cost: float
    message: str = ""


class TankRun(msgspec.Struct):
    """A fine-step run of a tank: what a schedule or a level switch does to it."""

    energy_kwh: np.ndarray  # per slot
    cost: float
    min_pct: float
    max_pct: float
    end_pct: float


def plan_tank(tank: TankConfig, demand_m3: np.ndarray, prices: np.ndarray,
              level0_pct: float, *, end_min_pct: float | None = None,
              slot_s: float = 1800.0) -> TankPlan:
    """Pumping per slot for ``demand_m3`` drawn per slot at ``prices`` (per kWh)."""
    demand = np.asarray(demand_m3, dtype=np.float64)
    prices = np.nan_to_num(np.asarray(prices, dtype=np.float64), nan=float(np.nanmax(prices)))
    n = len(demand)
    cap = tank.capacity_m3
    lo, hi = tank.min_pct / 100 * cap, tank.max_pct / 100 * cap
    l0 = level0_pct / 100 * cap
    end = (level0_pct if end_min_pct is None else end_min_pct) / 100 * cap
    end = min(end, hi)
    q_max = tank.pumps_at_once * tank.pump_flow_m3h * slot_s / 3600.0
    kwh_per_m3 = tank.pump_kw / tank.pump_flow_m3h
    cum_d = np.cumsum(demand)
    tri = np.tril(np.ones((n, n)))  # row t: pumped up to and including slot t
    a_ub = np.vstack([-tri, tri, -np.ones((1, n))])
    before = np.concatenate(([0.0], cum_d[:-1]))
    b_ub = np.concatenate([l0 - cum_d - lo, hi - l0 + before, [l0 - cum_d[-1] - end]])
    result = scipy.optimize.linprog(prices * kwh_per_m3, A_ub=a_ub, b_ub=b_ub, bounds=[(0.0, q_max)] * n,
                     method="highs")
    if result.status != 0:
        return TankPlan(False, np.zeros(n), np.full(n, np.nan), 0.0, 0.0,
                        "the limits cannot be kept: demand exceeds what the pumps can fill")
    pumped = np.maximum(result.x, 0.0)
    level = (l0 + np.cumsum(pumped) - cum_d) / cap * 100
    energy = pumped * kwh_per_m3
    return TankPlan(True, pumped, level, float(energy.sum()), float((energy * prices).sum()))


def run_tank(tank: TankConfig, demand_m3: np.ndarray, prices: np.ndarray, level0_pct: float,
             *, pumped_m3: np.ndarray | None = None, switch: tuple[float, float] | None = None,
             slot_s: float = 1800.0, step_s: float = 10.0) -> TankRun:
    """Integrate the tank in ``step_s`` steps with the demand of each slot drawn evenly:
    either following a plan (``pumped_m3``: the pump runs from the slot's start until that
    volume is in) or a level switch ``(on_below_pct, off_above_pct)``."""
    cap = tank.capacity_m3
    flow_s = tank.pumps_at_once * tank.pump_flow_m3h / 3600.0
    kw = tank.pumps_at_once * tank.pump_kw
    steps = int(round(slot_s / step_s))
    level = level0_pct / 100 * cap
    low = high = level
    energy = np.zeros(len(demand_m3))
    filling = False
    for t, d in enumerate(demand_m3):
        draw = d / steps
        left = None if pumped_m3 is None else float(pumped_m3[t])
        for _ in range(steps):
            if left is not None:
                run = min(1.0, left / (flow_s * step_s)) if left > 1e-12 else 0.0
                left -= run * flow_s * step_s
            else:
                if filling and level >= switch[1] / 100 * cap:
                    filling = False
                elif not filling and level <= switch[0] / 100 * cap:
                    filling = True
                run = 1.0 if filling else 0.0
            level += run * flow_s * step_s
            high = max(high, level)
            level -= draw
            low = min(low, level)
            energy[t] += run * kw * step_s / 3600.0
    prices = np.nan_to_num(np.asarray(prices, dtype=np.float64))
    return TankRun(energy, float((energy * prices).sum()), low / cap * 100, high / cap * 100,
                   level / cap * 100)


class ChargeNeed(msgspec.Struct, frozen=True):
    charger_id: str
    arrive: float  # epoch s
    leave: float
    energy_kwh: float
    max_kw: float


class ChargerPlan(msgspec.Struct):
    feasible: bool
    kw: np.ndarray  # total charging power per slot (planned)
    kw_now: np.ndarray  # as cars charge today: full power from arrival
    cost: float
    cost_now: float
    peak_kw: float  # charging + base load, planned
    peak_kw_now: float
    unserved_kwh: float
    message: str = ""


def _availability(need: ChargeNeed, starts: np.ndarray, slot_s: float) -> np.ndarray:
    """Fraction of each slot the car is plugged in."""
    a = np.clip(need.arrive, starts, starts + slot_s)
    b = np.clip(need.leave, starts, starts + slot_s)
    return (b - a) / slot_s


def charge_asap(needs: list[ChargeNeed], starts: np.ndarray, slot_s: float) -> np.ndarray:
    out = np.zeros(len(starts))
    hours = slot_s / 3600.0
    for need in needs:
        left = need.energy_kwh
        for t, frac in enumerate(_availability(need, starts, slot_s)):
            if left <= 0:
                break
            kwh = min(left, need.max_kw * frac * hours)
            out[t] += kwh / hours
            left -= kwh
    return out


def plan_chargers(needs: list[ChargeNeed], starts: np.ndarray, prices: np.ndarray,
                  base_kw: np.ndarray, limit_kw: float, slot_s: float = 1800.0) -> ChargerPlan:
    """Charging power per car and slot: every car gets its energy before it leaves when
    the headroom (``limit_kw − base_kw`` per slot) allows, at the least cost."""
    starts = np.asarray(starts, dtype=np.float64)
    n_t = len(starts)
    prices = np.nan_to_num(np.asarray(prices, dtype=np.float64), nan=float(np.nanmax(prices)))
    hours = slot_s / 3600.0
    headroom = np.maximum(limit_kw - np.asarray(base_kw, dtype=np.float64), 0.0)
    cols, bounds, cost = [], [], []
    rows_eq, vals_eq, cols_eq = [], [], []
    for i, need in enumerate(needs):
        avail = _availability(need, starts, slot_s)
        for t in np.flatnonzero(avail > 0):
            rows_eq.append(i)
            cols_eq.append(len(cols))
            vals_eq.append(hours)
            cols.append((i, int(t)))
            bounds.append((0.0, need.max_kw * float(avail[t])))
            cost.append(float(prices[t]) * hours)
    n_p = len(cols)
    for i in range(len(needs)):  # unserved energy of each car, heavily penalised
        rows_eq.append(i)
        cols_eq.append(n_p + i)
        vals_eq.append(1.0)
        bounds.append((0.0, None))
        cost.append(UNSERVED_PENALTY)
    a_eq = scipy.sparse.csr_matrix((vals_eq, (rows_eq, cols_eq)),
                                   shape=(len(needs), n_p + len(needs)))
    b_eq = np.array([need.energy_kwh for need in needs])
    a_ub = scipy.sparse.csr_matrix(([1.0] * n_p, ([t for _, t in cols], list(range(n_p)))),
                             shape=(n_t, n_p + len(needs)))
    kw_now = charge_asap(needs, starts, slot_s)
    cost_now = float((kw_now * prices).sum() * hours)
    peak_now = float((kw_now + base_kw).max()) if n_t else 0.0
    if not needs:
        return ChargerPlan(True, np.zeros(n_t), kw_now, 0.0, cost_now, float(np.max(base_kw)),
                           peak_now, 0.0)
    result = scipy.optimize.linprog(np.array(cost), A_ub=a_ub, b_ub=headroom, A_eq=a_eq, b_eq=b_eq,
                     bounds=bounds, method="highs")
    if result.status != 0:
        return ChargerPlan(False, np.zeros(n_t), kw_now, 0.0, cost_now, 0.0, peak_now, 0.0,
                           "no schedule fits the transformer headroom")
    kw = np.zeros(n_t)
    for (_, t), p in zip(cols, result.x[:n_p], strict=True):
        kw[t] += p
    unserved = float(result.x[n_p:].sum())
    planned = float((kw * prices).sum() * hours)
    return ChargerPlan(True, kw, kw_now, planned, cost_now, float((kw + base_kw).max()),
                       peak_now, unserved)
