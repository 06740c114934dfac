"""A file checked again gives the same alarms: ``control-room detect --detector construction``
(and the construction bench, which runs the same ``detect_file``) runs OpenCV on one thread,
whose parallel loops otherwise sum in the order the thread schedule decides (round 17: dev
1011's fire-lane alarm came in 3 runs of 4). The process's own setting comes back after."""

from __future__ import annotations

import json
import threading

import cv2
import numpy as np
import pytest

from app.vision.construction.events import Detection
from app.vision.construction.offline import detect_file
from app.vision.construction.zones import load_zones
from app.vision.opencv_threads import one_thread, without_ipp
from tests.fixtures import construction_scene as cs


@pytest.fixture
def two_threads():
    before = cv2.getNumThreads()
    cv2.setNumThreads(2)
    yield
    cv2.setNumThreads(before)


def test_one_thread_inside_and_the_setting_back_after(two_threads) -> None:
    with one_thread():
        assert cv2.getNumThreads() == 1
    assert cv2.getNumThreads() == 2


def test_the_setting_comes_back_when_the_block_fails(two_threads) -> None:
    with pytest.raises(RuntimeError), one_thread():
        raise RuntimeError("a video that cannot be read")
    assert cv2.getNumThreads() == 2


def test_a_file_is_checked_on_one_thread_and_the_shed_still_found(tmp_path, two_threads):
    base, rng = cs.ground(), np.random.default_rng(11)
    built = cs.with_shed(base, cs.ON_LAWN)
    video = cs.write_video([cs.shot(base if i < 30 else built, rng) for i in range(100)],
                           tmp_path / "tl.mp4", 1.0)
    zones = tmp_path / "zones.json"
    zones.write_text(json.dumps({"zones": [cs.LAWN], "min_persist_s": 20}))
    seen = []
    run = detect_file(video, load_zones(zones),
                      on_event=lambda ev: seen.append((ev, cv2.getNumThreads())))
    assert [type(ev) for ev, _ in seen] == [Detection] and seen[0][1] == 1
    assert len(run.events) == 1
    assert cv2.getNumThreads() == 2


def test_without_ipp_inside_back_after_and_only_on_its_own_thread() -> None:
    """IPP's last bit follows the inputs' memory alignment (test_construction_determinism.py);
    ``setUseIPP`` is per thread, so a camera worker switching it off leaves the others be."""
    before = cv2.ipp.useIPP()
    seen = {}

    def other() -> None:
        seen["other"] = cv2.ipp.useIPP()

    with without_ipp():
        assert not cv2.ipp.useIPP()
        t = threading.Thread(target=other)
        t.start()
        t.join()
    assert cv2.ipp.useIPP() == before
    assert seen["other"] == before
