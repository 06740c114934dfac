"""one_thread: OpenCV on one thread for a block, then as it was; without_ipp: the same for
Intel IPP, on the calling thread.

OpenCV's parallel loops sum floating point in an order the thread schedule decides, so the
same video could give different alarms from one run to the next (the construction bench saw
dev 1011's fire-lane alarm in 3 runs of 4, rounds 14-16). A file checked again — evidence
re-run by an auditor, two versions compared in a benchmark — must give the same alarms.

The setting is the process's own: for a command that checks a file (``control-room detect``,
the bench), not for a server whose other cameras run in the same process meanwhile.

IPP (OpenCV's bundled Intel primitives) answers in another last bit depending on where in
memory its input arrays lie: ECC on the same two pictures, copied to each 4-byte offset from
a 64-byte boundary, gives two warps one ulp apart with IPP and one warp without it (round 21,
fresh 1060 sample 134, ``r21/ecc_probe.py``). Where numpy puts an array differs between
processes, so that was the construction detector's run-to-run difference of round 20.
``cv2.ipp.setUseIPP`` is per thread, so ``without_ipp`` is safe in a camera worker."""

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


@contextmanager
def without_ipp() -> Iterator[None]:
    before = cv2.ipp.useIPP()
    cv2.ipp.setUseIPP(False)
    try:
        yield
    finally:
        cv2.ipp.setUseIPP(before)
