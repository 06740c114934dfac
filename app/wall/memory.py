"""The wall's memory against glibc's allocator: a wall runs for weeks.

``limit_malloc_arenas``: glibc gives each thread that meets contention its own heap
("arena", up to 8 per core). The wall process has dozens of threads (camera readers and
analysers, the simulator, storage, OpenGL's rasteriser threads) handing video frames and
render buffers to the GUI thread, which frees them into the arena they came from; the
arenas fragment and keep their pages even after ``malloc_trim``. In the soak (docs/
benchmarks.md) the wall's held memory rose ~+50 MB per wall hour with the default arenas
and ~+11 with two, tile kinds alone or together. Called once at start, before the engine's
threads exist; ``CONTROL_ROOM_MALLOC_ARENAS`` overrides the count (0: glibc's default).

``release_free_memory``: ``malloc_trim(0)``, after each preset switch and every few minutes,
gives freed heap back to the system (``bench wall`` samples the resident size before and
after it: ~80 MB of ~1 GB were freed heap the process still held).

``heap_in_use_mb``: what glibc says is handed out and not freed (``mallinfo2``), sampled by
``bench wall``: a leak grows it, an allocator keeping freed pages does not.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import logging
import os

log = logging.getLogger(__name__)

M_ARENA_MAX = -8  # glibc's mallopt parameter number (malloc.h)
WALL_ARENAS = 2
ARENAS_ENV = "CONTROL_ROOM_MALLOC_ARENAS"


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


def limit_malloc_arenas(arenas: int | None = None) -> int | None:
    """Cap glibc's arenas for this process at ``arenas`` (default: ``WALL_ARENAS``, or the
    environment's ``CONTROL_ROOM_MALLOC_ARENAS``; 0 leaves glibc's default). Returns the
    cap set, or None where there is nothing to set (not glibc, or 0)."""
    if arenas is None:
        raw = os.environ.get(ARENAS_ENV, "").strip()
        try:
            arenas = int(raw) if raw else WALL_ARENAS
        except ValueError:
            log.warning("%s=%r is not a whole number; using %d arenas", ARENAS_ENV, raw,
                        WALL_ARENAS)
            arenas = WALL_ARENAS
    libc = _libc()
    if arenas <= 0 or libc is None or not hasattr(libc, "mallopt"):
        return None
    if libc.mallopt(M_ARENA_MAX, int(arenas)) != 1:
        return None
    return int(arenas)


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]


def heap_in_use_mb() -> float:
    """glibc's own count of the bytes handed out and not freed, over every arena and the
    large blocks it maps apart (``mallinfo2``: uordblks + hblkhd); NaN elsewhere."""
    mallinfo2 = getattr(_libc(), "mallinfo2", None)  # glibc 2.33 and later
    if mallinfo2 is None:
        return float("nan")
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return (info.uordblks + info.hblkhd) / 1e6
