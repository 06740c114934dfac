"""The console stream's messages, shared by the server (app/server) and the remote console
(app/client). MessagePack frames over one WebSocket, each a tagged struct:

- ``Hello``: who the console is signed in as, the server's figures (first frame);
- ``Snapshot``: everything a console shows, at one moment (second frame, and again after
  every reconnection);
- ``Delta``: what changed since the previous frame (device states, alarm changes, the
  dispatch picture, camera events and status, ingest health, registered devices);
- ``Beat``: nothing changed; sent every ``BEAT_S`` so a console knows within two seconds
  that its server has gone.

Every part is versioned or idempotent (device states carry their version, alarm changes the
book's sequence number, camera events their id), so a frame that overlaps a snapshot does no
harm and a console can always resynchronise from a fresh snapshot.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import msgspec

from app.alarms.model import Alarm, AlarmChanged
from app.dispatch.orders import Sla
from app.dispatch.runtime_view import DispatchSnapshot
from app.domain.kinds import Level
from app.domain.model import Device
from app.facade.room import IngestHealth
from app.facade.session import Session
from app.state.store import DeviceState
from app.vision.camera_types import CameraEvent, CameraStatus

API_PREFIX = "/api/v1"
PROTOCOL_VERSION = 1
BEAT_S = 0.5  # the server's heartbeat; a console missing 3 of them says so


class StateWire(msgspec.Struct, array_like=True, frozen=True):
    """A DeviceState, compact: one array per device on the wire."""

    device_id: str
    values: dict[str, float]
    ts: float | None
    seen_at: float | None
    online: bool | None
    level: int
    version: int


def state_to_wire(state: DeviceState) -> StateWire:
    return StateWire(state.device_id, dict(state.values), state.ts, state.seen_at,
                     state.online, int(state.level), state.version)


def state_from_wire(wire: StateWire) -> DeviceState:
    return DeviceState(wire.device_id, MappingProxyType(dict(wire.values)), wire.ts,
                       wire.seen_at, wire.online, Level(wire.level), wire.version)


class Hello(msgspec.Struct, tag="hello", frozen=True):
    protocol: int
    server_version: str
    site: str
    session: Session
    sla: dict[int, Sla]
    beat_s: float = BEAT_S
    training: bool = False
    #: login → display name of the server's users, for the names screens show
    people: dict[str, str] = msgspec.field(default_factory=dict)


class Snapshot(msgspec.Struct, tag="snapshot", frozen=True):
    at: float
    state_version: int
    states: list[StateWire]
    devices: list[Device]  # devices registered at run time (not in the scene)
    alarm_seq: int
    open_alarms: list[Alarm]
    closed_alarms: list[Alarm]
    dispatch: DispatchSnapshot | None
    camera_status: dict[str, CameraStatus]
    camera_events: list[CameraEvent]
    health: IngestHealth


class Delta(msgspec.Struct, tag="delta", frozen=True):
    at: float
    state_version: int
    states: list[StateWire] = []
    devices: list[Device] = []
    removed: list[str] = []
    alarms: list[AlarmChanged] = []
    dispatch: DispatchSnapshot | None = None
    camera_events: list[CameraEvent] = []
    camera_status: dict[str, CameraStatus] | None = None
    health: IngestHealth | None = None
    extra: dict[str, Any] | None = None  # wall and training streams add theirs here

    def empty(self) -> bool:
        return not (self.states or self.devices or self.removed or self.alarms
                    or self.dispatch is not None or self.camera_events
                    or self.camera_status is not None or self.health is not None
                    or self.extra)


class Beat(msgspec.Struct, tag="beat", frozen=True):
    at: float


Frame = Hello | Snapshot | Delta | Beat

_encoder = msgspec.msgpack.Encoder()
_decoder = msgspec.msgpack.Decoder(Frame)


def encode(frame: Frame) -> bytes:
    return _encoder.encode(frame)


def decode(data: bytes) -> Frame:
    return _decoder.decode(data)


class LoginRequest(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    username: str
    password: str
    console: str = ""


class SetupRequest(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    setup_token: str
    username: str
    password: str
    display_name: str = ""
    console: str = ""


class UnlockRequest(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    password: str


class LoginAnswer(msgspec.Struct, frozen=True):
    token: str
    session: Session


class ErrorAnswer(msgspec.Struct, frozen=True):
    error: str
    message: str
    data: Mapping[str, Any] = {}
