"""A remote console's copies of its server's state, fed by the change stream, read by the
views through the same methods as the engine's own objects.

- ``AlarmMirror``: the open alarms and a recent history, newest change per alarm wins (by
  the book's sequence number), reads like the AlarmBook;
- ``DispatchMirror``: the newest dispatch picture; SLA countdowns keep running between
  pictures (the seconds left are aged by the time since the picture was taken);
- ``CameraMirror``: camera status and events, and the newest frame of each camera a view
  asks for, pulled by one background thread so the GUI never waits on the network.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import cv2
import msgspec
import numpy as np

from app.alarms.model import Alarm, AlarmChanged
from app.dispatch.notes import note
from app.dispatch.orders import Sla
from app.dispatch.runtime_view import DispatchSnapshot, OrderView
from app.domain.model import Camera
from app.facade.errors import CommandError
from app.vision.camera_types import CameraEvent, CameraStatus, FrameSnapshot
from app.vision.cameras import nearest_camera

log = logging.getLogger(__name__)

HISTORY = 5000


class AlarmMirror:
    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._open: dict[str, Alarm] = {}
        self._seq: dict[str, int] = {}
        self.closed: deque[Alarm] = deque(maxlen=HISTORY)
        self.seq = 0

    def reset(self, seq: int, open_alarms: Iterable[Alarm], closed: Iterable[Alarm]
              ) -> list[AlarmChanged]:
        """A fresh snapshot; returns the changes views must see (new, changed, gone)."""
        now = self.clock()
        fresh = {a.id: a for a in open_alarms}
        with self._lock:
            gone = [a for i, a in self._open.items() if i not in fresh]
            self._open = fresh
            self._seq = dict.fromkeys(fresh, seq)
            self.closed.clear()
            self.closed.extend(closed)
            self.seq = seq
        changes = [AlarmChanged("synced", copy.deepcopy(a), now, seq) for a in fresh.values()]
        for alarm in gone:  # closed while this console was away
            alarm.closed_at = alarm.closed_at or now
            changes.append(AlarmChanged("closed", alarm, now, seq))
        return changes

    def apply(self, change: AlarmChanged) -> bool:
        """Take a change; False when this console already has something newer."""
        alarm = change.alarm
        with self._lock:
            if change.seq and change.seq <= self._seq.get(alarm.id, 0):
                return False
            self._seq[alarm.id] = change.seq
            self.seq = max(self.seq, change.seq)
            if alarm.closed_at is not None:
                self._open.pop(alarm.id, None)
                self.closed.append(alarm)
            else:
                self._open[alarm.id] = alarm
        return True

    # ---- the AlarmBook's readers ---------------------------------------------------------
    def open_alarms(self) -> list[Alarm]:
        with self._lock:
            return [copy.deepcopy(a) for a in self._open.values()]

    def get(self, alarm_id: str) -> Alarm | None:
        with self._lock:
            alarm = self._open.get(alarm_id) or next(
                (a for a in reversed(self.closed) if a.id == alarm_id), None)
            return copy.deepcopy(alarm) if alarm else None

    def find_open(self, device_id: str, type_: str) -> Alarm | None:
        with self._lock:
            alarm = next((a for a in self._open.values()
                          if a.device_id == device_id and a.type == type_), None)
            return copy.deepcopy(alarm) if alarm else None

    def snapshot(self) -> tuple[int, list[Alarm], list[Alarm]]:
        with self._lock:
            return (self.seq, [copy.deepcopy(a) for a in self._open.values()],
                    list(self.closed))


class DispatchMirror:
    def __init__(self, route: Callable[[str, str], list], sla: dict[int, Sla]) -> None:
        self._route = route
        self._sla = sla
        self._snap: DispatchSnapshot | None = None
        self._taken = 0.0

    def update(self, snap: DispatchSnapshot) -> None:
        self._snap, self._taken = snap, time.monotonic()

    @property
    def sla(self) -> dict[int, Sla]:
        return self._sla

    def snapshot(self) -> DispatchSnapshot:
        snap = self._snap
        if snap is None:
            return DispatchSnapshot(0, time.time(), [], [], {}, False, note("waiting"))
        aged = time.monotonic() - self._taken
        if aged < 0.05:
            return snap
        return msgspec.structs.replace(snap, at=snap.at + aged,
                                       orders=[_aged(v, aged) for v in snap.orders])

    def route(self, tech_id: str, order_id: str) -> list:
        return self._route(tech_id, order_id)


def _aged(view: OrderView, seconds: float) -> OrderView:
    sla = dict(view.sla)
    for key, value in view.sla.items():
        if key.endswith("_left_s") and isinstance(value, (int, float)):
            sla[key] = value - seconds
            sla[key.replace("_left_s", "_breached")] = sla[key] < 0
    return msgspec.structs.replace(view, sla=sla)


class CameraMirror:
    """Camera status, events and frames of the server's cameras."""

    WANT_S = 2.0  # a camera nobody asked for in this long is no longer pulled
    PULL_S = 1 / 12  # frames per second pulled per wanted camera, at most

    OVERLAYS_S = 0.5  # tracks, masks and facade grids change slower than frames
    EVENTS_KEPT = 1000  # the newest events, each with its clip on this desk's disk

    def __init__(self, cameras: Iterable[Camera], fetch: Callable[[str, int], Any],
                 fetch_clip: Callable[[str, Path], Path], cache_dir: Path,
                 fetch_overlays: Callable[[str], list] | None = None) -> None:
        self._cameras = {c.id: c for c in cameras}
        self._fetch, self._fetch_clip = fetch, fetch_clip
        self._fetch_overlays = fetch_overlays
        self._overlays: dict[str, tuple[float, tuple]] = {}
        self._cache_dir = cache_dir
        self._lock = threading.Lock()
        self._status: dict[str, CameraStatus] = {}
        self._events: deque[CameraEvent] = deque(maxlen=self.EVENTS_KEPT)
        self._frames: dict[str, FrameSnapshot] = {}
        self._wanted: dict[str, float] = {}
        self._pending: set[str] = set()
        self._downloads = ThreadPoolExecutor(max_workers=2, thread_name_prefix="ClipFetch")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._pull, name="CameraFramePuller",
                                        daemon=True)
        self.connected = True
        #: the construction review (RemoteConstruction), set by the room that has a server
        self.construction = None

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._downloads.shutdown(wait=False, cancel_futures=True)
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    # ---- the stream's side ---------------------------------------------------------------
    def set_status(self, status: dict[str, CameraStatus]) -> None:
        with self._lock:
            self._status.update(status)

    def add_events(self, events: Iterable[CameraEvent],
                   announce: Callable[[CameraEvent], None] | None = None) -> None:
        """New events; each is kept and announced once its clip is on this console (so
        replay works here), fetched on a worker so the stream never waits for a download."""
        with self._lock:
            known = {e.id for e in self._events} | self._pending
            fresh = [e for e in events if e.id not in known]
            self._pending.update(e.id for e in fresh)
        for event in fresh:
            self._downloads.submit(self._settle, event, announce)

    def _settle(self, event: CameraEvent,
                announce: Callable[[CameraEvent], None] | None) -> None:
        local = self._local_clip(event)
        event = msgspec.structs.replace(event, clip_path=local, snapshot_path=None)
        with self._lock:
            self._pending.discard(event.id)
            dropped = self._events[0] if len(self._events) == self._events.maxlen else None
            self._events.append(event)
        if dropped is not None and dropped.clip_path:  # its clip goes with it
            Path(dropped.clip_path).unlink(missing_ok=True)
        if announce is not None:
            announce(event)

    def _local_clip(self, event: CameraEvent) -> str | None:
        if not event.clip_path:
            return None
        target = self._cache_dir / f"{''.join(c for c in event.id if c.isalnum())}.mp4"
        if target.is_file():
            return str(target)
        try:
            return str(self._fetch_clip(event.id, target))
        except CommandError as exc:
            log.info("clip of %s not fetched: %s", event.id, exc)
            return None

    # ---- the CameraManager's readers -----------------------------------------------------
    def camera_ids(self) -> list[str]:
        return list(self._cameras)

    def status(self, camera_id: str) -> CameraStatus:
        with self._lock:
            status = self._status.get(camera_id)
        if status is None or not self.connected:
            return CameraStatus(False, 0.0, 0, 0, 0, "no data from the server", None)
        return status

    def latest(self, camera_id: str) -> FrameSnapshot | None:
        with self._lock:
            self._wanted[camera_id] = time.monotonic()
            return self._frames.get(camera_id)

    def events(self) -> list[CameraEvent]:
        with self._lock:
            return list(self._events)

    def settings(self, camera_id: str) -> None:
        return None  # masks and facades live on the server; editors read the overlays

    def nearest_camera(self, xyz: tuple[float, float, float]) -> str | None:
        return nearest_camera(self._cameras.values(), xyz)

    # ---- pulling frames ------------------------------------------------------------------
    def _pull(self) -> None:
        while not self._stop.is_set():
            started = time.monotonic()
            with self._lock:
                wanted = [c for c, t in self._wanted.items() if started - t < self.WANT_S]
            for camera_id in wanted:
                if self._stop.is_set() or not self.connected:
                    break
                self._pull_one(camera_id)
            self._stop.wait(max(0.01, self.PULL_S - (time.monotonic() - started)))

    def _overlays_of(self, camera_id: str) -> tuple:
        now = time.monotonic()
        fetched_at, overlays = self._overlays.get(camera_id, (0.0, ()))
        if self._fetch_overlays is not None and now - fetched_at >= self.OVERLAYS_S:
            with contextlib.suppress(CommandError):
                overlays = tuple(self._fetch_overlays(camera_id))
            self._overlays[camera_id] = (now, overlays)
        return overlays

    def _pull_one(self, camera_id: str) -> None:
        with self._lock:
            old = self._frames.get(camera_id)
        try:
            got = self._fetch(camera_id, old.seq if old else -1)
        except CommandError:
            return
        if got is None:
            return
        seq, t, jpeg = got
        frame = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
        if frame is None:
            return
        frame.setflags(write=False)
        snap = FrameSnapshot(camera_id, frame, t, seq, self._overlays_of(camera_id),
                             self.status(camera_id))
        with self._lock:
            self._frames[camera_id] = snap
