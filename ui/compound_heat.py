"""Per-floor aggregates for the heat/level mode of the compound view.

"alarms": open, active alarms per (building, floor), scaled so three or more read as full
red (one alarm on a floor must already stand out). "water": the current water flow of all
meters on a floor, scaled by the busiest floor, so the pattern of use reads at a glance.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from app.domain.model import Device
from app.state.store import StateStore
from ui.compound_alarms import DeviceAlarms

METRICS = ("alarms", "water")
_ALARMS_FULL = 3.0


def floor_values(metric: str | None, devices: Sequence[Device], store: StateStore,
                 alarms: DeviceAlarms) -> tuple[dict[tuple[str, int], float], float]:
    """(values per (building, floor), the value drawn as full colour)."""
    if metric == "alarms":
        where = {d.id: (d.location.building, d.location.floor) for d in devices
                 if d.location.building is not None and d.location.floor is not None}
        counts = Counter(where[a.device_id] for a in alarms.live() if a.device_id in where)
        return dict(counts), max(_ALARMS_FULL, float(max(counts.values(), default=0)))
    if metric == "water":
        sums: dict[tuple[str, int], float] = {}
        for d in devices:
            loc = d.location
            if d.kind != "water_meter" or loc.building is None or loc.floor is None:
                continue
            state = store.get(d.id)
            flow = state.values.get("flow_m3h") if state is not None else None
            if flow is not None:
                key = (loc.building, loc.floor)
                sums[key] = sums.get(key, 0.0) + float(flow)
        return sums, max(max(sums.values(), default=0.0), 1e-6)
    return {}, 1.0
