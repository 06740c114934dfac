"""Response KPIs of work orders: mean time to acknowledge, arrive and resolve, per shift.

All three are measured from the order's creation (what a resident experiences), in seconds.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.dispatch.orders import WorkOrder


def response_kpis(orders: Iterable[WorkOrder]) -> dict[str, dict[str, float | int | None]]:
    """``{"all": {...}, "day": {...}, ...}`` with mean_*_s and the counts behind them."""
    groups: dict[str, list[WorkOrder]] = {"all": []}
    for o in orders:
        groups["all"].append(o)
        if o.shift:
            groups.setdefault(o.shift, []).append(o)
    return {name: _means(members) for name, members in groups.items()}


def _means(orders: list[WorkOrder]) -> dict[str, float | int | None]:
    out: dict[str, float | int | None] = {"orders": len(orders)}
    for name, attr in (("acknowledge", "accepted_at"), ("arrive", "arrived_at"),
                       ("resolve", "done_at")):
        spans = [getattr(o, attr) - o.created_at for o in orders
                 if getattr(o, attr) is not None]
        out[f"mean_time_to_{name}_s"] = sum(spans) / len(spans) if spans else None
        out[f"{name}_count"] = len(spans)
    return out
