"""Listeners that can leave: the one subscribe/emit mechanism of the engine.

``subscribe(fn)`` returns a ``Subscription``; closing it removes the listener. Bound methods
may be held weakly (``weak=True``), so a view that is garbage-collected drops out by itself
instead of being called after its Qt object died. ``emit`` calls each listener with a copy
of the list taken under a small lock, so listeners may subscribe or leave while an event is
being delivered; a listener that raises is logged and kept, and never stops the others.

Owners call ``emit`` *outside* their own locks (napari's EventEmitter is the model): a
listener that calls back into its owner must not deadlock, and a slow one must not hold up
writers.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class Subscription:
    """A handle on one listener; ``close()`` (idempotent) removes it."""

    __slots__ = ("_owner", "_key", "__weakref__")

    def __init__(self, owner: Listeners, key: int) -> None:
        self._owner: Listeners | None = owner
        self._key = key

    def close(self) -> None:
        owner, self._owner = self._owner, None
        if owner is not None:
            owner._remove(self._key)

    @property
    def active(self) -> bool:
        return self._owner is not None and self._owner._has(self._key)

    def __enter__(self) -> Subscription:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Listeners(Generic[T]):
    def __init__(self, name: str = "listeners") -> None:
        self.name = name
        self._lock = threading.Lock()
        self._next = 0
        # key → a callable returning the listener, or None once a weak one has died
        self._items: dict[int, Callable[[], Callable[[T], object] | None]] = {}

    def subscribe(self, listener: Callable[[T], object], *, weak: bool = False) -> Subscription:
        if weak and hasattr(listener, "__self__") and hasattr(listener, "__func__"):
            ref: Callable[[], Callable[[T], object] | None] = weakref.WeakMethod(listener)  # type: ignore[arg-type]
        elif weak:
            ref = weakref.ref(listener)  # type: ignore[arg-type]
        else:
            def ref(listener: Callable[[T], object] = listener) -> Callable[[T], object]:
                return listener
        with self._lock:
            key = self._next
            self._next += 1
            self._items[key] = ref
        return Subscription(self, key)

    def emit(self, event: T) -> None:
        with self._lock:
            items = list(self._items.items())
        dead = []
        for key, ref in items:
            listener = ref()
            if listener is None:
                dead.append(key)
                continue
            try:
                listener(event)
            except Exception:  # one broken view must not break the engine or the others
                log.exception("%s: listener %r failed", self.name, listener)
        for key in dead:
            self._remove(key)

    def __len__(self) -> int:
        with self._lock:
            return sum(1 for ref in self._items.values() if ref() is not None)

    def _remove(self, key: int) -> None:
        with self._lock:
            self._items.pop(key, None)

    def _has(self, key: int) -> bool:
        with self._lock:
            return key in self._items
