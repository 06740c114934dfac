"""Operations at a remote console: the views fetched from the server (cached briefly, so
several panels refreshing together ask once), the re-base as a command, reports downloaded
(``app.facade.operations`` describes the interface)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

from app.client.http import ApiClient
from app.facade.commands import ParkingRebase
from app.facade.errors import CommandError
from app.operations.views import ChargerView, EnergyView, ParkingView

CACHE_S = 1.0


class RemoteOperations:
    def __init__(self, api: ApiClient) -> None:
        self._api = api
        self._cache: dict[str, tuple[float, Any]] = {}

    def _view(self, name: str, type_: Any) -> Any:
        cached = self._cache.get(name)
        if cached is not None and time.monotonic() - cached[0] < CACHE_S:
            return cached[1]
        try:
            view = self._api.get_json(f"/operations/{name}", type_)
        except CommandError:
            if cached is not None:  # the server is away: show what was last seen
                return cached[1]
            raise
        self._cache[name] = (time.monotonic(), view)
        return view

    def energy_view(self) -> EnergyView | None:
        return self._view("energy", EnergyView | None)

    def parking_view(self) -> ParkingView:
        return self._view("parking", ParkingView)

    def charger_view(self) -> ChargerView:
        return self._view("chargers", ChargerView)

    def rebase(self, zone_id: str, by: str = "") -> bool:
        result = self._api.execute(ParkingRebase(zone_id=zone_id))
        self._cache.pop("parking", None)
        return bool(result.data.get("rebased"))

    def write_report(self, kind: str, day: dt.date, path: Path, lang: str = "zh_CN") -> Path:
        path = Path(path)
        fmt = "html" if path.suffix.lower() in (".html", ".htm") else "pdf"
        return self._api.download(
            f"/operations/report?kind={kind}&day={day.isoformat()}&format={fmt}&lang={lang}",
            path, timeout=300.0)
