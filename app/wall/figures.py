"""The figures the wall's KPI tiles show, computed from what a ControlRoom offers.

Devices online, open alarms by severity and work orders with their SLA breaches come from
the room (store, alarms, dispatch). Parking occupancy and today's energy against the same
weekday come from an ``OperationsFigures`` provider: the operations reports compute them
from stored history; until such a source is plugged in (``set_operations_figures``) the
tiles say "no data" rather than show a guess.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

import msgspec

from app.alarms.model import Alarm
from app.dispatch.runtime_view import DispatchSnapshot
from app.domain.kinds import Level
from app.state.store import StateStore


class DevicesOnline(msgspec.Struct, frozen=True):
    online: int
    total: int  # devices that have reported at least once
    offline: int


class OpenAlarms(msgspec.Struct, frozen=True):
    total: int
    unacknowledged: int
    by_severity: dict[int, int]  # severity → open, active alarms


class WorkOrders(msgspec.Struct, frozen=True):
    open: int
    sla_breached: int


class ParkingOccupancy(msgspec.Struct, frozen=True):
    occupied: int
    total: int


class EnergyToday(msgspec.Struct, frozen=True):
    today_kwh: float  # since local midnight
    same_weekday_kwh: float  # the same weekday last week, up to the same time of day


class OperationsFigures(Protocol):
    def parking(self) -> ParkingOccupancy | None: ...
    def energy(self) -> EnergyToday | None: ...


class NoOperationsFigures:
    """No operations source yet: every figure is "no data"."""

    def parking(self) -> ParkingOccupancy | None:
        return None

    def energy(self) -> EnergyToday | None:
        return None


_factory: Callable[[object], OperationsFigures] = lambda _room: NoOperationsFigures()  # noqa: E731


def set_operations_figures(factory: Callable[[object], OperationsFigures]) -> None:
    """Plug a source of parking and energy figures: ``factory(room)`` builds one per room."""
    global _factory
    _factory = factory


def operations_figures(room: object) -> OperationsFigures:
    return _factory(room)


def devices_online(store: StateStore) -> DevicesOnline:
    online = offline = 0
    for state in store.snapshot().devices.values():
        if state.online is None and state.level == Level.UNKNOWN:
            continue  # never heard from: not counted either way
        if state.level == Level.OFFLINE or state.online is False:
            offline += 1
        else:
            online += 1
    return DevicesOnline(online, online + offline, offline)


def open_alarms(alarms: Iterable[Alarm], now: float) -> OpenAlarms:
    by_severity: dict[int, int] = {}
    total = unacked = 0
    for alarm in alarms:
        if alarm.closed_at is not None or alarm.suppressed or alarm.is_shelved(now):
            continue
        total += 1
        unacked += alarm.acknowledged_at is None
        by_severity[int(alarm.severity)] = by_severity.get(int(alarm.severity), 0) + 1
    return OpenAlarms(total, unacked, dict(sorted(by_severity.items(), reverse=True)))


def work_orders(snapshot: DispatchSnapshot | None) -> WorkOrders | None:
    if snapshot is None:
        return None
    open_views = [v for v in snapshot.orders if v.order.is_open]
    breached = sum(1 for v in open_views
                   if any(v.sla.get(f"{step}_breached") for step in
                          ("acknowledge", "arrive", "resolve")))
    return WorkOrders(len(open_views), breached)
