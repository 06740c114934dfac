"""Giving freed heap back to the system: a wall runs for weeks, and each preset switch frees
the tiles of the last one (3D view, video frames, plots) on several threads' glibc arenas,
which keep the pages unless asked. ``bench wall`` found the resident size rising ~140 MB per
wall hour without this and flat with it, with Python's own heap and every counted object flat:
retained free memory, not a leak."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools


@functools.cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


def release_free_memory() -> bool:
    """``malloc_trim(0)`` where the C library has it (glibc); False elsewhere (a no-op)."""
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True
