"""The change stream every console of a server receives: one producer, many consoles.

``StreamHub`` runs on the server's event loop. Every ``TICK_S`` it gathers what changed in
the engine — device states (``store.changes_since``), alarm changes and camera events
(queued by engine listeners on their own threads), the dispatch picture when its version
moved, camera status and ingest health once a second — encodes it ONCE as a ``Delta``, and
hands the same bytes to every console's bounded queue. A console that falls more than
``QUEUE_FRAMES`` frames behind is disconnected: it resynchronises from a fresh snapshot
rather than lag further and further (Frigate's bounded queues that drop rather than lag).
When nothing changed, a ``Beat`` goes out every ``BEAT_S``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections import deque
from typing import TYPE_CHECKING

import msgspec

from app import __version__
from app.api import wire
from app.facade.local import health_of, people_of
from app.facade.session import Session
from app.listeners import Subscription
from app.security.roles import Scope

if TYPE_CHECKING:
    from app.runtime.engine import Engine

log = logging.getLogger(__name__)

TICK_S = 0.1
SLOW_S = 1.0  # camera status and health
DISPATCH_MIN_S = 0.25  # the dispatch picture at most 4 times a second
QUEUE_FRAMES = 256
PENDING_MAX = 50_000  # alarm changes / camera events waiting for the next tick


class Console:
    """One connected console: its session and its outgoing queue."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.queue: asyncio.Queue[bytes | None] = asyncio.Queue(maxsize=QUEUE_FRAMES)
        self.dropped = False
        self.sent_bytes = 0

    def offer(self, frame: bytes) -> None:
        if self.dropped:
            return
        try:
            self.queue.put_nowait(frame)
        except asyncio.QueueFull:
            # too slow: cut it loose; it resynchronises from a snapshot when it reconnects
            self.dropped = True
            while not self.queue.empty():
                self.queue.get_nowait()
            self.queue.put_nowait(None)


def in_scope(events: list, scope: Scope) -> list:
    """The camera events of the cameras ``scope`` covers: a user limited to some cameras
    learns nothing of the others' events (not only their clips, refused by the API)."""
    if scope.cameras is None:
        return events
    return [e for e in events if scope.covers_camera(e.camera_id)]


def snapshot_of(engine: Engine, scope: Scope) -> wire.Snapshot:
    store = engine.store
    snap = store.snapshot()
    scene_ids = {d.id for d in engine.scene.devices}
    seq, open_alarms, closed = engine.alarms.book.snapshot()
    cameras = engine.cameras if engine.config.cameras.enabled else None
    return wire.Snapshot(
        at=engine.clock(), state_version=snap.version,
        states=[wire.state_to_wire(s) for s in snap.devices.values()],
        devices=[d for d in store.devices() if d.id not in scene_ids],
        alarm_seq=seq, open_alarms=open_alarms, closed_alarms=closed[-500:],
        dispatch=engine.dispatch.snapshot() if engine.dispatch is not None else None,
        camera_status=({cid: cameras.status(cid) for cid in cameras.camera_ids()}
                       if cameras is not None else {}),
        camera_events=in_scope(cameras.events(), scope)[-200:] if cameras is not None else [],
        health=health_of(engine))


def hello_for(engine: Engine, session: Session) -> wire.Hello:
    sla = engine.dispatch.service.config.sla if engine.dispatch is not None else {}
    return wire.Hello(wire.PROTOCOL_VERSION, __version__, engine.scheme.site, session,
                      dict(sla), wire.BEAT_S, bool(getattr(engine, "training", False)),
                      people_of(engine, session))


class StreamHub:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.consoles: set[Console] = set()
        self._alarms: deque = deque(maxlen=PENDING_MAX)
        self._camera_events: deque = deque(maxlen=PENDING_MAX)
        self._lock = threading.Lock()
        self._subs: list[Subscription] = []
        self._version = engine.store.version
        self._known_devices = {d.id for d in engine.store.devices()}
        self._dispatch_version = -1
        self._wall_version = -1  # -1: send the wall state with the next frame
        self._dispatch_at = 0.0
        self._slow_at = 0.0
        self._training_version = -1
        self._beat_at = 0.0
        self._task: asyncio.Task | None = None
        self.frames = 0
        self.bytes = 0

    # ---- engine side (any thread) --------------------------------------------------------
    def attach(self) -> None:
        engine = self.engine
        self._subs.append(engine.alarms.book.subscribe(self._on_alarm))
        if engine.config.cameras.enabled:
            self._subs.append(engine.cameras.subscribe(self._on_camera_event))

    def _on_alarm(self, change) -> None:  # noqa: ANN001
        with self._lock:
            self._alarms.append(change)

    def _on_camera_event(self, event) -> None:  # noqa: ANN001
        with self._lock:
            self._camera_events.append(event)

    # ---- the loop ------------------------------------------------------------------------
    def start(self) -> None:
        self.attach()
        self._task = asyncio.get_running_loop().create_task(self._run(), name="StreamHub")

    async def stop(self) -> None:
        for sub in self._subs:
            sub.close()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        for console in list(self.consoles):
            console.offer(b"")  # wakes the writer, which then sees the end
            console.dropped = True

    def join(self, console: Console) -> None:
        self.consoles.add(console)
        self._wall_version = -1  # a new console learns the walls' state with the next frame
        self._training_version = -1  # and the training picture at once

    def leave(self, console: Console) -> None:
        self.consoles.discard(console)

    async def _run(self) -> None:
        while True:
            started = time.monotonic()
            try:
                self.tick(started)
            except Exception:  # one bad frame must not end the stream for everyone
                log.exception("stream tick failed")
            await asyncio.sleep(max(0.0, TICK_S - (time.monotonic() - started)))

    def tick(self, now: float) -> None:
        delta = self._delta(now)
        if delta is not None:
            frame = wire.encode(delta)
        elif now - self._beat_at >= wire.BEAT_S:
            frame = wire.encode(wire.Beat(self.engine.clock()))
        else:
            return
        self._beat_at = now
        self.frames += 1
        scoped: dict[frozenset, bytes] = {}  # one frame per camera scope that needs its own
        for console in list(self.consoles):
            scope = console.session.grant.scope
            own = frame
            if delta is not None and delta.camera_events and scope.cameras is not None:
                key = frozenset(scope.cameras)
                if key not in scoped:
                    scoped[key] = wire.encode(msgspec.structs.replace(
                        delta, camera_events=in_scope(delta.camera_events, scope)))
                own = scoped[key]
            console.offer(own)
            self.bytes += len(own)

    def _delta(self, now: float) -> wire.Delta | None:
        engine = self.engine
        store = engine.store
        version = store.version
        states, devices, removed = [], [], []
        if version != self._version:
            changed = store.changes_since(self._version)
            if changed is None:  # the change log no longer reaches back: send every state
                changed = {d.id for d in store.devices()} | set(self._known_devices)
            for device_id in changed:
                state = store.get(device_id)
                if state is None:
                    removed.append(device_id)
                    self._known_devices.discard(device_id)
                    continue
                if device_id not in self._known_devices:
                    device = store.device(device_id)
                    if device is not None:
                        devices.append(device)
                        self._known_devices.add(device_id)
                states.append(wire.state_to_wire(state))
            self._version = version
        with self._lock:
            alarms = list(self._alarms)
            self._alarms.clear()
            camera_events = list(self._camera_events)
            self._camera_events.clear()
        dispatch = None
        runtime = engine.dispatch
        if (runtime is not None and runtime.version != self._dispatch_version
                and now - self._dispatch_at >= DISPATCH_MIN_S):
            self._dispatch_version = runtime.version
            self._dispatch_at = now
            dispatch = runtime.snapshot()
        camera_status = health = None
        if now - self._slow_at >= SLOW_S:
            self._slow_at = now
            health = health_of(engine)
            if engine.config.cameras.enabled:
                cams = engine.cameras
                camera_status = {cid: cams.status(cid) for cid in cams.camera_ids()}
        extra: dict[str, object] = {}
        wall = engine.wall.state()
        if wall.version != self._wall_version:
            self._wall_version = wall.version
            extra["wall"] = msgspec.to_builtins(wall)
        training = getattr(engine, "training_control", None)
        if training is not None and training.version != self._training_version:
            status = training.status()  # the instructor's and trainee's shared picture
            self._training_version = status.version
            extra["training"] = msgspec.to_builtins(status)
        delta = wire.Delta(at=engine.clock(), state_version=version, states=states,
                           devices=devices, removed=removed, alarms=alarms, dispatch=dispatch,
                           camera_events=camera_events, camera_status=camera_status,
                           health=health, extra=extra or None)
        return None if delta.empty() else delta
