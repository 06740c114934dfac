"""The wall process caps glibc's malloc arenas (app/wall/memory.py): threads that hand
buffers to each other (camera frames to the GUI, render buffers) then share two heaps
instead of one each, which fragmented and held their pages for good (the soak's growth).

Checked in a fresh process, as the cap only holds for arenas not made yet: eight threads
allocating and freeing frame-sized buffers at once, the heaps counted from glibc's own
``malloc_info`` report."""

from __future__ import annotations

import ctypes.util
import json
import platform
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(
    platform.system() != "Linux" or platform.libc_ver()[0] != "glibc",
    reason="malloc arenas are glibc's")

PROBE = textwrap.dedent("""
    import ctypes, ctypes.util, json, os, sys, tempfile, threading
    import numpy as np
    from app.wall.memory import limit_malloc_arenas
    cap = limit_malloc_arenas(int(sys.argv[1]))
    start = threading.Barrier(8)
    def churn():
        start.wait()
        for _ in range(200):  # frame-sized, as a camera reader's; freed again at once
            frame = np.empty((360, 640, 3), np.uint8)
            frame[::97] = 1
            del frame
            small = [bytearray(512) for _ in range(50)]
            del small
    threads = [threading.Thread(target=churn) for _ in range(8)]
    for t in threads: t.start()
    for t in threads: t.join()
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.fopen.restype = ctypes.c_void_p
    libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
    libc.fclose.argtypes = [ctypes.c_void_p]
    path = tempfile.mktemp()
    fh = libc.fopen(path.encode(), b"w")
    libc.malloc_info(0, fh)
    libc.fclose(fh)
    report = open(path).read()
    os.unlink(path)
    print(json.dumps({"cap": cap, "heaps": report.count("<heap nr=")}))
""")


def _heaps(arenas: int) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, str(arenas)], capture_output=True,
                         text=True, timeout=120, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_threads_trading_buffers_share_the_capped_arenas():
    assert ctypes.util.find_library("c")
    capped = _heaps(2)
    assert capped == {"cap": 2, "heaps": 2}
    default = _heaps(0)  # glibc's default: a heap per contending thread, up to 8 per core
    assert default["cap"] is None and default["heaps"] > 2, default


def test_the_environment_sets_the_count_and_a_bad_value_falls_back_to_two(monkeypatch):
    from app.wall import memory

    calls = []

    class Libc:  # glibc's mallopt, recorded (the process's own arenas are left alone)
        def mallopt(self, param: int, value: int) -> int:
            calls.append((param, value))
            return 1

    monkeypatch.setattr(memory, "_libc", lambda: Libc())
    for raw, expected in (("lots", 2), ("4", 4), ("", 2)):
        monkeypatch.setenv(memory.ARENAS_ENV, raw)
        assert memory.limit_malloc_arenas() == expected
    monkeypatch.setenv(memory.ARENAS_ENV, "0")  # 0: glibc's default, nothing set
    assert memory.limit_malloc_arenas() is None
    assert calls == [(memory.M_ARENA_MAX, 2), (memory.M_ARENA_MAX, 4),
                     (memory.M_ARENA_MAX, 2)]
