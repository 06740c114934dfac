"""``bench wall``'s heap-in-use column: glibc's own count of the bytes handed out and not
freed. It is what tells a leak (in use grows) from an allocator that keeps freed pages
(resident grows, in use does not), so it must follow a real allocation and its release."""

from __future__ import annotations

import math
import sys

import numpy as np
import pytest

from app.wall.memory import heap_in_use_mb

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")


def test_heap_in_use_follows_an_allocation_and_its_release() -> None:
    before = heap_in_use_mb()
    if math.isnan(before):
        pytest.skip("this C library has no mallinfo2")
    block = np.ones(80_000_000, dtype=np.uint8)  # 80 MB through malloc, every page touched
    held = heap_in_use_mb()
    del block
    after = heap_in_use_mb()
    assert 75 < held - before < 90
    assert abs(after - before) < 5


def test_small_blocks_kept_alive_count_as_in_use() -> None:
    before = heap_in_use_mb()
    if math.isnan(before):
        pytest.skip("this C library has no mallinfo2")
    kept = [bytearray(2_000) for _ in range(10_000)]  # ~20 MB of arena chunks, not mmapped
    grown = heap_in_use_mb() - before
    del kept
    assert 18 < grown < 26
