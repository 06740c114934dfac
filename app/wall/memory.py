"""Giving freed heap back to the system: a wall runs for weeks, and each preset switch frees
the tiles of the last one (3D view, video frames, plots) on several threads' glibc arenas,
which keep the freed pages unless asked. ``bench wall`` samples the resident size before and
after this (the difference is freed heap the process was still holding: ~80 MB of ~1 GB)."""

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
