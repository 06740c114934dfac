"""Time as a dependency: one clock for the whole engine, chosen by the composition root.

``WallClock`` is the real time. ``VirtualClock`` is the time of a replay or a training
session: it runs at a speed (0.25–10×), pauses, and jumps when the player seeks, so alarm
delays, escalation, SLA timers, staleness and learned bands all follow the scenario.

A clock is called like ``time.time`` (``clock()`` → epoch seconds), so every component that
takes ``clock: Callable[[], float]`` accepts one. ``sleep(s)`` waits ``s`` seconds of *clock*
time (a paused clock never wakes it by itself; ``interrupt()`` does, e.g. on seek or stop).
"""

from __future__ import annotations

import math
import threading
import time
from typing import Protocol


class Clock(Protocol):
    def __call__(self) -> float: ...

    def sleep(self, seconds: float, stop: threading.Event | None = None) -> bool: ...


class WallClock:
    """The real time."""

    def __call__(self) -> float:
        return time.time()

    def sleep(self, seconds: float, stop: threading.Event | None = None) -> bool:
        """Wait; returns True when ``stop`` was set meanwhile."""
        if stop is None:
            time.sleep(max(0.0, seconds))
            return False
        return stop.wait(max(0.0, seconds))


WALL_CLOCK = WallClock()

MIN_SPEED = 0.25
MAX_SPEED = 10.0


class VirtualClock:
    """Scenario time: ``start`` epoch seconds at creation, paused until ``play()``.

    ``limits`` bound the speed: 0.25–10× for a player an operator drives; a replay that
    republishes a recording may ask for other speeds."""

    def __init__(self, start: float, *, speed: float = 1.0, playing: bool = False,
                 limits: tuple[float, float] = (MIN_SPEED, MAX_SPEED)) -> None:
        if not math.isfinite(start):
            raise ValueError("a virtual clock needs a finite start time")
        self._limits = limits
        self._cond = threading.Condition()
        self._base = float(start)  # virtual time at the last anchor
        self._anchor = time.monotonic()  # real time of the last anchor
        self._speed = self._checked(speed)
        self._playing = playing
        self._epoch = 0  # bumped by seek/interrupt: sleepers wake and re-check

    def _checked(self, speed: float) -> float:
        lo, hi = self._limits
        if not (math.isfinite(speed) and lo <= speed <= hi):
            raise ValueError(f"speed must be between {lo:g} and {hi:g}, got {speed}")
        return float(speed)

    def __call__(self) -> float:
        with self._cond:
            return self._now()

    def _now(self) -> float:
        if not self._playing:
            return self._base
        return self._base + (time.monotonic() - self._anchor) * self._speed

    def _reanchor(self) -> None:
        self._base = self._now()
        self._anchor = time.monotonic()

    @property
    def speed(self) -> float:
        return self._speed

    @property
    def playing(self) -> bool:
        return self._playing

    def play(self) -> None:
        with self._cond:
            self._reanchor()
            self._playing = True
            self._cond.notify_all()

    def pause(self) -> None:
        with self._cond:
            self._reanchor()
            self._playing = False
            self._cond.notify_all()

    def set_speed(self, speed: float) -> None:
        speed = self._checked(speed)
        with self._cond:
            self._reanchor()
            self._speed = speed
            self._cond.notify_all()

    def seek(self, t: float) -> None:
        if not math.isfinite(t):
            raise ValueError("cannot seek to a non-finite time")
        with self._cond:
            self._base = float(t)
            self._anchor = time.monotonic()
            self._epoch += 1
            self._cond.notify_all()

    def advance(self, seconds: float) -> None:
        """Move time forward by hand (tests, stepping while paused)."""
        with self._cond:
            self._reanchor()
            self._base += seconds
            self._epoch += 1
            self._cond.notify_all()

    def interrupt(self) -> None:
        """Wake every sleeper (they re-check their deadline)."""
        with self._cond:
            self._epoch += 1
            self._cond.notify_all()

    def sleep(self, seconds: float, stop: threading.Event | None = None) -> bool:
        """Wait ``seconds`` of virtual time (or until ``stop`` is set: returns True). A seek
        ends the wait early: the caller's loop re-reads the clock."""
        with self._cond:
            deadline = self._now() + max(0.0, seconds)
            epoch = self._epoch
            while True:
                if stop is not None and stop.is_set():
                    return True
                now = self._now()
                if now >= deadline or self._epoch != epoch:
                    return False
                real = (deadline - now) / self._speed if self._playing else 0.25
                # poll the stop event at least every 0.25 s of real time
                self._cond.wait(min(0.25, real))
