"""The player: one pacer for the whole engine of a training run.

The engine's clock (a paused ``VirtualClock``) is moved by the player only, one step of
``STEP_S`` scenario seconds at a time, on a fixed grid from the scenario's start. Each step:
the feed's messages due by then, the timeline's events due, the faults laid over the
messages, ingest, then the engine's time-driven work (staleness, alarm delays and
escalation, SLA timers, the handsets). So the engine's state is a function of the steps
alone: 10× is ten steps per second, a pause is no step, and playing through to a moment
and seeking to it land on the same state.

The operator's clock (``pace``, a playing ``VirtualClock`` at 0.25–10×) says how far the
steps should have got; the ``TrainingPlayer`` thread steps until they have. When the machine
cannot keep up, the scenario waits for the engine (``achieved_speed`` says how fast it
really went) rather than skip steps.

Seeking forward steps as fast as the machine can; seeking back restores the newest
snapshot at or before the moment (one every ``SNAPSHOT_EVERY_S`` of scenario time) and
steps from there. Requests from other threads (seek, inject now) run on the player's
thread, between steps.
"""

from __future__ import annotations

import bisect
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.clock import VirtualClock
from app.training.feeds import Feed
from app.training.injector import Injector
from app.training.snapshots import EngineSnapshots, Snapshot

if TYPE_CHECKING:
    from app.runtime.engine import Engine

log = logging.getLogger(__name__)

STEP_S = 1.0  # the engine's housekeeping period: one step is one housekeeping round
SNAPSHOT_EVERY_S = 300.0
CHUNK = 5000  # messages handed to ingest at once
LAG_S = 5.0  # behind the pace by more than this: the pace waits for the engine


class PlayerError(ValueError):
    """A request the player cannot do (a moment outside the scenario)."""


class Player:
    def __init__(self, engine: Engine, feed: Feed, injector: Injector, clock: VirtualClock,
                 snapshots: EngineSnapshots, *, duration_s: float,
                 snapshot_every_s: float = SNAPSHOT_EVERY_S,
                 lock: threading.RLock | None = None,
                 on_rewind: Callable[[float], None] = lambda _t: None,
                 redo: Callable[[float], int] = lambda _t: 0,
                 on_change: Callable[[], None] = lambda: None) -> None:
        self.engine, self.feed, self.injector, self.clock = engine, feed, injector, clock
        self.snapshots = snapshots
        self.start = feed.start
        self.last_step = int(round(duration_s / STEP_S))
        self.snapshot_every = max(1, int(round(snapshot_every_s / STEP_S)))
        self.pace = VirtualClock(self.start, speed=1.0)
        # held for a step, a restore, a trainee's command (TrainingCommandHandler)
        self.lock = lock or threading.RLock()
        self.k = -1  # the last step done (-1: none yet)
        self.busy = ""  # "seeking" while a seek runs
        self.achieved_speed = 0.0
        self.steps_done = 0  # steps run in all (seeks included): the bench reads it
        #: (step, engine snapshot, feed position, injector state), oldest first
        self._kept: list[tuple[int, Snapshot, object, object]] = []
        self._on_rewind = on_rewind
        self._redo = redo
        self._on_change = on_change
        self._requests: deque[Callable[[], None]] = deque()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._rate: deque[tuple[float, int]] = deque(maxlen=50)

    # ---- where it is -------------------------------------------------------------------
    @property
    def t(self) -> float:
        """Scenario time (epoch seconds) of the last step."""
        return self.start + max(self.k, 0) * STEP_S

    @property
    def at_s(self) -> float:
        return max(self.k, 0) * STEP_S

    @property
    def end(self) -> float:
        return self.start + self.last_step * STEP_S

    @property
    def finished(self) -> bool:
        return self.k >= self.last_step

    @property
    def playing(self) -> bool:
        return self.pace.playing

    @property
    def snapshot_count(self) -> int:
        return len(self._kept)

    def snapshot_bytes(self) -> int:
        return sum(kept[1].size for kept in self._kept)

    # ---- stepping (the player's thread, or a caller driving it by hand) ------------------
    def begin(self) -> None:
        """The first step: the feed's opening messages (births), the first snapshot."""
        if self.k < 0:
            self.step_to(0)

    def step_to(self, k: int) -> None:
        """Step until step ``k`` is done (never beyond the scenario's end)."""
        k = min(k, self.last_step)
        while self.k < k:
            self._step(self.k + 1)

    def _step(self, k: int) -> None:
        t = self.start + k * STEP_S
        engine = self.engine
        with self.lock:
            self.clock.seek(t)
            messages = self.feed.until(t)
            self.injector.fire_due(t)
            messages = self.injector.overlay.apply(messages, t)
            for i in range(0, len(messages), CHUNK):
                engine.ingest.handle_batch(messages[i:i + CHUNK])
            engine.housekeeping_step()
            self.k = k
            self.steps_done += 1
            if k % self.snapshot_every == 0 and (not self._kept or self._kept[-1][0] < k):
                self._kept.append((k, self.snapshots.take(t), self.feed.position(),
                                   self.injector.state()))
            self._replay(t)  # after the snapshot: people act between two steps

    def _replay(self, t: float) -> None:
        """What people did at ``t`` and a seek back undid, done again at its moment."""
        with self.lock:
            if self._redo(t):
                messages = self.injector.overlay.apply([], t)
                for i in range(0, len(messages), CHUNK):
                    self.engine.ingest.handle_batch(messages[i:i + CHUNK])

    # ---- requests ----------------------------------------------------------------------
    def seek(self, at_s: float, *, wait: bool = False) -> None:
        """Go to ``at_s`` seconds after the start (rounded to the step grid)."""
        if not 0 <= at_s <= self.last_step * STEP_S:
            raise PlayerError(f"{at_s:.0f} s is outside the scenario (0 … "
                              f"{self.last_step * STEP_S:.0f} s)")
        self._request(lambda: self.seek_now(at_s), wait)

    def seek_now(self, at_s: float) -> None:
        """The seek itself (on the caller's thread; the player's thread uses it too)."""
        k = max(0, min(self.last_step, int(round(at_s / STEP_S))))
        self.busy = "seeking"
        self._on_change()
        try:
            if k < self.k:
                self._back_to(k)
            self.step_to(k)
        finally:
            self.busy = ""
        self.pace.seek(self.t)
        if self.finished:
            self.pace.pause()
        self._on_change()

    def _back_to(self, k: int) -> None:
        """Restore the newest snapshot at or before step ``k``; later ones go (the run
        after ``k`` is about to be played again, differently)."""
        steps = [kept[0] for kept in self._kept]
        i = bisect.bisect_right(steps, k) - 1
        if i < 0:
            raise PlayerError("no snapshot to go back to")  # the first step always has one
        step, snapshot, position, injector_state = self._kept[i]
        with self.lock:
            self.clock.seek(snapshot.at)
            self.snapshots.restore(snapshot)
            self.feed.seek(position)
            self.injector.restore(injector_state)
            self.k = step
            del self._kept[i + 1:]
            self._on_rewind(snapshot.at)  # undone from the snapshot on, redone as it goes
            self._replay(snapshot.at)

    def end_now(self) -> None:
        """End the run at the present step: what is left of the scenario is not played."""
        def end() -> None:
            self.pace.pause()
            self.last_step = max(self.k, 0)
            self._on_change()
        self._request(end, wait=False)

    def inject_now(self, do: Callable[[], None]) -> None:
        """Run ``do`` (queue an injection) and make it happen at this moment, paused or
        not: a step of no time delivers what it set off (a seek back through this moment
        does it again: the session's ``redo``)."""
        def now() -> None:
            do()
            with self.lock:
                t = self.t
                self.injector.fire_due(t)
                messages = self.injector.overlay.apply([], t)
                if messages:
                    self.engine.ingest.handle_batch(messages)
            self._on_change()
        self._request(now, wait=False)

    def _request(self, do: Callable[[], None], wait: bool) -> None:
        if self._thread is None or not self._thread.is_alive():
            do()  # nobody steps meanwhile: do it here
            return
        done = threading.Event()

        def run() -> None:
            try:
                do()
            finally:
                done.set()
        self._requests.append(run)
        self._wake.set()
        if wait:
            done.wait()

    # ---- playing -----------------------------------------------------------------------
    def play(self) -> None:
        if not self.finished:
            self.pace.seek(self.t)
            self.pace.play()
            self._wake.set()
            self._on_change()

    def pause(self) -> None:
        self.pace.pause()
        self.pace.seek(self.t)
        self._wake.set()
        self._on_change()

    def set_speed(self, speed: float) -> None:
        self.pace.set_speed(speed)  # ValueError outside 0.25–10
        self._wake.set()
        self._on_change()

    def start_thread(self) -> None:
        """Pace the run on the player's own thread (its first step included, so a window
        shows at once and fills in when the feed's opening messages are in)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="TrainingPlayer",
                                            daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=30)

    def _run(self) -> None:
        try:
            self.begin()
        except Exception:  # the session is useless, but the window must still close
            log.exception("training could not take its first step")
        self._on_change()
        while not self._stop.is_set():
            while self._requests:
                try:
                    self._requests.popleft()()
                except Exception:  # one bad request must not end the session
                    log.exception("training player request failed")
            if self.finished and self.pace.playing:
                self.pace.pause()
                self._on_change()
            target = self.pace()
            if not self.pace.playing or self.finished or target < self.t + STEP_S:
                wait = 0.1 if not self.pace.playing else min(
                    0.1, max(0.0, (self.t + STEP_S - target) / self.pace.speed))
                self._wake.wait(wait)
                self._wake.clear()
                continue
            try:
                self._step(self.k + 1)
            except Exception:  # a step that fails is logged; the run goes on
                log.exception("training step at %.0f failed", self.t)
                self.k += 1
            self._measure()
            if self.pace() - self.t > LAG_S * self.pace.speed:
                self.pace.seek(self.t)  # cannot keep up: the scenario waits for the engine
            self._on_change()

    def _measure(self) -> None:
        now = time.monotonic()
        self._rate.append((now, self.k))
        first_at, first_k = self._rate[0]
        if now - first_at > 0.5:
            self.achieved_speed = (self.k - first_k) * STEP_S / (now - first_at)
