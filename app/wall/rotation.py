"""Rotation of a camera group, and the watchdog of a feed: pure, driven by the caller's
clock (the wall's, a virtual one in tests and benchmarks).

A ``Rotation`` shows each item for ``dwell_s`` (never below 3 s), then the next; holding it
(an alarm took the tile over) stops the time, and it resumes with what was left of the
dwell. Groups on one wall start out of phase (``offset_s``), so the wall never flips all its
tiles at once. A pinned tile has no Rotation at all.

A ``FeedWatch`` knows when its feed last delivered something new: stale after ``stale_s``,
stalled (to be restarted) after ``stall_s``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from app.wall.model import MIN_DWELL_S

T = TypeVar("T")


class Rotation(Generic[T]):
    def __init__(self, items: Sequence[T], dwell_s: float, *, now: float,
                 offset_s: float = 0.0) -> None:
        if not items:
            raise ValueError("a rotation needs at least one item")
        if dwell_s < MIN_DWELL_S:
            raise ValueError(f"dwell must be at least {MIN_DWELL_S:g} s, got {dwell_s:g}")
        self.items = list(items)
        self.dwell_s = float(dwell_s)
        self.index = 0
        self._due = now + self.dwell_s + offset_s % self.dwell_s
        self._held_left: float | None = None

    @property
    def current(self) -> T:
        return self.items[self.index]

    @property
    def rotates(self) -> bool:
        return len(self.items) > 1

    @property
    def held(self) -> bool:
        return self._held_left is not None

    def due_at(self) -> float | None:
        return None if self.held or not self.rotates else self._due

    def tick(self, now: float) -> bool:
        """Advance when the dwell is over; True when the item changed. A tick long after the
        due time (the wall was frozen) moves one step, never a burst of steps."""
        if self.held or not self.rotates or now < self._due:
            return False
        self.index = (self.index + 1) % len(self.items)
        self._due += self.dwell_s
        if self._due <= now:  # far behind: start a full dwell from now
            self._due = now + self.dwell_s
        return True

    def hold(self, now: float) -> None:
        if self._held_left is None:
            self._held_left = max(0.0, self._due - now)

    def resume(self, now: float) -> None:
        if self._held_left is not None:
            self._due = now + self._held_left
            self._held_left = None


class FeedWatch:
    """Last progress of a feed; ``stale`` and ``stalled`` against the caller's clock."""

    def __init__(self, stale_s: float, stall_s: float, *, now: float) -> None:
        if not 0 < stale_s <= stall_s:
            raise ValueError("need 0 < stale_s <= stall_s")
        self.stale_s, self.stall_s = stale_s, stall_s
        self.last = now
        self.restarts = 0
        self._restarted_at: float | None = None

    def progress(self, now: float) -> None:
        self.last = now

    def age(self, now: float) -> float:
        return max(0.0, now - self.last)

    def stale(self, now: float) -> bool:
        return self.age(now) >= self.stale_s

    def stalled(self, now: float) -> bool:
        """Nothing new for ``stall_s``, and no restart within the last ``stall_s``."""
        recent = self._restarted_at is not None and now - self._restarted_at < self.stall_s
        return self.age(now) >= self.stall_s and not recent

    def restarted(self, now: float) -> None:
        """The feed was restarted: it gets a full stall period before the next restart."""
        self.restarts += 1
        self._restarted_at = now
