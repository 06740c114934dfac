"""The figures the wall's KPI tiles show, computed from what a ControlRoom offers.

Devices online, open alarms by severity and work orders with their SLA breaches come from
the room (store, alarms, dispatch). Parking occupancy and today's energy against the same
weekday come from the room's operations reader (``room.operations``: the engine's
OperationsService in this process, the server's views at a console); without one, or
before its first figures, the tiles say "no data" rather than show a guess.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable

import msgspec

from app.alarms.model import Alarm
from app.dispatch.runtime_view import DispatchSnapshot
from app.domain.kinds import Level
from app.operations.views import EnergyView, ParkingView
from app.state.store import StateStore

log = logging.getLogger(__name__)

#: the operations figures are asked at most this often (real seconds): at a console each
#: ask is an HTTP call, and parking and energy do not move faster than that on a wall
OPERATIONS_REFRESH_S = 20.0


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
    total: int  # the capacity of the zones counted


class EnergyToday(msgspec.Struct, frozen=True):
    today_kwh: float  # electricity since local midnight
    same_weekday_kwh: float | None  # the same weekday last week, up to the same hour


def parking_occupancy(view: ParkingView) -> ParkingOccupancy | None:
    """Spaces taken over capacity, across the zones: the space sensors' count where a zone
    has them, else the gates' count; a zone with neither is left out of both sums."""
    occupied = total = 0
    for zone in view.zones:
        taken = zone.occupied if zone.occupied is not None else zone.gate_inside
        if taken is None or zone.capacity <= 0:
            continue
        occupied += max(0, taken)
        total += zone.capacity
    return ParkingOccupancy(occupied, total) if total else None


def energy_today(view: EnergyView | None) -> EnergyToday | None:
    if view is None:
        return None  # the operations worker has not built its first view yet
    return EnergyToday(view.electricity_today_kwh, view.same_weekday_kwh)


class OperationsFigures:
    """Parking and energy for the KPI tiles from an operations reader (``energy_view()``,
    ``parking_view()``), asked at most every ``refresh_s``; a reader that fails (a server
    away with nothing cached) gives "no data" until it answers again."""

    def __init__(self, reader: object | None, refresh_s: float = OPERATIONS_REFRESH_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._reader = reader
        self._refresh_s = refresh_s
        self._clock = clock
        self._at: dict[str, float] = {}
        self._value: dict[str, object] = {}

    def _ask(self, name: str, read: Callable[[object], object]) -> object:
        now = self._clock()
        if self._reader is None:
            return None
        if name in self._at and now - self._at[name] < self._refresh_s:
            return self._value[name]
        self._at[name] = now
        try:
            self._value[name] = read(self._reader)
        except Exception as exc:  # noqa: BLE001 (a figure must never take the wall down)
            log.warning("wall: %s figures unavailable: %s", name, exc)
            self._value[name] = None
        return self._value[name]

    def parking(self) -> ParkingOccupancy | None:
        return self._ask("parking", lambda r: parking_occupancy(r.parking_view()))  # type: ignore[attr-defined]

    def energy(self) -> EnergyToday | None:
        return self._ask("energy", lambda r: energy_today(r.energy_view()))  # type: ignore[attr-defined]


def operations_figures(room: object) -> OperationsFigures:
    return OperationsFigures(getattr(room, "operations", None))


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
