"""The live roster: where each technician is, whether on shift, how loaded, what they may do.

Positions come from handsets (``TechLocationReceived``). A fix older than ``stale_after_s``
is still the best guess we have, so it is used with a penalty rather than dropped; a
technician never heard from is placed at ``home_xyz`` with the same penalty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import msgspec

from app.domain.model import Technician, Vec3
from app.ingest.events import TechLocationReceived

# Skills that a technician may only be given with a certificate (policy: certified only).
CERTIFIED_ONLY = frozenset({"elevator", "gas"})


class TechnicianStatus(msgspec.Struct, frozen=True):
    tech: Technician
    on_shift: bool
    xyz: Vec3
    position_age_s: float | None  # None: never reported, xyz is home_xyz
    stale: bool
    open_orders: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.tech.id

    @property
    def load(self) -> int:
        return len(self.open_orders)


def can_do(tech: Technician, skill: str) -> bool:
    """Has the skill, and for elevator/gas work also the certificate."""
    if skill not in tech.skills:
        return False
    return skill not in CERTIFIED_ONLY or skill in tech.certified


class TechnicianRoster:
    def __init__(self, technicians: Iterable[Technician], *, clock: Callable[[], float],
                 stale_after_s: float = 120.0, on_shift: Iterable[str] | None = None) -> None:
        self.clock = clock
        self.stale_after_s = stale_after_s
        self._techs = {t.id: t for t in technicians}
        self._fix: dict[str, tuple[float, Vec3]] = {}
        # by default everyone is on shift; a dispatcher or shift plan narrows it
        self._on_shift = set(self._techs) if on_shift is None else set(on_shift)
        self._orders: dict[str, list[str]] = {t: [] for t in self._techs}

    def __contains__(self, tech_id: str) -> bool:
        return tech_id in self._techs

    def technician(self, tech_id: str) -> Technician:
        return self._techs[tech_id]

    def ids(self) -> list[str]:
        return list(self._techs)

    # -- inputs ---------------------------------------------------------------------------
    def apply_location(self, event: TechLocationReceived) -> bool:
        """Record a handset fix; False for an unknown technician or an out-of-order fix."""
        if event.tech_id not in self._techs:
            return False
        old = self._fix.get(event.tech_id)
        if old is not None and old[0] > event.ts:
            return False  # QoS 0 messages may arrive out of order: keep the newest
        self._fix[event.tech_id] = (event.ts, tuple(event.xyz))  # type: ignore[assignment]
        return True

    def set_shift(self, tech_id: str, on: bool) -> None:
        if tech_id not in self._techs:
            raise KeyError(f"unknown technician {tech_id!r}")
        (self._on_shift.add if on else self._on_shift.discard)(tech_id)

    def set_open_orders(self, tech_id: str, order_ids: Iterable[str]) -> None:
        if tech_id in self._orders:
            self._orders[tech_id] = list(order_ids)

    def add_order(self, tech_id: str, order_id: str) -> None:
        if tech_id in self._orders and order_id not in self._orders[tech_id]:
            self._orders[tech_id].append(order_id)

    def remove_order(self, tech_id: str, order_id: str) -> None:
        if order_id in self._orders.get(tech_id, []):
            self._orders[tech_id].remove(order_id)

    # -- outputs --------------------------------------------------------------------------
    def status(self, tech_id: str) -> TechnicianStatus:
        tech = self._techs[tech_id]
        now = self.clock()
        fix = self._fix.get(tech_id)
        if fix is None:
            xyz, age, stale = tech.home_xyz, None, True
        else:
            age = max(0.0, now - fix[0])
            xyz, stale = fix[1], age > self.stale_after_s
        return TechnicianStatus(tech=tech, on_shift=tech_id in self._on_shift, xyz=xyz,
                                position_age_s=age, stale=stale,
                                open_orders=tuple(self._orders[tech_id]))

    def snapshot(self) -> list[TechnicianStatus]:
        return [self.status(t) for t in self._techs]
