"""``RemoteControlRoom``: the ControlRoom interface on a running ``control-room serve``.

The console keeps mirrors of its server's state (a StateStore, the alarms, the dispatch
picture, cameras), fed by the change stream on one background thread, so the views read
them exactly as they read the engine's own objects. Commands go to the server as the
signed-in user, and are refused at once, without being sent, while the server is away.

A lost server is noticed within two seconds (the server beats every 0.5 s; the stream is
silent for ``SILENCE_S`` or closed): the link turns ``server_connected=False`` and the views
keep what they show. A closed stream reconnects by itself with backoff; each reconnection
starts from a fresh snapshot, so a server restart leaves nothing stale behind. A stream that
is only silent is late, not lost: the console keeps listening on it for up to ``LOST_S``
and, when frames come again, goes on from where it was. A busy server that stalls for a
couple of seconds is then not answered by every console at once asking it for a snapshot.
"""

from __future__ import annotations

import contextlib
import json
import logging
import ssl
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI
from websockets.sync.client import connect

from app.api import wire
from app.client.construction import RemoteConstruction
from app.client.http import ApiClient, SignedOut
from app.client.mirrors import AlarmMirror, CameraMirror, DispatchMirror
from app.client.operations import RemoteOperations
from app.dispatch.service import DispatchEvent
from app.facade.commands import Command
from app.facade.errors import CommandError, NotConnected
from app.facade.handler import CommandResult
from app.facade.room import AuditQuery, IngestHealth, LearnedInfo, LinkState
from app.facade.session import Session
from app.listeners import Listeners, Subscription
from app.security.audit import AuditRecord
from app.state.store import StateStore
from app.storage.queries import HistoryPoint
from app.wall.control import WallMirror

log = logging.getLogger(__name__)

SILENCE_S = 1.5  # silent this long: shown as not connected
LOST_S = 10.0  # silent this long: given up and reconnected
BACKOFF_S = (0.25, 0.5, 1.0, 2.0, 4.0)
LEARNED_CACHE_S = 5.0
CLOSE_SIGNED_OUT = 4401


class _Silent(Exception):
    pass


class RemoteControlRoom:
    def __init__(self, api: ApiClient, session: Session, *, refresh_hz: float = 8.0,
                 cache_dir: Path | None = None, first_snapshot_s: float = 60.0) -> None:
        self.api = api
        self.session = session
        self.refresh_hz = refresh_hz
        self._offset = 0.0  # server clock − local clock (a training server runs its own)
        self.clock: Callable[[], float] = lambda: time.time() + self._offset
        self.scene = api.scene()
        self.store = StateStore(self.scene.devices, clock=self.clock)
        self.alarms = AlarmMirror(self.clock)
        # clips fetched for replay; a directory of our own goes with the console
        self._own_cache = (None if cache_dir else tempfile.TemporaryDirectory(
            prefix="control-room-console-", ignore_cleanup_errors=True))
        self.cache_dir = cache_dir or Path(self._own_cache.name)  # type: ignore[union-attr]
        self.cameras: CameraMirror | None = (
            CameraMirror(self.scene.cameras, api.frame, api.clip, self.cache_dir / "clips",
                         fetch_overlays=api.overlays) if self.scene.cameras else None)
        if self.cameras is not None:  # the review list and 3D zones, as the desk has them
            self.cameras.construction = RemoteConstruction(api)
        self._dispatch: DispatchMirror | None = None
        self.wall = WallMirror()  # the video walls' control state, from Delta.extra["wall"]
        self.operations = RemoteOperations(api)
        self._versions: dict[str, int] = {}
        self._health: IngestHealth | None = None
        self._link = LinkState("server", False, server=api.url, server_connected=False)
        self._last_data: float | None = None
        self.bytes_received = 0
        self.snapshots_received = 0  # each one a full resynchronisation
        self._learned: dict[tuple[str, str], tuple[LearnedInfo, float]] = {}
        self._events: Listeners[object] = Listeners("remote control room")
        self._stop = threading.Event()
        self._synced = threading.Event()
        self.training = False
        self._people: dict[str, str] = {}  # the server's user directory, from its Hello
        #: the newest value of each extra stream the server sends ({"training": …})
        self.extra: dict[str, object] = {}
        self._thread = threading.Thread(target=self._run, name="ConsoleStream", daemon=True)
        self._thread.start()
        if self.cameras is not None:
            self.cameras.start()
        if not self._synced.wait(first_snapshot_s):
            self.close()
            raise NotConnected(f"no snapshot from {api.url} within {first_snapshot_s:.0f} s")

    @classmethod
    def sign_in(cls, url: str, username: str, password: str, *, console: str = "",
                ca_file: str | None = None, **options: object) -> RemoteControlRoom:
        api = ApiClient(url, ca_file=ca_file)
        try:
            answer = api.login(username, password, console)
        except CommandError:
            api.close()
            raise
        return cls(api, answer.session, **options)  # type: ignore[arg-type]

    # ---- the ControlRoom interface -------------------------------------------------------
    @property
    def dispatch(self) -> DispatchMirror | None:
        return self._dispatch

    def link(self) -> LinkState:
        health = self._health
        source = health.link if health is not None else LinkState("server", False)
        return LinkState(source.source, source.connected, source.detail, server=self.api.url,
                         server_connected=self._link.server_connected,
                         last_data_at=self._last_data, signed_in=self._link.signed_in)

    def health(self) -> IngestHealth:
        link = self.link()
        if self._health is None:
            return IngestHealth(self.clock(), 0.0, {"received": 0, "accepted": 0,
                                                    "rejected": 0, "parked": 0}, {}, {}, [],
                                link)
        return IngestHealth(self._health.at, self._health.rate_per_s, self._health.counts,
                            self._health.rejects, self._health.samples, self._health.unknown,
                            link)

    def learned(self, device_id: str, point: str) -> LearnedInfo:
        key = (device_id, point)
        cached = self._learned.get(key)
        if cached is not None and time.monotonic() - cached[1] < LEARNED_CACHE_S:
            return cached[0]
        try:
            info = self.api.learned(device_id, point) if self.connected else None
        except CommandError:
            info = None
        if info is None:
            return cached[0] if cached else LearnedInfo(False)
        self._learned[key] = (info, time.monotonic())
        return info

    def execute(self, command: Command) -> CommandResult:
        if not self.connected:
            raise NotConnected()
        self._learned.clear()  # a freeze or a rule change shows at once
        return self.api.execute(command)

    def subscribe(self, listener: Callable[[object], None], *,
                  weak: bool = False) -> Subscription:
        return self._events.subscribe(listener, weak=weak)

    def history(self, device_id: str, point: str, since: float,
                until: float) -> list[HistoryPoint]:
        return self.api.history(device_id, point, since, until)

    def audit_records(self, query: AuditQuery) -> list[AuditRecord]:
        return self.api.audit(query)

    def people(self) -> Mapping[str, str]:
        """As the server named its users when this console connected (each reconnect
        brings the current directory)."""
        return self._people or {self.session.user: self.session.display_name}

    def export_evidence(self, event_id: str, out_dir: Path) -> Path:
        if not self.connected:
            raise NotConnected()
        return self.api.evidence(event_id, Path(out_dir))

    def unlock(self, password: str) -> None:
        self.api.unlock(password)

    def sign_in_again(self, username: str, password: str) -> Session:
        """After the session ended (signed out elsewhere, expired): a new sign-in, and the
        stream picks up again from a fresh snapshot."""
        answer = self.api.login(username, password, self.session.console.split("@")[0])
        self.session = answer.session
        if not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="ConsoleStream",
                                            daemon=True)
            self._thread.start()
        return answer.session

    def close(self, *, sign_out: bool = True) -> None:
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout=5)
        if self.cameras is not None:
            self.cameras.stop()
        if sign_out and self.api.token:
            # the server may be gone: its session then expires by itself
            with contextlib.suppress(CommandError):
                self.api.logout()
        self.api.close()
        if self._own_cache is not None:  # after the client: no download is let in after it
            self._own_cache.cleanup()

    @property
    def connected(self) -> bool:
        return self._link.server_connected

    # ---- the stream ----------------------------------------------------------------------
    def _run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            try:
                self._stream_once()
                attempt = 0
            except SignedOut:
                self._set_link(server_connected=False, signed_in=False)
                return  # a new sign-in is needed; retrying would only fail again
            except (OSError, TimeoutError, _Silent, ConnectionClosed, InvalidHandshake,
                    InvalidURI, ssl.SSLError, ValueError) as exc:
                log.info("console stream: %s: %s", type(exc).__name__, exc)
            self._set_link(server_connected=False)
            self._stop.wait(BACKOFF_S[min(attempt, len(BACKOFF_S) - 1)])
            attempt += 1

    def _stream_once(self) -> None:
        context = None
        if self.api.ws_url.startswith("wss://"):
            context = ssl.create_default_context(cafile=self.api.ca_file)
        with connect(self.api.ws_url, open_timeout=3, close_timeout=1, max_size=256 << 20,
                     ssl=context, ping_interval=None) as socket:
            socket.send(json.dumps({"token": self.api.token}))
            try:
                hello = self._receive(socket, timeout=10)
                snapshot = self._receive(socket, timeout=60)
            except ConnectionClosed as exc:
                if exc.rcvd is not None and exc.rcvd.code == CLOSE_SIGNED_OUT:
                    raise SignedOut() from None
                raise
            if not isinstance(hello, wire.Hello) or not isinstance(snapshot, wire.Snapshot):
                raise ValueError("the server did not start with hello and a snapshot")
            self._on_hello(hello)
            self._on_snapshot(snapshot)
            self._set_link(server_connected=True, signed_in=True)
            self._synced.set()
            while not self._stop.is_set():
                try:
                    frame = self._receive_or_wait(socket)
                except ConnectionClosed as exc:
                    if exc.rcvd is not None and exc.rcvd.code == CLOSE_SIGNED_OUT:
                        raise SignedOut() from None
                    raise
                if isinstance(frame, wire.Delta):
                    self._on_delta(frame)

    def _receive_or_wait(self, socket) -> wire.Frame:  # noqa: ANN001
        """The next frame; after ``SILENCE_S`` without one the link shows as down while the
        same stream is awaited up to ``LOST_S`` (``_Silent`` then: reconnect)."""
        try:
            return self._receive(socket, timeout=SILENCE_S)
        except _Silent:
            self._set_link(server_connected=False)
        give_up = time.monotonic() + LOST_S - SILENCE_S
        while True:  # in short waits, so that closing the console is not held up
            left = give_up - time.monotonic()
            if left <= 0 or self._stop.is_set():
                raise _Silent(f"nothing from the server for {LOST_S:.0f} s")
            with contextlib.suppress(_Silent):
                frame = self._receive(socket, timeout=min(SILENCE_S, left))
                self._set_link(server_connected=True)
                return frame

    def _receive(self, socket, *, timeout: float) -> wire.Frame:  # noqa: ANN001
        try:
            data = socket.recv(timeout=timeout)
        except TimeoutError:
            raise _Silent(f"nothing from the server for {timeout:.1f} s") from None
        if isinstance(data, str):
            data = data.encode()
        self.bytes_received += len(data)
        frame = wire.decode(data)
        self._last_data = time.time()
        at = getattr(frame, "at", None)
        if at is not None:
            self._offset = at - time.time()
        return frame

    # ---- applying frames (stream thread) -------------------------------------------------
    def _on_hello(self, hello: wire.Hello) -> None:
        self.session = hello.session
        self._people = {**hello.people, hello.session.user: hello.session.display_name}
        self.training = hello.training
        if self._dispatch is None and hello.sla:
            self._dispatch = DispatchMirror(self.api.route, dict(hello.sla))

    def _on_snapshot(self, snap: wire.Snapshot) -> None:
        self.snapshots_received += 1
        for device in snap.devices:
            self.store.register(device)
        self._versions.clear()  # a restarted server counts versions from zero again
        self._apply_states(snap.states)
        for change in self.alarms.reset(snap.alarm_seq, snap.open_alarms, snap.closed_alarms):
            self._events.emit(change)
        if snap.dispatch is not None and self._dispatch is not None:
            self._dispatch.update(snap.dispatch)
            self._events.emit(DispatchEvent("synced", "", snap.at))
        if self.cameras is not None:
            self.cameras.set_status(snap.camera_status)
            self.cameras.add_events(snap.camera_events, self._events.emit)
        self._health = snap.health

    def _on_delta(self, delta: wire.Delta) -> None:
        for device in delta.devices:
            self.store.register(device)
        for device_id in delta.removed:
            self.store.remove(device_id)
            self._versions.pop(device_id, None)
        self._apply_states(delta.states)
        for change in delta.alarms:
            if self.alarms.apply(change):
                self._events.emit(change)
        if delta.dispatch is not None and self._dispatch is not None:
            self._dispatch.update(delta.dispatch)
            self._events.emit(DispatchEvent("synced", "", delta.at))
        if self.cameras is not None:
            if delta.camera_status is not None:
                self.cameras.set_status(delta.camera_status)
            if delta.camera_events:
                self.cameras.add_events(delta.camera_events, self._events.emit)
        if delta.health is not None:
            self._health = delta.health
        if delta.extra:
            self.extra.update(delta.extra)
            if "wall" in delta.extra:
                self.wall.update(delta.extra["wall"])
            self._events.emit(delta.extra)

    def _apply_states(self, states: list[wire.StateWire]) -> None:
        versions = self._versions
        for state in states:
            if state.version <= versions.get(state.device_id, -1):
                continue
            versions[state.device_id] = state.version
            self.store.mirror(wire.state_from_wire(state))

    def _set_link(self, *, server_connected: bool, signed_in: bool | None = None) -> None:
        old = self._link
        new = LinkState(old.source, old.connected, old.detail, server=self.api.url,
                        server_connected=server_connected, last_data_at=self._last_data,
                        signed_in=old.signed_in if signed_in is None else signed_in)
        self._link = new
        if self.cameras is not None:
            self.cameras.connected = server_connected
        if (old.server_connected, old.signed_in) != (new.server_connected, new.signed_in):
            self._events.emit(self.link())
