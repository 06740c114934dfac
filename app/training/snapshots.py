"""Snapshots of a running engine's state, so a training player can go back in time.

What is captured: the StateStore (device states, devices registered meanwhile), the alarm
book (open alarms, history, maintenance windows) and the alarm engine (condition timers,
rate windows, learned bands, flood roots, welfare), ingest (duplicates, parking, counts,
rejects, the feed's silence watch), acoustic localisation, dispatch (orders, roster, the
handsets' jobs, plans), the operations' parking and charger trackers and the recording
publisher's kept messages.

How: each engine object is captured by its fields (``vars``), so a field that a component
gains later is captured without anyone remembering to add it here. The fields are pickled
together (shared references stay shared); objects that are part of the engine's wiring
rather than its state — the scene, clocks, locks, listener lists, codecs, the storage
writer and the captured objects themselves — are pickled by identity and come back as the
very same objects. Restoring sets the fields back on the same objects (views keep their
references), under each object's own lock. The store and the book are restored through
their public methods, so versions and sequence numbers keep counting up and every view
hears what changed.
"""

from __future__ import annotations

import io
import pickle
import threading
import types
import zlib
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import msgspec

from app.listeners import Listeners
from app.state.store import DeviceState, StateStore

#: the lock types of the threading module (they cannot be pickled, nor should they be)
_LOCKS = (type(threading.Lock()), type(threading.RLock()), threading.Condition,
          threading.Event, threading.Thread, threading.Semaphore)
#: wiring kept by identity whatever object holds it
_KEEP = (*_LOCKS, Listeners, types.BuiltinMethodType, msgspec.json.Decoder,
         msgspec.json.Encoder, msgspec.msgpack.Decoder, msgspec.msgpack.Encoder,
         types.ModuleType)
#: fields that are caches or configuration, never restored
SKIP_FIELDS = frozenset({"_routes", "_rules", "_overrides", "_kind_overrides", "config",
                         "scene", "graph", "topics", "scheme", "clock", "_clock"})
#: counters that must keep counting up (views and consoles compare them)
MONOTONIC = frozenset({"version"})


class Snapshot(msgspec.Struct, frozen=True):
    at: float  # engine time it was taken at
    store: bytes  # zlib(pickle) of the store's devices and states
    book: bytes  # zlib(pickle) of the alarm book
    objects: bytes  # zlib(pickle) of the other captured objects' fields
    size: int = 0  # bytes in all


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, keep: dict[int, object]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._keep = keep

    def persistent_id(self, obj: object) -> int | None:
        key = id(obj)
        if key in self._keep:
            return key
        if isinstance(obj, _KEEP):
            self._keep[key] = obj
            return key
        return None

    def reducer_override(self, obj: object):  # noqa: ANN201
        if type(obj) is MappingProxyType:  # the store's read-only value maps
            return _read_only, (dict(obj),)
        return NotImplemented


def _read_only(values: dict) -> MappingProxyType:
    return MappingProxyType(values)


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, keep: Mapping[int, object]) -> None:
        super().__init__(file)
        self._keep = keep

    def persistent_load(self, pid: int) -> object:
        return self._keep[pid]


class EngineSnapshots:
    """Captures and restores one engine's state; ``objects`` are the captured engine
    objects by name, ``wiring`` more objects to keep by identity."""

    def __init__(self, store: StateStore, book, objects: Mapping[str, object],  # noqa: ANN001
                 wiring: Iterable[object] = ()) -> None:
        self.store = store
        self.book = book
        self.objects = dict(objects)
        # identity table: captured objects and wiring (and, as met, locks, listeners …)
        self._keep: dict[int, object] = {id(o): o for o in (store, book, *self.objects.values(),
                                                            *wiring)}

    # ---- capture ---------------------------------------------------------------------
    def take(self, at: float) -> Snapshot:
        states = self.store.snapshot().devices
        store = (self.store.devices(), [msgspec.structs.astuple(s) for s in states.values()])
        _, open_alarms, closed = self.book.snapshot()
        book = (open_alarms, closed, self.book.maintenance_windows())
        fields = {name: _fields(obj) for name, obj in self.objects.items()}
        parts = [zlib.compress(self._dumps(part), 1) for part in (store, book, fields)]
        return Snapshot(at, *parts, size=sum(len(p) for p in parts))

    def _dumps(self, value: object) -> bytes:
        return freeze(value, self._keep)

    def _loads(self, data: bytes) -> Any:
        return thaw(zlib.decompress(data), self._keep)

    # ---- restore ---------------------------------------------------------------------
    def restore(self, snapshot: Snapshot) -> None:
        """Put the engine back as it was at ``snapshot.at`` (the caller holds the player's
        lock: nothing else steps the engine meanwhile)."""
        devices, states = self._loads(snapshot.store)
        _restore_store(self.store, devices, [DeviceState(*s) for s in states])
        open_alarms, closed, windows = self._loads(snapshot.book)
        self.book.replace(open_alarms, closed, windows)
        fields = self._loads(snapshot.objects)
        for name, obj in self.objects.items():
            _set_fields(obj, fields[name])


def freeze(value: object, keep: dict[int, object]) -> bytes:
    """``value`` pickled, with the objects in ``keep`` (and locks, codecs …) by identity."""
    buffer = io.BytesIO()
    _Pickler(buffer, keep).dump(value)
    return buffer.getvalue()


def thaw(data: bytes, keep: Mapping[int, object]) -> Any:
    return _Unpickler(io.BytesIO(data), keep).load()


def _fields(obj: object) -> dict[str, object]:
    return {k: v for k, v in vars(obj).items() if k not in SKIP_FIELDS}


def _set_fields(obj: object, fields: dict[str, object]) -> None:
    lock = getattr(obj, "_lock", None) or getattr(obj, "lock", None)
    with lock if isinstance(lock, _LOCKS[:2]) else _nothing():
        for key, value in fields.items():
            if key in MONOTONIC:
                value = max(getattr(obj, key), value) + 1  # type: ignore[operator]
            setattr(obj, key, value)


class _nothing:  # noqa: N801 (a null context manager that costs nothing)
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _restore_store(store: StateStore, devices: list, states: list[DeviceState]) -> None:
    """Devices and states as they were, each state taken with a fresh version (views see
    every device as changed and redraw it)."""
    wanted = {d.id: d for d in devices}
    for device in store.devices():
        if device.id not in wanted:
            store.remove(device.id)
    for device in devices:
        if store.device(device.id) != device:
            store.register(device)
    for state in states:
        store.mirror(msgspec.structs.replace(
            state, values=MappingProxyType(dict(state.values))))

