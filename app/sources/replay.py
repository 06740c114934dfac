"""ReplaySource: a recording played back through the same sink as live data (the data side
of training mode). Read-only by construction: ``can_publish`` is False and ``publish``
raises ``PublishNotAllowed``, so nothing in replay can command a real device.

The ``ReplayWorker`` thread streams the file (a long recording is never loaded whole) and
keeps the recorded gaps between messages divided by ``speed`` (``speed <= 0`` = as fast as
possible). Messages are stamped ``received_at`` with the replay's wall clock, as if live.
Device timestamps stay as recorded, so an engine replaying an old recording must run
ingest without the clock-skew check (``Ingest(max_clock_skew_s=None)``).

Only what devices sent under the recording's root is delivered (app.recording.selection):
the control room's own alarms, orders and status in an old recording are not fed back as if
devices had sent them; the skipped frames are counted in ``selection.skipped``.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from app.recording.format import read_header, read_recording
from app.recording.selection import ReplaySelection
from app.sources.base import MessageSink, Source, SourceStatus
from app.wire.message import RawMessage

log = logging.getLogger(__name__)

BATCH_MAX = 2000


class ReplaySource(Source):
    name = "replay"
    can_publish = False

    def __init__(self, path: str | Path, speed: float = 1.0, *, loop: bool = False,
                 root: str = "cr/demo") -> None:
        """``root``: the topic root of recordings whose header does not name theirs."""
        self.path = Path(path)
        self.header = read_header(self.path)  # RecordingError now, not on the worker thread
        self.selection = ReplaySelection(self.header, root)
        self.speed = speed
        self.loop = loop
        self.delivered = 0
        self.skipped_lines: list[int] = []
        self.finished = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        return f"ReplaySource({str(self.path)!r}, speed={self.speed:g})"

    def start(self, sink: MessageSink) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self.finished.clear()
        self._thread = threading.Thread(target=self._run, args=(sink,), name="ReplayWorker",
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        thread, self._thread = self._thread, None
        self._stop.set()
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    def status(self) -> SourceStatus:
        state = "finished" if self.finished.is_set() else "replaying"
        return SourceStatus(connected=not self.finished.is_set(),
                            detail=f"{state} {self.path.name} ×{self.speed:g}: "
                                   f"{self.delivered} messages")

    # publish: the base class raises PublishNotAllowed — replay never commands devices

    def _run(self, sink: MessageSink) -> None:
        try:
            while not self._stop.is_set():
                self._play_once(sink)
                if not self.loop:
                    break
        except Exception:  # a damaged file must end the replay, not the program
            log.exception("replay of %s failed", self.path)
        finally:
            self.finished.set()
        if self.skipped_lines:
            log.warning("replay of %s skipped %d damaged lines (first: line %d)", self.path,
                        len(self.skipped_lines), self.skipped_lines[0])

    def _play_once(self, sink: MessageSink) -> None:
        fast = self.speed <= 0
        start_wall = time.monotonic()
        first_t: float | None = None
        batch: list[RawMessage] = []
        for frame in read_recording(self.path, self.skipped_lines):
            if first_t is None:
                first_t = frame.t
            if not fast:
                due = start_wall + max(0.0, frame.t - first_t) / self.speed
                wait = due - time.monotonic()
                if wait > 0.002:
                    if batch:  # deliver what is due before sleeping
                        self._deliver(sink, batch)
                        batch = []
                        wait = due - time.monotonic()
                    if wait > 0 and self._stop.wait(wait):
                        return
            if self.selection.judge(frame) is None:
                batch.append(RawMessage(frame.topic, frame.payload, time.time()))
            if len(batch) >= BATCH_MAX:
                self._deliver(sink, batch)
                batch = []
            if self._stop.is_set():
                return
        if batch:
            self._deliver(sink, batch)

    def _deliver(self, sink: MessageSink, batch: list[RawMessage]) -> None:
        try:
            sink(batch)
        except Exception:
            log.exception("replay sink failed on a batch of %d messages", len(batch))
        self.delivered += len(batch)
