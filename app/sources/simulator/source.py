"""SimulatorSource: the compound simulator as a live ``Source`` on a ``SimulatorWorker`` thread.

The first batch (birth + one reading of every device) goes out at once so the GUI is live
within a second; then every ``tick_s`` wall seconds simulated time moves on by
``tick_s × speed`` and the due messages go out as one batch.

The simulated clock starts at wall-clock now. Messages are stamped ``received_at`` with the
simulated time: that is this source's clock, and at speed > 1 it keeps device timestamps
within ingest's clock-skew window (the wall clock would fall behind by hours).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque

from app.config.model import SimulatorConfig
from app.scene.model import Scene
from app.sources.base import MessageSink, Source, SourceStatus
from app.wire.message import RawMessage
from app.wire.topics import TopicScheme

from .compound import CompoundSimulator, Message

log = logging.getLogger(__name__)

#: published messages kept for inspection (handsets and tests read them back)
PUBLISHED_KEPT = 1000


class SimulatorSource(Source):
    name = "simulator"
    can_publish = True

    def __init__(self, scene: Scene, config: SimulatorConfig, scheme: TopicScheme, *,
                 malformed_rate: float = 0.0) -> None:
        self.scene, self.config, self.scheme = scene, config, scheme
        self.malformed_rate = malformed_rate
        self.simulator: CompoundSimulator | None = None
        self.published: deque[tuple[str, bytes, int, bool]] = deque(maxlen=PUBLISHED_KEPT)
        self.batches = 0
        self.messages = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self, sink: MessageSink) -> None:
        with self._lock:
            if self._thread is not None:
                return
            self._stop.clear()
            self.simulator = CompoundSimulator(self.scene, self.scheme, seed=self.config.seed,
                                               faults=self.config.faults,
                                               malformed_rate=self.malformed_rate)
            self._thread = threading.Thread(target=self._run, args=(sink, self.simulator),
                                            name="SimulatorWorker", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        with self._lock:
            thread, self._thread = self._thread, None
            self._stop.set()
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    def status(self) -> SourceStatus:
        sim = self.simulator
        running = self._thread is not None and self._thread.is_alive()
        detail = f"simulated ×{self.config.speed:g}, seed {self.config.seed}"
        if sim is not None and sim.sim_time is not None:
            detail += time.strftime(", %Y-%m-%d %H:%M:%S", time.localtime(sim.sim_time))
        return SourceStatus(connected=running, detail=detail)

    def publish(self, topic: str, payload: bytes, *, qos: int = 1, retain: bool = False) -> None:
        """Accepted and kept: there are no real devices or handsets behind the simulator."""
        self.published.append((topic, bytes(payload), qos, retain))

    # ---- the worker -----------------------------------------------------------------------
    def _run(self, sink: MessageSink, sim: CompoundSimulator) -> None:
        tick, speed = self.config.tick_s, self.config.speed
        wall0 = time.monotonic()
        sim0 = time.time()
        self._deliver(sink, sim.birth(sim0) + sim.advance(sim0), sim0)
        n = 0
        while True:
            n += 1
            # fixed schedule on the monotonic clock: a slow batch does not make time drift
            if self._stop.wait(max(0.0, wall0 + n * tick - time.monotonic())):
                return
            now = sim0 + n * tick * speed
            try:
                messages = sim.advance(now)
            except Exception:  # a simulator bug must not take the data link down silently
                log.exception("simulator failed at %.3f", now)
                continue
            self._deliver(sink, messages, now)

    def _deliver(self, sink: MessageSink, messages: list[Message], at: float) -> None:
        if not messages:
            return
        batch = [RawMessage(topic, payload, at) for topic, payload, _ in messages]
        self.batches += 1
        self.messages += len(batch)
        try:
            sink(batch)
        except Exception:
            log.exception("simulator sink failed on a batch of %d", len(batch))
