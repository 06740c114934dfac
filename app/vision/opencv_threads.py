"""one_thread: OpenCV on one thread for a block, then as it was.

OpenCV's parallel loops sum floating point in an order the thread schedule decides, so the
same video could give different alarms from one run to the next (the construction bench saw
dev 1011's fire-lane alarm in 3 runs of 4, rounds 14-16). A file checked again — evidence
re-run by an auditor, two versions compared in a benchmark — must give the same alarms.

The setting is the process's own: for a command that checks a file (``control-room detect``,
the bench), not for a server whose other cameras run in the same process meanwhile."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import cv2


@contextmanager
def one_thread() -> Iterator[None]:
    before = cv2.getNumThreads()
    cv2.setNumThreads(1)
    try:
        yield
    finally:
        cv2.setNumThreads(before)
