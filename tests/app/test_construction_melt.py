"""The lawn group guard after a snowy start (dev 1025): the reference seeded while snow lay
on the lawns must lose it once the snow melts, or the guard (many lawn blocks changed at
once: weather) keeps every lawn out of judgement for good — and a shed put on the lawn after
the melt is never raised. Small synthetic input: tests/fixtures/construction_scene.py."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 20.0  # seconds = samples (one a second)
SNOWY, SHED = 14, 300  # snow lies for the reference's seeding only; a shed from 300 on


def _snow(img: np.ndarray) -> np.ndarray:
    """Snow lying in drifts over about 40 % of the lawn, none on the plaza."""
    out = img.copy()
    for x, y in ((70, 70), (200, 80), (100, 200), (230, 230), (80, 300), (180, 150)):
        cv2.ellipse(out, (x, y), (45, 30), 0, 0, 360, (235, 238, 240), -1)
    return out


@pytest.mark.xfail(strict=True, reason="not fixed: letting a guarded group learn (tried in "
                   "round 9d, reverted) passed this but on dev video 1025 moved the lawn "
                   "reference further away (66-72 % of lawn blocks changed on day 4) and "
                   "lost dev 1015's shed")
def test_a_reference_seeded_on_snow_loses_it_after_the_melt_and_a_later_shed_is_raised() -> None:
    det = ConstructionDetector(parse_zones(cs.zones(PERSIST)),
                               ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST))
    base, rng = cs.ground(), np.random.default_rng(3)
    built = cs.with_shed(base, cs.ON_LAWN)
    found, guarded_at = [], []
    for i in range(SHED + 3 * int(PERSIST)):
        img = cs.shot(built if i >= SHED else base, rng)
        before = det.stats.get("group", 0)
        for ev in det.process(_snow(img) if i < SNOWY else img, float(i)):
            if isinstance(ev, Detection):
                found.append((i, ev))
        if det.stats.get("group", 0) > before:
            guarded_at.append(i)
    # the melt is weather: the guard fires, the lawns' reference follows, the guard stops
    assert guarded_at and guarded_at[-1] < SHED - 2 * PERSIST, guarded_at[-5:]
    # no alarm from the melt; the shed put up afterwards is raised once, in time, on it
    assert len(found) == 1, [(i, ev.event.bbox_px) for i, ev in found]
    at, ev = found[0]
    assert ev.event.zone == "lawn-1" and SHED + PERSIST <= at <= SHED + 3 * PERSIST
    x, y, w, h = ev.event.bbox_px
    sx, sy = cs.ON_LAWN
    assert x <= sx + 20 and y <= sy + 20 and x + w >= sx + 76 and y + h >= sy + 60
