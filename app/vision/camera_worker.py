"""Per-camera threads: ``CameraWorker`` captures, ``CameraAnalysisWorker`` analyses.

Capture never waits for analysis: frames go through a small bounded queue that drops the
OLDEST frame when full and counts it, so the detector always works on the newest frames and
a slow detector shows up as a drop count, not as growing lag. Privacy masks are burnt into
the frame right after decoding, before the frame is queued, shown, buffered or recorded.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import cv2
import numpy as np

from app.domain.model import Camera
from app.vision.camera_settings import CameraSettings
from app.vision.camera_source import FrameReader
from app.vision.source import VideoSourceError

log = logging.getLogger(__name__)


class FrameQueue:
    """Bounded FIFO of (frame, t, seq) that drops the oldest entry instead of blocking."""

    def __init__(self, maxlen: int) -> None:
        self._items: collections.deque = collections.deque()
        self.maxlen = maxlen
        self.dropped = 0
        self._cond = threading.Condition()

    def put(self, item: tuple) -> None:
        with self._cond:
            if len(self._items) >= self.maxlen:
                self._items.popleft()
                self.dropped += 1
            self._items.append(item)
            self._cond.notify()

    def get(self, timeout: float) -> tuple | None:
        with self._cond:
            if not self._items:
                self._cond.wait(timeout)
            return self._items.popleft() if self._items else None

    def __len__(self) -> int:
        return len(self._items)


@dataclass
class Backoff:
    first_s: float = 0.5
    max_s: float = 30.0
    current: float = field(init=False, default=0.0)

    def next(self) -> float:
        self.current = self.first_s if self.current == 0 else min(self.max_s, self.current * 2)
        return self.current

    def reset(self) -> None:
        self.current = 0.0


FIRST_FRAME_GRACE_S = 30.0


class CameraRuntime:
    """Everything one camera's threads share with the manager (guarded by ``lock``)."""

    def __init__(self, camera: Camera, settings: CameraSettings, next_uri: Callable[[], str],
                 *, analysed: bool, queue_len: int, clock: Callable[[], float]) -> None:
        self.camera = camera
        self.id = camera.id
        self.settings = settings
        self.settings_version = 0
        self.next_uri = next_uri  # file / URL, or the next demo clip
        self.analysed = analysed
        self.clock = clock
        self.lock = threading.Lock()
        self.queue = FrameQueue(queue_len)
        self.latest: tuple[np.ndarray, float, int] | None = None
        self.overlays: tuple = ()
        self.frames = 0
        self.reconnects = 0
        self.fps = 0.0
        self.arrivals: collections.deque[float] = collections.deque()
        self.last_error: str | None = None
        self.last_frame_at: float | None = None  # wall clock of the newest frame
        self.started_at = clock()
        self.lost = False
        self.tamper: str | None = None
        self.source_fps = 0.0

    def set_settings(self, settings: CameraSettings) -> None:
        with self.lock:
            self.settings = settings
            self.settings_version += 1

    def mask(self, frame: np.ndarray) -> np.ndarray:
        polys = self.settings.privacy_masks
        if polys:
            cv2.fillPoly(frame, [np.round(np.array(p)).astype(np.int32) for p in polys],
                         (0, 0, 0))
        return frame


class CameraWorker(threading.Thread):
    """Capture loop: open (with backoff), read, mask, publish latest, queue for analysis."""

    def __init__(self, rt: CameraRuntime, stop: threading.Event, *, backoff: Backoff,
                 open_timeout_s: float, read_timeout_s: float) -> None:
        super().__init__(name=f"CameraWorker-{rt.id}", daemon=True)
        self.rt = rt
        self._halt = stop
        self.backoff = backoff
        self.open_timeout_s = open_timeout_s
        self.read_timeout_s = read_timeout_s

    def run(self) -> None:
        rt = self.rt
        failed = False  # the previous source ended in a failure: the next open is a reconnect
        first = True
        while not self._halt.is_set():
            try:
                uri = rt.next_uri()
                if first:
                    # a demo feed is generated on first use: the video-loss watchdog counts
                    # from when the source exists, not from while it was being made
                    rt.started_at = rt.clock()
                    first = False
                reader = FrameReader(uri, open_timeout_s=self.open_timeout_s,
                                     read_timeout_s=self.read_timeout_s, clock=rt.clock)
            except (VideoSourceError, OSError, ValueError) as exc:
                if self._halt.is_set():  # e.g. a demo feed's making cancelled by stop()
                    break
                self._failed(str(exc), first=not failed)
                failed = True
                self._halt.wait(self.backoff.next())
                continue
            if failed:
                rt.reconnects += 1
                log.info("camera %s: reconnected to %s", rt.id, reader.uri)
            failed = False
            rt.source_fps = reader.fps
            got = self._pump(reader)
            reader.close()
            if self._halt.is_set():
                break
            if reader.is_file and got:
                continue  # a file (or demo clip) ended: play it (or the next) again
            self._failed(f"{reader.uri}: stream ended or stalled", first=True)
            failed = True
            self._halt.wait(self.backoff.next())

    def _failed(self, message: str, first: bool) -> None:
        self.rt.last_error = message
        if first:  # one line per outage, not one per retry
            log.warning("camera %s: %s; retrying with backoff", self.rt.id, message)

    def _pump(self, reader: FrameReader) -> int:
        rt, got = self.rt, 0
        while not self._halt.is_set():
            item = reader.read()
            if item is None:
                return got
            frame, t = item
            got += 1
            if got == 1:
                self.backoff.reset()
                rt.last_error = None
            frame = rt.mask(frame)
            frame.flags.writeable = False  # shared with the UI and the analysis: read-only
            now = rt.clock()
            with rt.lock:
                # rate over the last ~2 s of arrivals: per-frame gaps jitter with pacing
                rt.arrivals.append(now)
                while len(rt.arrivals) > 2 and now - rt.arrivals[0] > 2.0:
                    rt.arrivals.popleft()
                if len(rt.arrivals) >= 2 and now > rt.arrivals[0]:
                    rt.fps = (len(rt.arrivals) - 1) / (now - rt.arrivals[0])
                rt.last_frame_at = now
                rt.frames += 1
                rt.latest = (frame, t, rt.frames)
            rt.queue.put((frame, t, rt.frames))
        return got


class CameraAnalysisWorker(threading.Thread):
    """Consumes the queue: video-loss watchdog, tampering, detector, evidence (``handler``)."""

    def __init__(self, rt: CameraRuntime, stop: threading.Event, handler, *,
                 loss_s: float) -> None:
        super().__init__(name=f"CameraAnalysisWorker-{rt.id}", daemon=True)
        self.rt = rt
        self._halt = stop
        self.handler = handler  # the manager's per-camera analysis (see cameras.py)
        self.loss_s = loss_s

    def run(self) -> None:
        rt = self.rt
        while not self._halt.is_set():
            item = rt.queue.get(timeout=0.25)
            now = rt.clock()
            last = rt.last_frame_at if rt.last_frame_at is not None else rt.started_at
            # before its first frame a camera that has not failed gets longer: connecting to a
            # stream (or making a demo feed on a busy machine) takes a while, and a false loss
            # at start-up is noise; a source that failed to open is lost at once
            waiting = rt.last_frame_at is None and rt.last_error is None
            limit = max(self.loss_s, FIRST_FRAME_GRACE_S) if waiting else self.loss_s
            if not rt.lost and now - last > limit:
                rt.lost = True
                self._safe(self.handler.video_lost, rt,
                           rt.last_error or f"no frame for {now - last:.0f} s")
            if item is None:
                self._safe(self.handler.idle, rt, now)
                continue
            if rt.lost:
                rt.lost = False
                self._safe(self.handler.video_restored, rt)
            self._safe(self.handler.frame, rt, *item)
        self._safe(self.handler.finish, rt)

    def _safe(self, fn, *args) -> None:
        try:
            fn(*args)
        except Exception:  # a bug in one analysis step must not kill the camera
            log.exception("camera %s: analysis failed", self.rt.id)
            time.sleep(0.05)
