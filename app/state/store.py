"""StateStore: latest value per device point, online/stale, and change tracking.

Writers (the ingest thread) call ``apply_*``; readers (GUI timers, alarm engine) take
``snapshot()`` — an immutable mapping shared without copying device states — or ask
``changes_since(version)`` for the ids that changed, so the UI updates O(changed).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

import msgspec

from app.domain.kinds import Level
from app.domain.model import Device
from app.state.levels import values_level

#: change records kept for ``changes_since``, per device: a reader further behind than this
#: many changes per device is as well served by a full refresh (it costs one pass over the
#: devices either way), so a longer log only holds memory. It was a flat 200,000 records
#: (~18 MB, filled only after an hour of a busy compound's traffic: a soak saw it as growth).
_CHANGES_PER_DEVICE = 2
_CHANGELOG_MIN = 4096
#: silence longer than this many report intervals marks a device stale
STALE_FACTOR = 3.0


class DeviceState(msgspec.Struct, frozen=True):
    device_id: str
    values: Mapping[str, float]
    ts: float | None  # device time of the newest reading
    seen_at: float | None  # local time the newest message arrived
    online: bool | None  # None = never heard of its status topic
    level: Level
    version: int


class StateSnapshot(msgspec.Struct, frozen=True):
    version: int
    devices: Mapping[str, DeviceState]
    taken_at: float


class StateStore:
    """``clock`` is the time against which silence is judged: the wall clock live, the
    virtual clock of a replay or training session."""

    def __init__(self, devices: Iterable[Device],
                 clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._devices: dict[str, Device] = {d.id: d for d in devices}
        self._version = 0
        self._states: dict[str, DeviceState] = {
            d: DeviceState(d, MappingProxyType({}), None, None, None, Level.UNKNOWN, 0)
            for d in self._devices
        }
        self._changelog: deque[tuple[int, str]] = deque(maxlen=self._changelog_size())
        self._frozen: Mapping[str, DeviceState] | None = None

    # ---- writers -------------------------------------------------------------------------
    def register(self, device: Device) -> None:
        """Add or replace a device (birth message or operator registration)."""
        with self._lock:
            self._devices[device.id] = device
            if self._changelog.maxlen < self._changelog_size():  # the compound grew
                self._changelog = deque(self._changelog, maxlen=self._changelog_size())
            old = self._states.get(device.id)
            values = old.values if old else MappingProxyType({})
            self._put(device.id, values, old.ts if old else None, old.seen_at if old else None,
                      old.online if old else None)

    def remove(self, device_id: str) -> None:
        with self._lock:
            if self._devices.pop(device_id, None) is not None:
                self._states.pop(device_id, None)
                self._bump(device_id)

    def apply_values(self, device_id: str, values: Mapping[str, float], ts: float,
                     seen_at: float | None = None) -> bool:
        """Merge new point values; returns False when the device is unknown."""
        with self._lock:
            old = self._states.get(device_id)
            if old is None:
                return False
            if old.ts is not None and ts < old.ts:
                # an older reading arriving late must not overwrite a newer one
                merged = {**values, **old.values}
                ts = old.ts
            else:
                merged = {**old.values, **values}
            online = True if old.online is None else old.online
            self._put(device_id, MappingProxyType(merged), ts, seen_at or self._clock(), online)
            return True

    def apply_online(self, device_id: str, online: bool, seen_at: float | None = None) -> bool:
        with self._lock:
            old = self._states.get(device_id)
            if old is None:
                return False
            self._put(device_id, old.values, old.ts, seen_at or old.seen_at or self._clock(), online)
            return True

    def mirror(self, state: DeviceState) -> bool:
        """Take a state as another engine computed it (a remote console's mirror of its
        server): values, times and level as given; the version is this store's own, so
        ``changes_since`` works the same for the views. False for an unknown device."""
        with self._lock:
            if state.device_id not in self._devices:
                return False
            version = self._bump(state.device_id)
            self._states[state.device_id] = msgspec.structs.replace(state, version=version)
            return True

    def mark_stale(self, now: float | None = None) -> list[str]:
        """Re-evaluate staleness; returns the ids whose level changed. Call periodically."""
        now = self._clock() if now is None else now
        changed = []
        devices = self._devices
        with self._lock:
            for device_id, state in self._states.items():
                # only silence changes with time: offline and never-heard-of do not, and a
                # level was computed from these very values when they came in
                if state.online is False or state.seen_at is None:
                    continue
                stale = now - state.seen_at > STALE_FACTOR * devices[device_id].report_interval_s
                if stale == (state.level == Level.STALE):
                    continue
                level = self._level(device_id, state.values, state.seen_at, state.online, now)
                if level != state.level:
                    self._put(device_id, state.values, state.ts, state.seen_at, state.online, now)
                    changed.append(device_id)
        return changed

    # ---- readers -------------------------------------------------------------------------
    @property
    def version(self) -> int:
        return self._version

    def device(self, device_id: str) -> Device | None:
        return self._devices.get(device_id)

    def devices(self) -> list[Device]:
        with self._lock:
            return list(self._devices.values())

    def get(self, device_id: str) -> DeviceState | None:
        return self._states.get(device_id)

    def snapshot(self) -> StateSnapshot:
        """An immutable view; taking it is O(1) when nothing changed since the last one."""
        with self._lock:
            if self._frozen is None:
                self._frozen = MappingProxyType(dict(self._states))
            return StateSnapshot(self._version, self._frozen, self._clock())

    def changes_since(self, version: int) -> set[str] | None:
        """Ids changed after ``version``; None when the log no longer reaches back that far."""
        with self._lock:
            if version >= self._version:
                return set()
            if not self._changelog or self._changelog[0][0] > version + 1:
                return None
            out: set[str] = set()
            for v, device_id in reversed(self._changelog):
                if v <= version:
                    break
                out.add(device_id)
            return out

    # ---- internals (lock held) -----------------------------------------------------------
    def _changelog_size(self) -> int:
        return max(_CHANGELOG_MIN, _CHANGES_PER_DEVICE * len(self._devices))

    def _level(self, device_id: str, values: Mapping[str, float], seen_at: float | None,
               online: bool | None, now: float) -> Level:
        device = self._devices[device_id]
        if online is False:
            return Level.OFFLINE
        if seen_at is None:
            return Level.UNKNOWN
        if now - seen_at > STALE_FACTOR * device.report_interval_s:
            return Level.STALE
        return values_level(values, device.points)

    def _put(self, device_id: str, values: Mapping[str, float], ts: float | None,
             seen_at: float | None, online: bool | None, now: float | None = None) -> None:
        level = self._level(device_id, values, seen_at, online,
                            self._clock() if now is None else now)
        version = self._bump(device_id)
        self._states[device_id] = DeviceState(device_id, values, ts, seen_at, online, level,
                                              version)

    def _bump(self, device_id: str) -> int:
        self._version += 1
        self._changelog.append((self._version, device_id))
        self._frozen = None
        return self._version
