"""ReplaySource: a recording played back through the same sink as live data (the data side
of training mode). Read-only by construction: ``can_publish`` is False and ``publish``
raises ``PublishNotAllowed``, so nothing in replay can command a real device.

The ``ReplayWorker`` thread streams the file (a long recording is never loaded whole)
through a ``RecordingCursor`` and follows a clock: the recorded time of a message
(``started_at + t``) is when it falls due. Given a clock (the engine's VirtualClock), the
replay pauses, speeds up and seeks with it and stamps ``received_at`` with it; without one
it makes its own clock running at ``speed`` (``speed <= 0`` = as fast as possible) and
stamps the wall clock, as if live. Device timestamps stay as recorded, so an engine on the
wall clock replaying an old recording must run ingest without the clock-skew check
(``Ingest(max_clock_skew_s=None)``). ``due_batches`` is the one pacer: the ``replay``
command republishing to a broker uses it too.

Only what devices sent under the recording's root is delivered (app.recording.selection):
the control room's own alarms, orders and status in an old recording are not fed back as if
devices had sent them; the skipped frames are counted in ``selection.skipped``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from app.clock import Clock, VirtualClock
from app.recording.cursor import RecordingCursor
from app.recording.format import Frame, read_header
from app.recording.selection import ReplaySelection
from app.sources.base import MessageSink, Source, SourceStatus
from app.wire.message import RawMessage

log = logging.getLogger(__name__)

BATCH_MAX = 2000
#: a replay may run at any speed an operator asks for (the player's 0.25–10× is narrower)
REPLAY_SPEEDS = (1e-3, 1e6)


def replay_clock(cursor: RecordingCursor, speed: float) -> Clock | None:
    """A clock starting at the recording's first message, running at ``speed``; None (as
    fast as possible) for ``speed <= 0``."""
    if speed <= 0:
        return None
    first = cursor.peek_t() or 0.0
    return VirtualClock(cursor.header.started_at + first, speed=speed, playing=True,
                        limits=REPLAY_SPEEDS)


def due_batches(cursor: RecordingCursor, clock: Clock | None, stop: threading.Event,
                batch_max: int = BATCH_MAX) -> Iterator[list[Frame]]:
    """The recording in batches as they fall due on ``clock`` (whose time is the
    recording's, ``header.started_at + frame.t``); ``clock=None``: as fast as possible.
    Ends at the end of the recording or when ``stop`` is set."""
    start = cursor.header.started_at
    while not stop.is_set():
        batch = (cursor.next(batch_max) if clock is None
                 else cursor.until(clock() - start, batch_max))
        if batch:
            yield batch
            continue
        upcoming = cursor.peek_t()
        if upcoming is None or clock is None:
            return
        if clock.sleep(start + upcoming - clock(), stop):
            return


class ReplaySource(Source):
    name = "replay"
    can_publish = False

    def __init__(self, path: str | Path, speed: float = 1.0, *, loop: bool = False,
                 clock: Clock | None = None, root: str = "cr/demo") -> None:
        """``root``: the topic root of recordings whose header does not name theirs."""
        self.path = Path(path)
        self.header = read_header(self.path)  # RecordingError now, not on the worker thread
        self.selection = ReplaySelection(self.header, root)
        self.speed = speed
        self.loop = loop
        self.clock = clock
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
        speed = getattr(self.clock, "speed", self.speed)
        return SourceStatus(connected=not self.finished.is_set(),
                            detail=f"{state} {self.path.name} ×{speed:g}: "
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
        with RecordingCursor(self.path, skipped=self.skipped_lines) as cursor:
            clock = self.clock or replay_clock(cursor, self.speed)
            start = self.header.started_at
            for due in due_batches(cursor, clock, self._stop):
                frames = [f for f in due if self.selection.judge(f) is None]
                if not frames:
                    continue
                if self.clock is not None:  # the engine's own time: as recorded
                    batch = [RawMessage(f.topic, f.payload, start + f.t) for f in frames]
                else:  # an engine on the wall clock: as if it came in now
                    now = time.time()
                    batch = [RawMessage(f.topic, f.payload, now) for f in frames]
                self._deliver(sink, batch)

    def _deliver(self, sink: MessageSink, batch: list[RawMessage]) -> None:
        try:
            sink(batch)
        except Exception:
            log.exception("replay sink failed on a batch of %d messages", len(batch))
        self.delivered += len(batch)
