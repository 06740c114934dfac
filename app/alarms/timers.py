"""On-delay and off-delay of alarm conditions, with pending start times that survive a
restart (a half-elapsed duration rule resumes where it was, not from zero).

A condition must hold continuously for ``on_delay`` before it raises, and be absent for
``off_delay`` before it clears; a spike shorter than the on-delay never raises.

``step`` only notes that the pending times changed; ``save`` writes them, at most once per
``SAVE_EVERY_S``, and the alarm engine calls it after releasing its own lock. Writing the
whole file on every change, under that lock, made a mass outage (hundreds of devices going
offline in one tick) hundreds of rewrites of a file of hundreds of entries while the
ingest thread waited for the lock: the simulator stalled, more devices went stale, and
``engine.stop()`` waited minutes to join it.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal, Protocol

Key = tuple[str, str]  # (device_id, alarm type)
Verdict = Literal["raise", "clear"] | None
SAVE_EVERY_S = 1.0  # real seconds between writes of the pending times (a crash loses less)


class PendingStore(Protocol):
    def load(self) -> dict[Key, float]: ...
    def save(self, pending: dict[Key, float]) -> None: ...


class MemoryPendingStore:
    def __init__(self) -> None:
        self.data: dict[Key, float] = {}

    def load(self) -> dict[Key, float]:
        return dict(self.data)

    def save(self, pending: dict[Key, float]) -> None:
        self.data = dict(pending)


class FilePendingStore:
    """Pending on-delay start times in a small JSON file, replaced atomically."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def load(self) -> dict[Key, float]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            # a damaged file loses only the pending delays, never alarms: start afresh
            return {}
        return {(d, t): float(since) for d, t, since in raw.get("pending", [])}

    def save(self, pending: dict[Key, float]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        body = json.dumps({"pending": [[d, t, s] for (d, t), s in sorted(pending.items())]},
                          ensure_ascii=False)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".pending-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(body)
        os.replace(tmp, self.path)


class ConditionTimers:
    """Tracks, per (device, type), since when a condition holds (not yet raised) or since
    when it has been absent (raised, not yet cleared)."""

    def __init__(self, store: PendingStore | None = None, *, save_every_s: float = SAVE_EVERY_S,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self._store = store or MemoryPendingStore()
        self._on_since: dict[Key, float] = self._store.load()
        self._off_since: dict[Key, float] = {}
        self._lock = threading.Lock()
        self._save_lock = threading.Lock()  # one writer at a time, the newest times last
        self._changed = False
        self._save_every_s = save_every_s
        self._monotonic = monotonic
        self._saved_at = float("-inf")
        self.saves = 0  # writes of the store so far (diagnostics, tests)

    def step(self, key: Key, present: bool, active: bool, t: float,
             on_delay: float, off_delay: float) -> Verdict:
        """Feed the condition's value at time ``t``; ``active`` says whether its alarm is
        currently raised. Returns "raise", "clear" or None."""
        with self._lock:
            if present:
                self._off_since.pop(key, None)
                if active:
                    return None
                since = self._on_since.get(key)
                if since is None:
                    since = self._on_since[key] = t
                    if on_delay > 0:
                        self._changed = True
                if t - since >= on_delay:
                    self._drop_pending(key)
                    return "raise"
                return None
            if key in self._on_since:
                self._drop_pending(key)
            if not active:
                return None
            since = self._off_since.setdefault(key, t)
            if t - since >= off_delay:
                del self._off_since[key]
                return "clear"
            return None

    def pending_since(self, key: Key) -> float | None:
        return self._on_since.get(key)

    def _drop_pending(self, key: Key) -> None:
        if self._on_since.pop(key, None) is not None:
            self._changed = True

    def save(self, *, force: bool = False) -> bool:
        """Write the pending times if they changed, at most once per ``save_every_s``
        (``force``: now). Call it holding no lock of your own: it writes a file. Returns
        whether it wrote."""
        if not self._changed:
            return False
        if not force and self._monotonic() - self._saved_at < self._save_every_s:
            return False
        if not self._save_lock.acquire(blocking=False):
            return False  # another thread is writing; what changed since, the next call saves
        try:
            with self._lock:
                if not self._changed:
                    return False
                pending, self._changed = dict(self._on_since), False
            self._saved_at = self._monotonic()
            try:
                self._store.save(pending)
            except BaseException:
                self._changed = True  # not written: the next call tries again
                raise
            self.saves += 1
            return True
        finally:
            self._save_lock.release()
