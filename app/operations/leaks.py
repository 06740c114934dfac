"""Water leaks: the minimum night flow (MNF) of each flat and building against its own
baseline, and the water a building's main meter saw that its flats' meters did not.

Between 01:00 and 05:00 a household uses almost nothing; the lowest hourly flow of that
window is its night floor. A running toilet or a dripping pipe lifts the floor. Each meter
is compared with the median of its own previous nights (not with a compound-wide limit: a
flat with an aquarium pump has a high floor every night), and flagged when tonight's floor
stands above it by ``k`` robust deviations and by at least ``min_excess_m3h``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import msgspec
import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.operations.config import LeakConfig, WaterMain
from app.storage.models_operations import MeterHourRow

_t = MeterHourRow.__table__
MAD_TO_SIGMA = 1.4826


class NightFlow(msgspec.Struct, frozen=True):
    key: str  # a device id, or "building:B03"
    night_m3h: float  # tonight's minimum night flow
    baseline_m3h: float  # median of the previous nights
    threshold_m3h: float
    nights: int  # previous nights the baseline was made of
    flagged: bool


class Unaccounted(msgspec.Struct, frozen=True):
    main: str
    building: str | None
    main_m3: float
    subs_m3: float
    unaccounted_m3: float
    percent: float | None
    flagged: bool


def _night_hours(day_start: float, cfg: LeakConfig) -> tuple[int, int]:
    """Epoch bounds of the night window of the local day starting at ``day_start``."""
    return int(day_start + cfg.night_from_h * 3600), int(day_start + cfg.night_to_h * 3600)


def night_flows(engine: Engine, site: str, day_start: float, cfg: LeakConfig
                ) -> list[NightFlow]:
    """Tonight = the night window of the local day starting at ``day_start``; the baseline
    is the same window over the ``cfg.baseline_nights`` days before."""
    nights = cfg.baseline_nights + 1
    first = day_start - cfg.baseline_nights * 86400
    windows = [_night_hours(first + i * 86400, cfg) for i in range(nights)]
    cond = sa.or_(*[sa.and_(_t.c.hour >= a, _t.c.hour < b) for a, b in windows])
    query = (sa.select(_t.c.device_id, _t.c.building, _t.c.grp, _t.c.hour, _t.c.total,
                       _t.c.missing_s)
             .where(_t.c.site == site, _t.c.quantity == "water", cond))
    per_meter: dict[str, np.ndarray] = {}
    per_building: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    with engine.connect() as conn:
        for device_id, building, grp, hour, total, missing in conn.execute(query):
            night = int((int(hour) - first) // 86400)
            hour_index = int((int(hour) - windows[night][0]) // 3600)
            floors = per_meter.setdefault(device_id, np.full((nights, 24), np.nan))
            if missing < 900:  # an hour mostly without data says nothing about the floor
                floors[night, hour_index] = total
            if grp == "households" and building:
                per_building[building][night * 24 + hour_index] += total
    out = [_judge(key, np.min(np.where(np.isnan(f), np.inf, f), axis=1), cfg)
           for key, f in per_meter.items()]
    for building, cells in per_building.items():
        floors = np.full((nights, 24), np.nan)
        for cell, total in cells.items():
            floors[cell // 24, cell % 24] = total
        out.append(_judge(f"building:{building}",
                          np.min(np.where(np.isnan(floors), np.inf, floors), axis=1), cfg))
    return [f for f in out if f is not None]


def _judge(key: str, floors: np.ndarray, cfg: LeakConfig) -> NightFlow | None:
    floors = np.where(np.isinf(floors), np.nan, floors)
    tonight, before = floors[-1], floors[:-1]
    before = before[~np.isnan(before)]
    if np.isnan(tonight) or len(before) < 3:
        return None
    median = float(np.median(before))
    mad = float(np.median(np.abs(before - median))) * MAD_TO_SIGMA
    threshold = median + max(cfg.k_mad * mad, cfg.min_excess_m3h)
    return NightFlow(key, float(tonight), median, threshold, len(before),
                     bool(tonight > threshold))


def unaccounted(engine: Engine, site: str, start: float, end: float,
                mains: Iterable[WaterMain], cfg: LeakConfig) -> list[Unaccounted]:
    """For each main: its water over [start, end) minus its sub-meters'."""
    mains = list(mains)
    if not mains:
        return []
    query = (sa.select(_t.c.device_id, _t.c.building, _t.c.grp, sa.func.sum(_t.c.total))
             .where(_t.c.site == site, _t.c.quantity == "water", _t.c.hour >= int(start),
                    _t.c.hour < int(end))
             .group_by(_t.c.device_id, _t.c.building, _t.c.grp))
    with engine.connect() as conn:
        rows = [(d, b, g, float(v or 0.0)) for d, b, g, v in conn.execute(query)]
    return unaccounted_of(rows, mains, cfg)


def unaccounted_of(water: Iterable[tuple[str, str | None, str, float]],
                   mains: Iterable[WaterMain], cfg: LeakConfig) -> list[Unaccounted]:
    """The same from (device, building, group, m³) sums already at hand."""
    by_device: dict[str, float] = defaultdict(float)
    by_building: dict[str, float] = defaultdict(float)
    for device_id, building, grp, m3 in water:
        by_device[device_id] += m3
        if grp == "households" and building:
            by_building[building] += m3
    out = []
    for main in mains:
        main_m3 = by_device.get(main.main)
        if main_m3 is None:
            continue
        subs = (sum(by_device.get(s, 0.0) for s in main.subs) if main.subs
                else by_building.get(main.building or "", 0.0))
        lost = main_m3 - subs
        pct = 100.0 * lost / main_m3 if main_m3 > 0 else None
        out.append(Unaccounted(main.main, main.building, main_m3, subs, lost, pct,
                               pct is not None and pct > cfg.unaccounted_max_pct))
    return out
