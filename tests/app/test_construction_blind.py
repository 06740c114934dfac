"""Runs carried through hours no sample could judge, on small synthetic inputs
(tests/fixtures/construction_scene.py).

A run lives on no evidence while no sample can judge it — the registration cannot align a
rainy day, the lens is covered — and the first sample after could raise it: a rainy night
started wet-lawn runs, 85 samples of the next day could not be registered, and the next
dusk's first infrared sample raised them 18 h old (dev 1025). Now such a run is judged
afresh by the day, as a run the night carried unseen is (test_construction_dawn.py).
"""

from __future__ import annotations

import cv2
import numpy as np

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 20.0  # seconds = samples (one a second)


def _striped(base: np.ndarray, rects: list[tuple[int, int, int, int]]) -> np.ndarray:
    """``rects`` (x, y, w, h) seen differently: a wet surface, low raking light."""
    out = base.copy()
    for x, y, w, h in rects:
        stripes = np.ones((h, w), np.float32)
        for k in range(-h, w, 12):
            cv2.line(stripes, (k, h), (k + h, 0), 0.4, 4)
        out[y:y + h, x:x + w] *= stripes[..., None]
    return out


def _detector() -> ConstructionDetector:
    return ConstructionDetector(parse_zones({"zones": [cs.LAWN], "min_persist_s": PERSIST}),
                                ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST))


# ---- carried through blind hours ----------------------------------------------------------
DAY, NIGHT = 28, 20  # the first day seeds the colour reference, the night's first 12 the infrared
WET = (100, 120, 64, 64)  # the lawn the lamp shows differently when wet
BLIND = range(DAY + NIGHT, DAY + NIGHT + 14)  # samples that judge nothing
NIGHT2 = range(BLIND[-1] + 1, BLIND[-1] + 9)  # the next night
MORNING = NIGHT2[-1] + 1


def _through_blind_hours(night_look: set[int], day_look: set[int], total: int,
                         shed: bool = False) -> list[tuple[int, Detection]]:
    det = _detector()
    base, rng = cs.ground(), np.random.default_rng(5)
    if shed:
        built = cs.with_shed(base, cs.ON_LAWN)
    found = []
    for i in range(total):
        scene = built if shed and i >= 14 else base
        if i in BLIND:  # a covered lens, a picture nothing can be registered on
            frame = np.full((cs.H, cs.W, 3), 40, np.uint8)
        elif DAY <= i < DAY + NIGHT or i in NIGHT2:
            frame = cs.infrared(_striped(scene, [WET]) if i in night_look else scene, rng)
        else:
            frame = cs.shot(_striped(scene, [WET]) if i in day_look else scene, rng)
        found += [(i, ev) for ev in det.process(frame, float(i)) if isinstance(ev, Detection)]
    return found


def test_a_wet_lawn_carried_through_blind_hours_is_not_raised_by_the_next_night() -> None:
    """The lamp shows the wet lawn from the night's judged samples on (the run starts at
    41 and holds); the blind hours pass; the next night's first samples show it again. The
    old code raised it by the next night's first sample, 21 samples old, though no day had
    ever seen it; the morning shows the lawn as it always was."""
    wet = set(range(DAY + 12, DAY + NIGHT)) | set(NIGHT2)
    assert _through_blind_hours(wet, set(), total=MORNING + 14) == []


def test_a_shed_carried_through_blind_hours_is_raised_by_the_day_after() -> None:
    """The guard: a shed the day saw go up (sample 14), carried through the night and the
    blind hours, is raised once the day's own samples have judged it again, its start
    kept."""
    found = _through_blind_hours(set(), set(), total=MORNING + 14, shed=True)
    assert [ev.event.zone for _i, ev in found] == ["lawn-1"]
    i, ev = found[0]
    assert MORNING < i <= MORNING + 9
    assert ev.event.t_onset < DAY
