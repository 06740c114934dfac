"""Bounded per-device history for the inspector's trend, filled from the StateStore.

Only the selected device and a small LRU of recently viewed ones are tracked, so a UI tick
costs O(tracked) (a handful of dict lookups), never O(devices). A trend therefore starts
when a device is first selected and builds up live; older samples fall off the ring.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Mapping

import numpy as np

from app.state.store import StateStore

#: samples kept per device: at one report a second this is ten minutes
CAPACITY = 600
#: devices remembered besides the selected one
LRU_SIZE = 8


class _Ring:
    __slots__ = ("samples", "last_version")

    def __init__(self, capacity: int) -> None:
        self.samples: deque[tuple[float, Mapping[str, float]]] = deque(maxlen=capacity)
        self.last_version = -1


class DeviceHistory:
    def __init__(self, store: StateStore, *, capacity: int = CAPACITY,
                 lru_size: int = LRU_SIZE) -> None:
        self._store = store
        self._capacity = capacity
        self._lru_size = lru_size
        self._rings: OrderedDict[str, _Ring] = OrderedDict()

    def watch(self, device_id: str) -> None:
        """Track ``device_id`` (most recent first); the least recently viewed one beyond the
        LRU is forgotten."""
        ring = self._rings.pop(device_id, None) or _Ring(self._capacity)
        self._rings[device_id] = ring
        while len(self._rings) > self._lru_size + 1:
            self._rings.popitem(last=False)
        self._sample_one(device_id, ring)

    def tracked(self) -> list[str]:
        return list(reversed(self._rings))

    def sample(self) -> None:
        """Called on the UI timer: record any new reading of the tracked devices."""
        for device_id, ring in self._rings.items():
            self._sample_one(device_id, ring)

    def _sample_one(self, device_id: str, ring: _Ring) -> None:
        state = self._store.get(device_id)
        if state is None or state.version == ring.last_version:
            return
        ring.last_version = state.version
        t = state.ts if state.ts is not None else state.seen_at
        if t is None or not state.values:
            return
        if ring.samples and ring.samples[-1][0] >= t:
            # same reading seen again (e.g. a status change bumped the version): keep the
            # newest values but do not add a duplicate point in time
            if ring.samples[-1][0] == t:
                ring.samples[-1] = (t, state.values)
            return
        ring.samples.append((t, state.values))

    def series(self, device_id: str, point: str) -> tuple[np.ndarray, np.ndarray]:
        """Epoch seconds and values of one point, oldest first (empty when unknown)."""
        ring = self._rings.get(device_id)
        if ring is None:
            return np.empty(0), np.empty(0)
        pairs = [(t, v[point]) for t, v in ring.samples if point in v]
        if not pairs:
            return np.empty(0), np.empty(0)
        arr = np.asarray(pairs, dtype=float)
        return arr[:, 0], arr[:, 1]

    def version(self, device_id: str) -> int:
        ring = self._rings.get(device_id)
        return -1 if ring is None else ring.last_version
