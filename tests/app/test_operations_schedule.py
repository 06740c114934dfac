"""Peak/valley schedules solved as linear programs: the roof-tank plan keeps the level
limits and saves what it claims on the simulator's own demand; the charging plan keeps the
transformer's headroom and still gives every car its energy."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from app.operations.config import TankConfig
from app.operations.schedule import ChargeNeed, plan_chargers, plan_tank
from app.operations.tariffs import SLOT_S, SLOTS, load_tariffs
from app.sources.simulator.curves import curve, local_hour
from app.sources.simulator.world import (
    TANK_DRAW_PCT_S,
    TANK_FILL_PCT_S,
    TANK_STEP_S,
    TankGroup,
)

CST = dt.timezone(dt.timedelta(hours=8))
DAY = dt.datetime(2025, 6, 10, tzinfo=CST).timestamp()
CAPACITY_M3 = 60.0
TANK = TankConfig(id="P01", level_devices=("P01-TL1",), pumps=("P01-WP1",),
                  capacity_m3=CAPACITY_M3, min_pct=30, max_pct=95,
                  pump_flow_m3h=TANK_FILL_PCT_S / 100 * CAPACITY_M3 * 3600, pump_kw=11.0)
BOOK = load_tariffs()
PRICES = BOOK.day_prices("guangdong-commercial", DAY)


def simulator_draw_m3(t: float) -> float:
    """What the simulator's tanks lose in one TANK_STEP_S starting at ``t`` (m³)."""
    return TANK_DRAW_PCT_S * (0.15 + curve("water", local_hour(t))) * TANK_STEP_S / 100 \
        * CAPACITY_M3


def steps() -> np.ndarray:
    return DAY + np.arange(0, 86400, TANK_STEP_S)


def simulator_baseline(level0: float) -> tuple[np.ndarray, float]:
    """The simulator's own tank (a 45/90 % level switch): energy per slot, end level."""
    tank = TankGroup(level0)
    energy = np.zeros(SLOTS)
    tank.at(DAY)
    for t in steps():
        running = tank.filling
        tank.at(t + TANK_STEP_S)
        energy[int((t - DAY) // SLOT_S)] += running * TANK.pump_kw * TANK_STEP_S / 3600
    return energy, tank.level


def follow(pumped: np.ndarray, level0: float) -> tuple[np.ndarray, float, float, float]:
    """The simulator's demand with the pump run from each slot's start until the planned
    volume is in: energy per slot, lowest, highest and last level (%)."""
    flow = TANK_FILL_PCT_S / 100 * CAPACITY_M3 * TANK_STEP_S  # m³ per step
    level = level0 / 100 * CAPACITY_M3
    low = high = level
    energy = np.zeros(SLOTS)
    left = 0.0
    for t in steps():
        slot = int((t - DAY) // SLOT_S)
        if (t - DAY) % SLOT_S == 0:
            left = pumped[slot]
        run = min(1.0, left / flow) if left > 1e-12 else 0.0
        left -= run * flow
        level += run * flow
        high = max(high, level)
        level -= simulator_draw_m3(t)
        low = min(low, level)
        energy[slot] += run * TANK.pump_kw * TANK_STEP_S / 3600
    scale = 100 / CAPACITY_M3
    return energy, low * scale, high * scale, level * scale


def test_the_tank_plan_keeps_its_limits_and_saves_what_it_claims():
    level0 = 60.0
    demand = np.zeros(SLOTS)
    for t in steps():
        demand[int((t - DAY) // SLOT_S)] += simulator_draw_m3(t)
    base_energy, base_end = simulator_baseline(level0)
    base_cost = float((base_energy * PRICES).sum())
    plan = plan_tank(TANK, demand, PRICES, level0, end_min_pct=base_end)
    assert plan.feasible
    energy, low, high, end = follow(plan.pumped_m3, level0)
    assert low >= TANK.min_pct - 1e-6 and high <= TANK.max_pct + 1e-6
    assert end >= base_end - 1e-6  # the day ends at least as full as the switch leaves it
    cost = float((energy * PRICES).sum())
    assert cost == pytest.approx(plan.cost, rel=1e-6)
    claimed = base_cost - plan.cost
    assert claimed > 0.05 * base_cost
    assert base_cost - cost == pytest.approx(claimed, rel=1e-6)
    # the saving comes from the peak hours: the plan pumps far less in them than the switch
    peak = PRICES.max() == PRICES
    assert energy[peak].sum() < 0.5 * base_energy[peak].sum()


def test_an_impossible_tank_is_reported_not_solved_wrongly():
    demand = np.full(SLOTS, 100.0)  # 200 m³ an hour from a 65 m³/h pump
    assert not plan_tank(TANK, demand, PRICES, 60.0).feasible


def test_the_charging_plan_keeps_the_headroom_and_serves_every_car():
    rng = np.random.default_rng(7)
    start = DAY + 12 * 3600
    starts = start + np.arange(SLOTS) * SLOT_S
    prices = np.concatenate([PRICES[24:], BOOK.day_prices("guangdong-commercial",
                                                          DAY + 86400)[:24]])
    ready = DAY + 86400 + 7.5 * 3600
    needs = [ChargeNeed(f"EV{i}", start + rng.uniform(6, 10) * 3600, ready,
                        float(rng.uniform(15, 35)), 7.0) for i in range(40)]
    base = np.array([700 * curve("power", local_hour(t + SLOT_S / 2)) for t in starts])
    limit = 800.0
    plan = plan_chargers(needs, starts, prices, base, limit)
    assert plan.feasible and plan.unserved_kwh < 1e-6
    assert (plan.kw + base <= limit + 1e-6).all()
    assert plan.kw.sum() * SLOT_S / 3600 == pytest.approx(sum(n.energy_kwh for n in needs))
    assert plan.peak_kw_now > limit  # charging on arrival would overload the transformer
    assert plan.cost < 0.6 * plan.cost_now
    for need in needs:  # nobody charges before arriving or after leaving
        outside = (starts + SLOT_S <= need.arrive) | (starts >= need.leave)
        assert not outside.all()
    assert plan.kw[(starts + SLOT_S) <= min(n.arrive for n in needs)].sum() == 0
