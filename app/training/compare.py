"""What two runs of a scenario are compared by: alarms, work orders and device states by
content. Ids are left out (an alarm's is random, an order's counts orders across the
process) and so are counters (a store's versions keep rising through a seek); everything
an operator sees is in. Tests and the bench use it to show that a replay, and a seek, land
on the same state as playing through.
"""

from __future__ import annotations

import msgspec

from app.runtime.engine import Engine


class EngineState(msgspec.Struct, frozen=True):
    at: float
    alarms: list[tuple]
    orders: list[tuple]
    devices: list[tuple]


def state_of(engine: Engine) -> EngineState:
    _, open_alarms, closed = engine.alarms.book.snapshot()
    everything = [*open_alarms, *closed]
    key_of = {a.id: (a.device_id, a.type, round(a.raised_at, 3)) for a in everything}
    alarms = sorted(
        (a.device_id, a.type, int(a.severity), a.state, round(a.raised_at, 3), a.count,
         a.acknowledged_at, a.acknowledged_by, a.cleared_at, a.closed_at, a.escalations,
         a.suppressed, key_of.get(a.parent_id) if a.parent_id else None,
         tuple((t.at, t.action, t.by, "" if t.action == "dispatched" else t.note)
               for t in a.history))  # a dispatch's note is the order's id
        for a in everything)
    orders = []
    if engine.dispatch is not None:
        alarm_keys = key_of
        orders = sorted(
            (o.title, o.skill, o.priority, o.state, o.assignee, o.created_at, o.assigned_at,
             o.accepted_at, o.arrived_at, o.done_at, tuple(o.rejected_by), o.escalations,
             alarm_keys.get(o.origin_ref or ""),
             tuple((h.ts, h.from_state, h.to_state, h.actor) for h in o.history))
            for o in engine.dispatch.service.orders())
    devices = sorted(
        (s.device_id, tuple(sorted(s.values.items())), s.ts, s.seen_at, s.online,
         int(s.level)) for s in engine.store.snapshot().devices.values())
    return EngineState(engine.clock(), alarms, orders, devices)


def differences(a: EngineState, b: EngineState, limit: int = 3) -> list[str]:
    """What differs, in a few words (empty when the states are the same)."""
    out = []
    for name in ("alarms", "orders", "devices"):
        x, y = getattr(a, name), getattr(b, name)
        if x != y:
            only_a = [i for i in x if i not in y][:limit]
            only_b = [i for i in y if i not in x][:limit]
            out.append(f"{name}: {len(x)} vs {len(y)}; only first: {only_a}; only second: "
                       f"{only_b}")
    return out
