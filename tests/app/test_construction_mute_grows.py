"""``mute_grows`` (round 18 candidate, off by default): a rejected change's mute takes what
joins it soon after the reject — a lawn patch spreading — and nothing that starts later."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 20.0
FIRST, NEXT = (100, 40, 64, 64), (100, 104, 64, 64)  # x, y, w, h: right below it


def _patch(img: np.ndarray, box) -> np.ndarray:
    x, y, w, h = box
    out = img.copy()
    cv2.rectangle(out, (x, y), (x + w - 1, y + h - 1), (215, 215, 220), -1)
    return out


def _alarms(grows: float | None, next_from: int) -> list[tuple[int, tuple]]:
    """A patch from sample 10, rejected 5 samples after it is raised; another right below
    it from ``next_from``; the alarms raised after the reject."""
    base, rng = cs.ground(), np.random.default_rng(1)
    one = _patch(base, FIRST)
    two = _patch(one, NEXT)
    det = ConstructionDetector(parse_zones(cs.zones(PERSIST)), ConstructionConfig(
        sample_period_s=1.0, min_persist_s=PERSIST, mute_grows=grows))
    rejected_at, out = None, []
    for i in range(110):
        frame = cs.shot(base if i < 10 else one if i < next_from else two, rng)
        for ev in det.process(frame, float(i)):
            if isinstance(ev, Detection):
                if rejected_at is None:
                    rejected_at = ev.event.t_detected + 5
                    first = ev.event.id
                else:
                    out.append((i, ev.event.bbox_px))
        if rejected_at is not None and i == rejected_at:
            assert det.mute(first)
    assert rejected_at is not None and rejected_at < 40
    return out


@pytest.mark.parametrize("grows", [None, 0.5])
def test_a_patch_spreading_right_after_the_reject(grows) -> None:
    raised = _alarms(grows, next_from=38)
    if grows is None:
        assert len(raised) == 1 and raised[0][1][1] >= 96  # the spread, raised anew
    else:
        assert raised == []  # muted with the rejected patch


def test_what_starts_past_the_window_is_raised_on_its_own() -> None:
    raised = _alarms(0.5, next_from=52)  # 0.5 × 20 s after a reject at about 36 s: 46 s
    assert len(raised) == 1 and raised[0][1][1] >= 96
