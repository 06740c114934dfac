"""Operations (energy, parking, chargers, reports) for every console, behind one interface.

The operations panels read ``energy_view()``, ``parking_view()``, ``charger_view()`` (msgspec
structs, the same on both sides of the network), ask for a re-base of a parking zone (a
command: checked and audited) and for a report file. ``LocalOperations`` reads the engine's
OperationsService; ``app.client.operations.RemoteOperations`` asks the server.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from app.facade.commands import ParkingRebase
from app.facade.session import Session
from app.operations.views import ChargerView, EnergyView, ParkingView

if TYPE_CHECKING:
    from app.runtime.engine import Engine


class OperationsReader(Protocol):
    def energy_view(self) -> EnergyView | None: ...
    def parking_view(self) -> ParkingView: ...
    def charger_view(self) -> ChargerView: ...
    def rebase(self, zone_id: str, by: str = "") -> bool: ...
    def write_report(self, kind: str, day: dt.date, path: Path,
                     lang: str = "zh_CN") -> Path: ...


class LocalOperations:
    def __init__(self, engine: Engine, session: Session) -> None:
        self._engine = engine
        self._session = session
        self._service = engine.operations

    def energy_view(self) -> EnergyView | None:
        return self._service.energy_view()

    def parking_view(self) -> ParkingView:
        return self._service.parking_view()

    def charger_view(self) -> ChargerView:
        return self._service.charger_view()

    def rebase(self, zone_id: str, by: str = "") -> bool:
        """As the signed-in user, whatever ``by`` says (the command carries the user)."""
        result = self._engine.commands.execute(self._session, ParkingRebase(zone_id=zone_id))
        return bool(result.data.get("rebased"))

    def write_report(self, kind: str, day: dt.date, path: Path, lang: str = "zh_CN") -> Path:
        return self._service.write_report(kind, day, Path(path), lang)
