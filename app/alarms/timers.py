"""On-delay and off-delay of alarm conditions, with pending start times that survive a
restart (a half-elapsed duration rule resumes where it was, not from zero).

A condition must hold continuously for ``on_delay`` before it raises, and be absent for
``off_delay`` before it clears; a spike shorter than the on-delay never raises.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path
from typing import Literal, Protocol

Key = tuple[str, str]  # (device_id, alarm type)
Verdict = Literal["raise", "clear"] | None


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

    def __init__(self, store: PendingStore | None = None) -> None:
        self._store = store or MemoryPendingStore()
        self._on_since: dict[Key, float] = self._store.load()
        self._off_since: dict[Key, float] = {}
        self._lock = threading.Lock()

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
                        self._store.save(self._on_since)
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
            self._store.save(self._on_since)
