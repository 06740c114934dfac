"""Lifts: the 96333 rescue code that goes with every alarm of a lift, and the maintenance
figures a property manager is judged by — runs, door cycles and faults per 1,000 runs.

The alarms themselves are rules of the alarm engine (``app.alarms.defaults``: stopped
outside the door zone for 45 s, moving with doors open, trapped passenger = occupied ∧
doors closed ∧ stopped for 60 s, stuck with a fault). Runs and door cycles are the lift
controller's own counters, differenced like any meter (``meters``) into ``meter_hours``.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.domain.model import Device
from app.operations.config import OperationsConfig
from app.operations.energy import Breakdown, counter_totals
from app.storage.models import AlarmRow

#: the alarm types that count as a lift fault (not offline, not a learned band)
FAULT_TYPES = ("combo.stuck_between_floors", "combo.stopped_outside_door_zone",
               "combo.moving_doors_open", "combo.trapped_passenger", "fault.flag",
               "event.fault", "event.trapped")


class LiftStats(msgspec.Struct, frozen=True):
    device_id: str
    name: str
    building: str | None
    rescue_code: str | None
    runs: float
    door_cycles: float
    faults: int
    trapped: int
    faults_per_1000_runs: float | None


def rescue_notes(config: OperationsConfig) -> dict[str, dict[str, object]]:
    """Facts to show with every alarm of each lift (AlarmEngine ``device_notes``)."""
    return {device_id: {"rescue_code": code} for device_id, code in config.rescue_codes.items()}


def lift_stats(engine: Engine, site: str, lifts: Iterable[Device], config: OperationsConfig,
               start: float, end: float, sums: Breakdown | None = None) -> list[LiftStats]:
    """``sums``: the period's breakdown when the caller already read it."""
    lifts = list(lifts)
    if sums is not None:
        runs, doors = sums.counters("lift_runs"), sums.counters("door_cycles")
    else:
        runs = counter_totals(engine, site, start, end, "lift_runs")
        doors = counter_totals(engine, site, start, end, "door_cycles")
    t = AlarmRow.__table__
    query = (sa.select(t.c.device_id, t.c.type, sa.func.count())
             .where(t.c.site == site, t.c.raised_at >= start, t.c.raised_at < end,
                    t.c.type.in_(FAULT_TYPES),
                    t.c.device_id.in_([d.id for d in lifts]))
             .group_by(t.c.device_id, t.c.type))
    faults: dict[str, int] = {}
    trapped: dict[str, int] = {}
    with engine.connect() as conn:
        for device_id, type_, n in conn.execute(query):
            faults[device_id] = faults.get(device_id, 0) + int(n)
            if type_ in ("combo.trapped_passenger", "event.trapped"):
                trapped[device_id] = trapped.get(device_id, 0) + int(n)
    out = []
    for lift in lifts:
        n_runs = runs.get(lift.id, 0.0)
        n_faults = faults.get(lift.id, 0)
        out.append(LiftStats(lift.id, lift.name, lift.location.building,
                             config.rescue_codes.get(lift.id), n_runs, doors.get(lift.id, 0.0),
                             n_faults, trapped.get(lift.id, 0),
                             1000.0 * n_faults / n_runs if n_runs > 0 else None))
    return out
