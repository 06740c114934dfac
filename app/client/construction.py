"""The construction review at a remote console: change records, their before/after pictures
and the zones on the ground, read from the server (``/construction/...``) with the same
methods the engine's ``ConstructionService`` offers the desk (``changes``,
``change_or_none``, ``picture``, ``ground_zones``), so the review panel and the 3D overlay
work on either room unchanged. Decisions are commands (``room.execute``), not here.

Records are fetched on every ``changes`` (a decision taken anywhere must show at once; the
list is small); when the server is away the last list seen is shown. Pictures never change
once a change is raised, so they are kept (a few dozen, the newest asked for).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from app.client.http import ApiClient, _seg
from app.facade.errors import CommandError
from app.vision.construction.records import PICTURES, ChangeRecord
from app.vision.construction.service import GroundZone

PICTURES_KEPT = 48
ZONES_CACHE_S = 5.0


class RemoteConstruction:
    def __init__(self, api: ApiClient) -> None:
        self._api = api
        self._lock = threading.Lock()
        self._records: dict[str, ChangeRecord] = {}
        self._pictures: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self._zones: tuple[float, list[GroundZone]] | None = None

    def changes(self, state: str | None = None) -> list[ChangeRecord]:
        """Newest first; the last list seen when the server cannot be asked."""
        try:
            records = self._api.get_json("/construction/changes", list[ChangeRecord],
                                         params={"state": state} if state else None)
        except CommandError:
            with self._lock:
                kept = list(self._records.values())
            return sorted((r for r in kept if state is None or r.state == state),
                          key=lambda r: r.t_detected, reverse=True)
        with self._lock:
            if state is None:
                self._records = {r.id: r for r in records}
            else:
                self._records.update((r.id, r) for r in records)
        return records

    def change_or_none(self, change_id: str) -> ChangeRecord | None:
        with self._lock:
            found = self._records.get(change_id)
        if found is None:
            self.changes()
            with self._lock:
                found = self._records.get(change_id)
        return found

    def picture(self, change_id: str, which: str) -> bytes:
        """JPEG bytes; ValueError for a picture name that does not exist, CommandError
        (NotConnected, a refusal) when the server does not give it."""
        if which not in PICTURES:
            raise ValueError(f"no picture {which!r}: before, after or frame")
        key = (change_id, which)
        with self._lock:
            if key in self._pictures:
                self._pictures.move_to_end(key)
                return self._pictures[key]
        data = self._api.get_bytes(f"/construction/changes/{_seg(change_id)}/{which}.jpg")
        with self._lock:
            self._pictures[key] = data
            while len(self._pictures) > PICTURES_KEPT:
                self._pictures.popitem(last=False)
        return data

    def ground_zones(self) -> list[GroundZone]:
        cached = self._zones
        if cached is not None and time.monotonic() - cached[0] < ZONES_CACHE_S:
            return cached[1]
        try:
            zones = self._api.get_json("/construction/zones", list[GroundZone])
        except CommandError:
            return cached[1] if cached is not None else []
        self._zones = (time.monotonic(), zones)
        return zones
