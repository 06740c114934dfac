"""``ControlRoom``: what a view may read from the engine and ask of it.

One interface, two implementations: ``LocalControlRoom`` (the engine in this process: the
embedded demo, a one-PC compound, training) and ``RemoteControlRoom`` (a console of
``control-room serve`` over HTTP/WebSocket, app/client). Views never reach past it into
engine internals; they read snapshots (the store, the alarm book, the dispatch snapshot,
camera frames), subscribe to one stream of changes, and send commands that carry the
session's user.

The stream carries ``AlarmChanged``, ``DispatchEvent``, ``CameraEvent`` and ``LinkState``
objects, on whichever thread produced them: a Qt view goes through the one bridge of its
process (ui/bridge.py), which hands them to the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

import msgspec

from app.alarms.model import Alarm
from app.dispatch.orders import Sla
from app.dispatch.runtime_view import DispatchSnapshot
from app.domain.model import Vec3
from app.facade.commands import Command
from app.facade.handler import CommandResult
from app.facade.operations import OperationsReader
from app.facade.session import Session
from app.ingest.rejects import RejectSample, UnknownDevice
from app.listeners import Subscription
from app.scene.model import Scene
from app.security.audit import AuditRecord
from app.state.store import StateStore
from app.storage.queries import HistoryPoint
from app.vision.camera_types import CameraEvent, CameraStatus, FrameSnapshot


class LinkState(msgspec.Struct, frozen=True):
    """The live data link (source) and, at a remote console, the link to the server."""

    source: str  # simulator | mqtt | replay | training
    connected: bool
    detail: str = ""
    server: str | None = None  # the server's URL at a remote console
    server_connected: bool = True
    last_data_at: float | None = None  # when the console last heard from its server
    signed_in: bool = True  # False: the session ended (signed out, locked, expired)

    @property
    def live(self) -> bool:
        return self.connected and self.server_connected


class IngestHealth(msgspec.Struct, frozen=True):
    at: float
    rate_per_s: float
    counts: dict[str, int]  # received, accepted, rejected, parked
    rejects: dict[str, int]
    samples: dict[str, RejectSample]
    unknown: list[UnknownDevice]
    link: LinkState


class LearnedInfo(msgspec.Struct, frozen=True):
    """Where a point's learned band lies, for the inspector's trend."""

    learned: bool  # the point has a learned rule at all
    band: tuple[float, float] | None = None
    samples: int = 0
    warmup: int = 0
    frozen: bool = False


class AuditQuery(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    actor: str | None = None
    object: str | None = None
    since: float | None = None
    until: float | None = None
    limit: int = 1000


class AlarmReader(Protocol):
    clock: Callable[[], float]

    def open_alarms(self) -> list[Alarm]: ...
    def get(self, alarm_id: str) -> Alarm | None: ...
    def find_open(self, device_id: str, type_: str) -> Alarm | None: ...
    def snapshot(self) -> tuple[int, list[Alarm], list[Alarm]]: ...

    @property
    def closed(self) -> Any: ...


class DispatchReader(Protocol):
    def snapshot(self) -> DispatchSnapshot: ...
    def route(self, tech_id: str, order_id: str) -> list[Vec3]: ...
    @property
    def sla(self) -> Mapping[int, Sla]: ...


class CameraReader(Protocol):
    def camera_ids(self) -> list[str]: ...
    def status(self, camera_id: str) -> CameraStatus: ...
    def latest(self, camera_id: str) -> FrameSnapshot | None: ...
    def events(self) -> list[CameraEvent]: ...
    def settings(self, camera_id: str) -> Any: ...
    def nearest_camera(self, xyz: tuple[float, float, float]) -> str | None: ...


class ControlRoom(Protocol):
    scene: Scene
    session: Session
    store: StateStore  # read only: a mirror at a remote console
    alarms: AlarmReader
    dispatch: DispatchReader | None
    cameras: CameraReader | None
    operations: OperationsReader | None
    clock: Callable[[], float]
    refresh_hz: float

    def link(self) -> LinkState: ...
    def health(self) -> IngestHealth: ...
    def learned(self, device_id: str, point: str) -> LearnedInfo: ...
    def execute(self, command: Command) -> CommandResult: ...
    def subscribe(self, listener: Callable[[object], None], *,
                  weak: bool = False) -> Subscription: ...
    def history(self, device_id: str, point: str, since: float,
                until: float) -> list[HistoryPoint]: ...
    def audit_records(self, query: AuditQuery) -> list[AuditRecord]: ...
    def people(self) -> Mapping[str, str]: ...
    def export_evidence(self, event_id: str, out_dir: Path) -> Path: ...
    def unlock(self, password: str) -> None: ...
    def close(self) -> None: ...
