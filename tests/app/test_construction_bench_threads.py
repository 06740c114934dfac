"""bench.construction_set scores on one OpenCV thread (round 17): OpenCV's parallel loops sum in
an order the thread schedule decides, and two scorings of the same code gave different alarms
(dev 1011's fire-lane alarm, rounds 14-16). The process's own setting comes back afterwards."""

from __future__ import annotations

import cv2
import pytest

from bench.construction_set import one_thread


def test_one_thread_inside_and_the_setting_back_after() -> None:
    before = cv2.getNumThreads()
    cv2.setNumThreads(2)
    try:
        with one_thread():
            assert cv2.getNumThreads() == 1
        assert cv2.getNumThreads() == 2
    finally:
        cv2.setNumThreads(before)


def test_the_setting_comes_back_when_the_scoring_fails() -> None:
    before = cv2.getNumThreads()
    cv2.setNumThreads(2)
    try:
        with pytest.raises(RuntimeError), one_thread():
            raise RuntimeError("a video that cannot be read")
        assert cv2.getNumThreads() == 2
    finally:
        cv2.setNumThreads(before)
